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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The WebRTC configuration of a device ({@code webrtc-configs}): signalling server, auth string, ICE servers (only
 * {@code stun:} and {@code turn:} entries; Tuya's {@code nat:} entries are dropped) and what the device can do.
 * <p>
 * Its TURN credentials carry a {@code ttl} and a time-stamped user name, and the {@code auth} string may expire too:
 * public clients fetch a new configuration per stream (TuyaInc/webrtc-demo-go per call, AlexxIT/go2rtc per stream).
 * The binding uses one for at most {@link #maxAge()}.
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
                ices.add(new IceServer(urls, ice.path("username").asText(""), ice.path("credential").asText(""),
                        Math.max(0, ice.path("ttl").asLong(0))));
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

    /** Skill codec types of video streams (AlexxIT/go2rtc {@code pkg/tuya/interface.go}). */
    public static final int CODEC_H264 = 2;
    public static final int CODEC_H265 = 4;
    /** Skill {@code webrtc} bit: the device switches clarity (312 {@code resolution}). */
    public static final int SKILL_CLARITY_SWITCH = 1 << 5;

    /** A video stream of the skill: {@code streamType} 2 main (HD) / 4 sub (SD), codec 2 H.264 / 4 H.265. */
    public record VideoStream(int streamType, int codecType, int width, int height) {
    }

    /** The video streams the skill lists (none when it lists none or cannot be read). */
    public List<VideoStream> videoStreams() {
        List<VideoStream> streams = new ArrayList<>();
        if (skill.isBlank()) {
            return streams;
        }
        try {
            for (JsonNode video : TuyaJson.parse(skill).path("videos")) {
                streams.add(new VideoStream(video.path("streamType").asInt(), video.path("codecType").asInt(),
                        video.path("width").asInt(0), video.path("height").asInt(0)));
            }
        } catch (IllegalArgumentException e) {
            // no stream list
        }
        return streams;
    }

    /**
     * The {@code stream_type} for an offer: the H.264 stream of the skill with the most pixels, mapped as go2rtc does
     * (skill 2 → 0 main, 4 → 1 sub); 0 when the skill lists no H.264 stream or none at all.
     */
    public int offerStreamType() {
        VideoStream best = null;
        for (VideoStream stream : videoStreams()) {
            if (stream.codecType() == CODEC_H264
                    && (best == null || stream.width() * stream.height() > best.width() * best.height())) {
                best = stream;
            }
        }
        if (best == null) {
            return 0;
        }
        return switch (best.streamType()) {
            case 2 -> 0;
            case 4 -> 1;
            default -> best.streamType();
        };
    }

    /** The skill lists video streams, and none of them is H.264 (an H.265-only panel: no video in a browser). */
    public boolean h265Only() {
        List<VideoStream> streams = videoStreams();
        return !streams.isEmpty() && streams.stream().noneMatch(s -> s.codecType() == CODEC_H264);
    }

    /** Whether the skill says the device switches clarity (312 {@code resolution}). */
    public boolean claritySwitch() {
        if (skill.isBlank()) {
            return false;
        }
        try {
            return (TuyaJson.parse(skill).path("webrtc").asInt(0) & SKILL_CLARITY_SWITCH) != 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The longest a configuration is used: 10 minutes, or half the shortest TURN {@code ttl} if that is less. */
    public static final Duration MAX_AGE = Duration.ofMinutes(10);

    public Duration maxAge() {
        Duration age = MAX_AGE;
        for (IceServer ice : iceServers) {
            if (ice.ttlSeconds() > 0) {
                Duration half = Duration.ofSeconds(Math.max(1, ice.ttlSeconds() / 2));
                if (half.compareTo(age) < 0) {
                    age = half;
                }
            }
        }
        return age;
    }

    @Override
    public String toString() {
        return "WebRtcConfig[deviceId=" + deviceId + ", motoId=" + motoId + ", supportsWebrtc=" + supportsWebrtc
                + ", lowPower=" + lowPower + ", twoWayAudio=" + twoWayAudio + ", iceServers=" + iceServers + "]";
    }
}
