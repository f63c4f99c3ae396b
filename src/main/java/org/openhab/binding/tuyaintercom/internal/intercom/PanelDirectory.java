/*
 * Copyright (c) 2026 Tuya Intercom binding contributors
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.tuyaintercom.internal.intercom;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;

/**
 * The panel sessions the web endpoints can reach, by thing UID, the sign-in pages of the account bridges, and the cap
 * on open call pages they share. Handlers
 * enter their session while it is up.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(service = PanelDirectory.class)
public class PanelDirectory {
    private final Map<String, PanelSession> panels = new ConcurrentHashMap<>();
    private final Map<String, SignInEndpoint> signIns = new ConcurrentHashMap<>();
    private final PageLimits pageLimits = new PageLimits(PageLimits.MAX_PAGES_TOTAL);

    public void register(String thingUID, PanelSession panel) {
        panels.put(thingUID, panel);
    }

    public void unregister(String thingUID, PanelSession panel) {
        panels.remove(thingUID, panel);
    }

    public @Nullable PanelSession get(String thingUID) {
        return panels.get(thingUID);
    }

    /** The sign-in pages of account bridges, by bridge UID (a bridge signing in by QR code enters it). */
    public void registerSignIn(String bridgeUID, SignInEndpoint endpoint) {
        signIns.put(bridgeUID, endpoint);
    }

    public void unregisterSignIn(String bridgeUID, SignInEndpoint endpoint) {
        signIns.remove(bridgeUID, endpoint);
    }

    public @Nullable SignInEndpoint signIn(String bridgeUID) {
        return signIns.get(bridgeUID);
    }

    /** The cap on open call pages across all panels. */
    public PageLimits pageLimits() {
        return pageLimits;
    }
}
