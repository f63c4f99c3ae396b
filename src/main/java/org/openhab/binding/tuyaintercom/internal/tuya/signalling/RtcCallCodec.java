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
package org.openhab.binding.tuyaintercom.internal.tuya.signalling;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.call.CallEvent;
import org.openhab.binding.tuyaintercom.internal.call.CallMessage;
import org.openhab.binding.tuyaintercom.internal.call.CallType;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaIds;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Call signalling on the wire: MQTT protocol 308 with {@code {"type":"rtc","data":{event, curId, targetId,
 * sessionId, timeout, callType, extra, reason}}}, and the push-notification link {@code …://rtcCall?param=<json>}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class RtcCallCodec {
    public static final int PROTOCOL = 308;
    static final int MAX_ID_LENGTH = 128;

    private RtcCallCodec() {
    }

    /** The call message in the {@code data} of a 308 message. */
    public static CallMessage decode(JsonNode data) {
        if (!"rtc".equals(data.path("type").asText(""))) {
            throw new IllegalArgumentException("not an rtc message: type '" + data.path("type").asText("") + "'");
        }
        return decodeRtc(data.path("data"));
    }

    static CallMessage decodeRtc(JsonNode rtc) {
        if (!rtc.isObject()) {
            throw new IllegalArgumentException("no rtc data");
        }
        String eventName = rtc.path("event").asText("");
        CallEvent event = CallEvent.of(eventName);
        if (event == null) {
            throw new IllegalArgumentException("unknown call event '" + shorten(eventName) + "'");
        }
        String curId = id(rtc, "curId");
        String sessionId = id(rtc, "sessionId");
        if (curId.isEmpty() || sessionId.isEmpty()) {
            throw new IllegalArgumentException("call event without curId or sessionId");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        JsonNode extraNode = rtc.path("extra");
        if (extraNode.isTextual()) {
            try {
                extraNode = TuyaJson.parse(extraNode.asText());
            } catch (IllegalArgumentException e) {
                extraNode = TuyaJson.object();
            }
        }
        extraNode.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isValueNode() && extra.size() < 32) {
                extra.put(shorten(e.getKey()), value.isNumber() ? value.numberValue()
                        : value.isBoolean() ? (Object) value.booleanValue() : shorten(value.asText()));
            }
        });
        return new CallMessage(event, curId, id(rtc, "targetId"), sessionId, rtc.path("timeout").asLong(0),
                CallType.of(rtc.path("callType").asInt(1)), extra, shorten(rtc.path("reason").asText("")));
    }

    /** The whole 308 message for a call message. */
    public static String encode(CallMessage message, long epochSeconds) {
        ObjectNode envelope = TuyaJson.object();
        envelope.put("protocol", PROTOCOL);
        envelope.put("pv", "2.2");
        envelope.put("t", epochSeconds);
        ObjectNode data = envelope.putObject("data");
        data.put("type", "rtc");
        ObjectNode rtc = data.putObject("data");
        rtc.put("event", message.event().wireName());
        rtc.put("curId", message.curId());
        rtc.put("targetId", message.targetId());
        rtc.put("sessionId", message.sessionId());
        if (message.timeout() > 0) {
            rtc.put("timeout", message.timeout());
        }
        if (message.event() == CallEvent.CALL) {
            rtc.put("callType", message.callType().code());
        }
        ObjectNode extra = rtc.putObject("extra");
        message.extra().forEach(extra::putPOJO);
        if (!message.reason().isEmpty()) {
            rtc.put("reason", message.reason());
        }
        return TuyaJson.write(envelope);
    }

    /**
     * The call message of a push link {@code <scheme>://rtcCall?param=<url-encoded json>}; the JSON is the rtc data
     * itself or a whole {@code {"type":"rtc","data":…}}.
     */
    public static CallMessage decodePushLink(String link) {
        URI uri;
        try {
            uri = URI.create(link.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a link");
        }
        if (!"rtcCall".equals(uri.getHost()) || uri.getRawQuery() == null) {
            throw new IllegalArgumentException("not an rtcCall link");
        }
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith("param=")) {
                JsonNode param = TuyaJson.parse(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
                return param.has("type") ? decode(param) : decodeRtc(param);
            }
        }
        throw new IllegalArgumentException("rtcCall link without param");
    }

    private static String id(JsonNode rtc, String field) {
        JsonNode node = rtc.path(field);
        String value = node.isValueNode() ? node.asText("") : "";
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(field + " too long");
        }
        return TuyaIds.checked(field, value);
    }

    private static String shorten(String text) {
        return text.length() > MAX_ID_LENGTH ? text.substring(0, MAX_ID_LENGTH) : text;
    }
}
