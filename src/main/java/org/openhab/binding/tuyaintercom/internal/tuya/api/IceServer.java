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
package org.openhab.binding.tuyaintercom.internal.tuya.api;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A STUN or TURN server of a WebRTC configuration. The TURN credential is a secret. {@code ttlSeconds} is how long
 * Tuya says the credential lasts (3600 in real responses), 0 when not given.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record IceServer(String urls, String username, String credential, long ttlSeconds) {
    public IceServer(String urls, String username, String credential) {
        this(urls, username, credential, 0);
    }

    @Override
    public String toString() {
        return "IceServer[" + urls + "]";
    }
}
