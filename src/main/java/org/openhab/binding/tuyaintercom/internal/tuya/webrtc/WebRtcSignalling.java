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
package org.openhab.binding.tuyaintercom.internal.tuya.webrtc;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaIds;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.IceServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * WebRTC signalling with Tuya devices: MQTT protocol 302 messages {@code offer}, {@code answer}, {@code candidate},
 * {@code disconnect} with the header {@code {type, from, to, sub_dev_id, sessionid, moto_id, tid}}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WebRtcSignalling {
    public static final int PROTOCOL = 302;
    /** Media control messages (resolution, speaker). */
    public static final int CONTROL_PROTOCOL = 312;

    /**
     * Whom an outgoing message is for: the device id of the header's {@code to} (and of the sink topic) and, where the
     * panel is a child device of a gateway or recorder, its own id again in {@code sub_dev_id} (empty otherwise, as
     * public clients send it for stand-alone cameras).
     */
    public record Target(String deviceId, String subDeviceId) {
        /** A stand-alone device: {@code sub_dev_id} empty. */
        public static Target device(String deviceId) {
            return new Target(deviceId, "");
        }
    }

    /** A received 302 message: its type, session and body. */
    public record Message(String type, String sessionId, String from, JsonNode msg) {
        public String sdp() {
            return msg.path("sdp").asText("");
        }

        /** The candidate without its {@code a=} prefix and line end; empty for end-of-candidates. */
        public String candidate() {
            String candidate = msg.path("candidate").asText("").strip();
            return candidate.startsWith("a=") ? candidate.substring(2) : candidate;
        }
    }

    private WebRtcSignalling() {
    }

    public static Message decode(JsonNode data) {
        JsonNode header = data.path("header");
        String type = header.path("type").asText("");
        String session = TuyaIds.checked("sessionid", header.path("sessionid").asText(""));
        if (type.isEmpty() || session.isEmpty()) {
            throw new IllegalArgumentException("302 message without type or session");
        }
        JsonNode msg = data.path("msg");
        if (msg.isTextual()) {
            msg = TuyaJson.parse(msg.asText());
        }
        String sdp = msg.path("sdp").asText("");
        if (sdp.length() > Sdp.MAX_LENGTH) {
            throw new IllegalArgumentException("SDP too large");
        }
        return new Message(type, session, TuyaIds.checked("from", header.path("from").asText("")), msg);
    }

    public static String offer(String from, Target to, String sessionId, String motoId, String sdp, String auth,
            int streamType, List<IceServer> iceServers, long epochSeconds) {
        ObjectNode msg = TuyaJson.object();
        msg.put("mode", "webrtc");
        msg.put("sdp", sdp);
        msg.put("auth", auth);
        msg.put("stream_type", streamType);
        msg.put("datachannel_enable", false);
        ArrayNode token = msg.putArray("token");
        for (IceServer ice : iceServers) {
            ObjectNode server = token.addObject().put("urls", ice.urls());
            if (!ice.username().isEmpty()) {
                server.put("username", ice.username()).put("credential", ice.credential());
            }
            if (ice.ttlSeconds() > 0) {
                server.put("ttl", ice.ttlSeconds()); // as go2rtc sends it: with its ttl, none when unknown
            }
        }
        return envelope(PROTOCOL, "offer", from, to, sessionId, motoId, msg, epochSeconds);
    }

    /** 312 {@code resolution}: {@code cmdValue} 0 HD (main stream), 1 SD (sub stream). */
    public static String resolution(String from, Target to, String sessionId, String motoId, int cmdValue,
            long epochSeconds) {
        ObjectNode msg = TuyaJson.object();
        msg.put("mode", "webrtc");
        msg.put("cmdValue", cmdValue);
        return envelope(CONTROL_PROTOCOL, "resolution", from, to, sessionId, motoId, msg, epochSeconds);
    }

    public static String candidate(String from, Target to, String sessionId, String motoId, String candidate,
            long epochSeconds) {
        ObjectNode msg = TuyaJson.object();
        msg.put("mode", "webrtc");
        msg.put("candidate", candidate.isEmpty() ? "" : "a=" + candidate);
        return envelope(PROTOCOL, "candidate", from, to, sessionId, motoId, msg, epochSeconds);
    }

    public static String disconnect(String from, Target to, String sessionId, String motoId, long epochSeconds) {
        ObjectNode msg = TuyaJson.object();
        msg.put("mode", "webrtc");
        return envelope(PROTOCOL, "disconnect", from, to, sessionId, motoId, msg, epochSeconds);
    }

    /** A message as the device sends it (used by the simulator). */
    public static String fromDevice(String type, String deviceId, String to, String sessionId, String motoId,
            ObjectNode msg, long epochSeconds) {
        return envelope(PROTOCOL, type, deviceId, new Target(to, ""), sessionId, motoId, msg, epochSeconds);
    }

    private static String envelope(int protocol, String type, String from, Target to, String sessionId, String motoId,
            ObjectNode msg, long epochSeconds) {
        ObjectNode envelope = TuyaJson.object();
        envelope.put("protocol", protocol);
        envelope.put("pv", "2.2");
        envelope.put("t", epochSeconds);
        ObjectNode data = envelope.putObject("data");
        ObjectNode header = data.putObject("header");
        header.put("type", type);
        header.put("from", from);
        header.put("to", to.deviceId());
        header.put("sub_dev_id", to.subDeviceId());
        header.put("sessionid", sessionId);
        header.put("moto_id", motoId);
        header.put("tid", "");
        data.set("msg", msg);
        return TuyaJson.write(envelope);
    }
}
