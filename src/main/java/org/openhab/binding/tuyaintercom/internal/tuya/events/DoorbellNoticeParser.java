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
package org.openhab.binding.tuyaintercom.internal.tuya.events;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells doorbell presses from the call notices of classic video doorbells, which are no data point reports:
 * <ul>
 * <li>the device's own call notice, MQTT protocol 43 {@code {"devId","etype":"ac_doorbell","edata":"<messageId>"}}
 * (tuya/TuyaOpen #610);</li>
 * <li>the message-service form of the same notice, {@code {"bizCode":"event_notify","bizData":{"devId",
 * "etype":"ac_doorbell","edata"}}} (Scrypted #792), which reaches MQTT clients as protocol 20 beside
 * {@code online}/{@code offline} (inferred: the open-hub and the Pulsar message service carry the same
 * {@code bizCode} messages).</li>
 * </ul>
 * The device's time is the notice's own time ({@code time}, {@code t} or {@code ts} of the notice or its
 * {@code bizData}), else the message's {@code t}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DoorbellNoticeParser {
    public static final int PROTOCOL_DEVICE_NOTICE = 43;
    public static final int PROTOCOL_CLOUD_EVENT = 20;
    public static final String SOURCE_PROTOCOL_43 = "protocol-43";
    public static final String SOURCE_EVENT_NOTIFY = "event_notify";
    /** {@code etype} values that are a press ({@code doorbell} is the iOS SDK's other call type). */
    static final Set<String> DOORBELL_TYPES = Set.of("ac_doorbell", "doorbell");

    private DoorbellNoticeParser() {
    }

    /** The press a protocol 43 or protocol 20 message ({@code data}, decrypted) reports, if any. */
    public static Optional<DoorbellPress> parse(int protocol, JsonNode data, long messageTime) {
        JsonNode notice;
        String source;
        if (protocol == PROTOCOL_DEVICE_NOTICE) {
            notice = data;
            source = SOURCE_PROTOCOL_43;
        } else if (protocol == PROTOCOL_CLOUD_EVENT && SOURCE_EVENT_NOTIFY.equals(data.path("bizCode").asText(""))) {
            notice = data.path("bizData");
            source = SOURCE_EVENT_NOTIFY;
        } else {
            return Optional.empty();
        }
        if (!DOORBELL_TYPES.contains(notice.path("etype").asText(""))) {
            return Optional.empty();
        }
        Instant pressedAt = firstTime(notice, data);
        return Optional
                .of(new DoorbellPress(source, null, pressedAt != null ? pressedAt : DeviceTime.of(messageTime), ""));
    }

    /** The id of the device a notice is about: {@code devId} of the notice or of its {@code bizData}. */
    public static String deviceId(JsonNode data) {
        return data.path("devId").asText(data.path("bizData").path("devId").asText(""));
    }

    private static @Nullable Instant firstTime(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            for (String field : new String[] { "time", "t", "ts" }) {
                Instant time = DeviceTime.of(node.path(field));
                if (time != null) {
                    return time;
                }
            }
        }
        return null;
    }
}
