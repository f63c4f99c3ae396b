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

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * One call signalling message: the event, sender ({@code curId}), receiver ({@code targetId}), session, the absolute
 * deadline in epoch milliseconds ({@code timeout}, 0 when absent), call type, {@code extra} and an optional reason.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record CallMessage(CallEvent event, String curId, String targetId, String sessionId, long timeout,
        CallType callType, Map<String, Object> extra, String reason) {

    public CallMessage {
        extra = Map.copyOf(extra);
    }

    public static CallMessage of(CallEvent event, String curId, String targetId, String sessionId) {
        return new CallMessage(event, curId, targetId, sessionId, 0, CallType.ONE_TO_ONE, Map.of(), "");
    }
}
