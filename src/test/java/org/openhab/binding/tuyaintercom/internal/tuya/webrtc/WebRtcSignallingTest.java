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

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.IceServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The header of outgoing 302/312 messages: {@code sub_dev_id} carries the panel's id where the device list says it is
 * a child device of a gateway or recorder ({@code gateway_id}), and stays empty for a stand-alone panel, as public
 * clients send it (tuya-protocol.md §4b).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class WebRtcSignallingTest {

    private static JsonNode header(String message) {
        return TuyaJson.parse(message).path("data").path("header");
    }

    private static List<String> allOutgoing(WebRtcSignalling.Target to) {
        return List.of(WebRtcSignalling.offer("me", to, "s1", "moto", "v=0", "auth", 0, List.of(), 1),
                WebRtcSignalling.candidate("me", to, "s1", "moto", "candidate:1 1 udp 1 10.0.0.2 5000 typ host", 1),
                WebRtcSignalling.disconnect("me", to, "s1", "moto", 1),
                WebRtcSignalling.resolution("me", to, "s1", "moto", 0, 1));
    }

    @Test
    void childDeviceOfAGatewayGetsItsIdInSubDevId() {
        DeviceInfo child = DeviceInfo.from(TuyaJson.parse("{\"id\":\"panel1\",\"name\":\"Door\",\"category\":\"sp\","
                + "\"gateway_id\":\"nvr0gateway01\",\"sub\":true}"));
        assertEquals("nvr0gateway01", child.gatewayId());
        assertEquals("panel1", child.subDeviceId());
        for (String message : allOutgoing(new WebRtcSignalling.Target("panel1", child.subDeviceId()))) {
            JsonNode header = header(message);
            assertEquals("panel1", header.path("to").asText(), message);
            assertEquals("panel1", header.path("sub_dev_id").asText(), message);
        }
    }

    @Test
    void standAlonePanelSendsAnEmptySubDevId() {
        for (String json : List.of("{\"id\":\"panel1\",\"category\":\"sp\"}",
                "{\"id\":\"panel1\",\"category\":\"sp\",\"gateway_id\":\"\"}",
                "{\"id\":\"panel1\",\"category\":\"sp\",\"gateway_id\":\"panel1\"}")) {
            DeviceInfo panel = DeviceInfo.from(TuyaJson.parse(json));
            assertEquals("", panel.subDeviceId(), json);
            for (String message : allOutgoing(new WebRtcSignalling.Target("panel1", panel.subDeviceId()))) {
                JsonNode header = header(message);
                assertTrue(header.has("sub_dev_id"), "the field is always there");
                assertEquals("", header.path("sub_dev_id").asText(), message);
            }
        }
        assertEquals("",
                header(WebRtcSignalling.disconnect("me", WebRtcSignalling.Target.device("panel1"), "s1", "moto", 1))
                        .path("sub_dev_id").asText());
    }

    @Test
    void offerTokenEntriesCarryTheirTtlAsGo2rtcSendsThem() {
        String offer = WebRtcSignalling.offer("me", WebRtcSignalling.Target.device("panel1"), "s1", "moto", "v=0",
                "auth", 0, List.of(new IceServer("stun:stun.example:3478", "", "", 0),
                        new IceServer("turn:turn.example:3478", "1700000000:user", "secret", 3600)),
                1);
        JsonNode token = TuyaJson.parse(offer).path("data").path("msg").path("token");
        assertEquals(2, token.size());
        // go2rtc's ICEServer: urls, username/credential and ttl, each left out when empty or 0 (omitempty)
        assertEquals("{\"urls\":\"stun:stun.example:3478\"}", token.get(0).toString());
        assertEquals("{\"urls\":\"turn:turn.example:3478\",\"username\":\"1700000000:user\","
                + "\"credential\":\"secret\",\"ttl\":3600}", token.get(1).toString());
        assertTrue(token.get(1).path("ttl").isIntegralNumber(), "a number, as go2rtc's int");
    }
}
