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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Timing of calls: how long an incoming call rings at most, how often heartbeats go out during a call, after how
 * long without the panel's heartbeats a call counts as disconnected, the {@code extra} of outgoing calls, and how
 * long an answered call's media may take to connect (then once more after one repair, then the call ends).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record CallSettings(Duration ringTimeout, Duration heartbeatInterval, Duration heartbeatTimeout, String category,
        Duration mediaConnectTimeout) {

    /** How long an answered call's media may take to connect, by default (about 15 s, one repair, once more). */
    public static final Duration DEFAULT_MEDIA_CONNECT_TIMEOUT = Duration.ofSeconds(15);

    /** With the default media connect timeout. */
    public CallSettings(Duration ringTimeout, Duration heartbeatInterval, Duration heartbeatTimeout, String category) {
        this(ringTimeout, heartbeatInterval, heartbeatTimeout, category, DEFAULT_MEDIA_CONNECT_TIMEOUT);
    }
}
