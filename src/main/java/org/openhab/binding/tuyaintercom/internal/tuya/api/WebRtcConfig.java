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

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The WebRTC configuration of a device ({@code webrtc-configs}): signalling server, auth string, ICE servers (only
 * {@code stun:} and {@code turn:} entries; Tuya's {@code nat:} entries are dropped) and what the device can do.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record WebRtcConfig(String deviceId, String motoId, String auth, boolean supportsWebrtc, boolean lowPower,
        boolean twoWayAudio, List<IceServer> iceServers, List<Integer> streamTypes, String skill) {

    public static WebRtcConfig from(JsonNode node) {
        List<IceServer> ices = new ArrayList<>();
        for (JsonNode ice : node.path("p2p_config").path("ices")) {
            String urls = ice.path("urls").asText("");
            if (urls.startsWith("stun:") || urls.startsWith("turn:") || urls.startsWith("turns:")) {
                ices.add(new IceServer(urls, ice.path("username").asText(""), ice.path("credential").asText("")));
            }
        }
        boolean twoWay = false;
        for (JsonNode mode : node.path("audio_attributes").path("call_mode")) {
            twoWay |= mode.asInt() == 2;
        }
        String skillText = node.path("skill").asText("");
        boolean lowPower = false;
        List<Integer> streamTypes = new ArrayList<>();
        if (!skillText.isBlank()) {
            try {
                JsonNode skill = TuyaJson.parse(skillText);
                lowPower = skill.path("lowPower").asInt(0) > 0;
                for (JsonNode video : skill.path("videos")) {
                    streamTypes.add(video.path("streamType").asInt());
                }
            } catch (IllegalArgumentException e) {
                // a skill we cannot read leaves the defaults: not low-power, no stream list
            }
        }
        return new WebRtcConfig(node.path("id").asText(""), node.path("moto_id").asText(""),
                node.path("auth").asText(""), node.path("supports_webrtc").asBoolean(false), lowPower, twoWay,
                List.copyOf(ices), List.copyOf(streamTypes), skillText);
    }

    @Override
    public String toString() {
        return "WebRtcConfig[deviceId=" + deviceId + ", motoId=" + motoId + ", supportsWebrtc=" + supportsWebrtc
                + ", lowPower=" + lowPower + ", twoWayAudio=" + twoWayAudio + ", iceServers=" + iceServers + "]";
    }
}
