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
package org.openhab.binding.tuyaintercom.internal.call;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The error codes of Tuya's video-call SDK, each with a stable name: why a call ended or why a request was refused.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public enum CallError {
    INVALID_PARAMS(-2500),
    REQUEST_FAILED(-2501),
    INVALID_RESPONSE(-2502),
    INVALID_DATA(-2503),
    INTERFACE_MANAGER_NOT_FOUND(-2504),
    UNDEFINED_SESSION_ID(-2508),
    REJECTED(-2510),
    PEER_BUSY(-2511),
    NOT_ANSWERED(-2512),
    PEER_HANG_UP(-2513),
    ON_CALLING(-2520),
    REJECTED_BY_OTHERS(-2521),
    ANSWERED_BY_OTHERS(-2522),
    CANCEL(-2523),
    TIMEOUT(-2530),
    CONNECT_FAIL(-2531),
    DISCONNECT(-2532),
    STOP(-2533),
    NETWORK_CHANGED(-2570),
    ENTER_BACKGROUND(-2571);

    private final int code;

    CallError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** "NAME (code)", as shown in the end-reason channel. */
    public String describe() {
        return name() + " (" + code + ")";
    }

    public static @Nullable CallError of(int code) {
        for (CallError error : values()) {
            if (error.code == code) {
                return error;
            }
        }
        return null;
    }
}
