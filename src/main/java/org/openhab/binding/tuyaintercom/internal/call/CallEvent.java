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
 * The events of call signalling, with their wire names in 308 {@code rtc} messages.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public enum CallEvent {
    CALL("call"),
    RING("ring"),
    ANSWER("answer"),
    REJECT("reject"),
    CANCEL("cancel"),
    HANG_UP("hang_up"),
    BUSY("busy"),
    STOP("stop"),
    HEARTBEAT("heartbeat"),
    NOT_ANSWERED("not_answered"),
    ALREADY_ANSWERED("already_answered");

    private final String wireName;

    CallEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static @Nullable CallEvent of(String wireName) {
        for (CallEvent event : values()) {
            if (event.wireName.equals(wireName)) {
                return event;
            }
        }
        return null;
    }
}
