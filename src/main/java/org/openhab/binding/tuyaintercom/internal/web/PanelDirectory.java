/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
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
package org.openhab.binding.tuyaintercom.internal.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;

/**
 * The panels the web endpoints can reach, by thing UID. Handlers enter themselves while initialized.
 */
@NonNullByDefault
@Component(service = PanelDirectory.class)
public class PanelDirectory {
    private final Map<String, WebPanel> panels = new ConcurrentHashMap<>();

    public void register(String thingUID, WebPanel panel) {
        panels.put(thingUID, panel);
    }

    public void unregister(String thingUID, WebPanel panel) {
        panels.remove(thingUID, panel);
    }

    public @Nullable WebPanel get(String thingUID) {
        return panels.get(thingUID);
    }
}
