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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Adapts a browser's SDP offer to what Tuya devices accept, and the device's answer back to the browser.
 * <p>
 * Towards the device: audio m-line first, then video; no {@code a=extmap} (devices take only ~8 KB of JSON); only
 * PCMA/PCMU audio and H.264 video; no data channel. Towards the browser: the answer's media sections in the order of
 * the browser's offer, and an offered data channel accepted inside the BUNDLE group with the transport parameters of
 * the bundled media, so that a player which restarts when its data channel closes (openHAB's {@code oh-video}) keeps
 * playing although the device never speaks SCTP.
 * <p>
 * Real Tuya devices answer in ways strict WebRTC stacks refuse, which public clients repair before the browser sees
 * the answer (AlexxIT/go2rtc {@code pkg/tuya}, azerty9971/xtend_tuya {@code fix_answer}; see
 * {@code tuya-protocol.md} §4c): the fingerprint's hash name and hex digits in the wrong case, media directions that do
 * not fit the offer, and H.264 under another payload type than offered (with its {@code fmtp} and {@code rtcp-fb}
 * lines). {@link #answerForBrowser} normalises all three: hash name in lower case, hex digits in upper case
 * (RFC 8122), each direction the inverse of the offer's, and every codec of the answer under the payload type the
 * offer gave it. Where the panel's audio is G.711 the answer also asks the browser for 30 ms talk-back frames
 * ({@code a=ptime:30}, see {@link #withTalkBackFrameSize}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SdpAdapter {
    private static final Set<String> AUDIO_CODECS = Set.of("PCMA", "PCMU");
    private static final Set<String> VIDEO_CODECS = Set.of("H264");
    /** The G.711 frame size the browser is asked to send to the panel, in milliseconds (240 bytes at 8 kHz). */
    static final int TALK_BACK_PTIME_MS = 30;
    private static final Set<String> NOT_A_VOICE_CODEC = Set.of("TELEPHONE-EVENT", "CN", "RED");

    private SdpAdapter() {
    }

    /** The offer for the device. */
    public static String offerForDevice(String browserOffer) {
        Sdp offer = Sdp.parse(browserOffer);
        List<Sdp.Media> audio = new ArrayList<>();
        List<Sdp.Media> video = new ArrayList<>();
        for (Sdp.Media media : offer.media) {
            switch (media.kind()) {
                case "audio" -> audio.add(filterCodecs(media, AUDIO_CODECS));
                case "video" -> video.add(filterCodecs(media, VIDEO_CODECS));
                default -> {
                    // data channels and anything else stay between browser and binding
                }
            }
        }
        if (audio.isEmpty() && video.isEmpty()) {
            throw new IllegalArgumentException("the offer has neither audio nor video");
        }
        List<Sdp.Media> ordered = new ArrayList<>(audio);
        ordered.addAll(video);
        List<String> session = new ArrayList<>();
        for (String line : offer.session) {
            if (!line.startsWith("a=group:BUNDLE") && !line.startsWith("a=extmap")) {
                session.add(line);
            }
        }
        List<String> mids = ordered.stream().filter(m -> !m.isRejected()).map(Sdp.Media::mid).filter(m -> !m.isEmpty())
                .toList();
        if (!mids.isEmpty()) {
            session.add(timingIndex(session), "a=group:BUNDLE " + String.join(" ", mids));
        }
        return new Sdp(session, ordered).toString();
    }

    /** The device's answer with its sections in the order of the browser's offer; data channels accepted. */
    public static String answerForBrowser(String deviceAnswer, String browserOffer) {
        Sdp answer = Sdp.parse(deviceAnswer);
        Sdp offer = Sdp.parse(browserOffer);
        Sdp.Media transport = answer.media.stream().filter(m -> !m.isRejected()).findFirst().orElse(null);
        List<Sdp.Media> ordered = new ArrayList<>();
        List<String> bundle = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Sdp.Media offered : offer.media) {
            String mid = offered.mid();
            Sdp.Media match = null;
            if ("application".equals(offered.kind())) {
                match = transport == null ? null : dataChannel(offered, transport, answer);
            } else {
                for (Sdp.Media candidate : answer.media) {
                    if (candidate.mid().equals(mid) && used.add(mid)) {
                        match = candidate;
                        break;
                    }
                }
            }
            if (match == null) {
                match = rejected(offered);
            } else if (!match.isRejected()) {
                if (!"application".equals(offered.kind())) {
                    match = normalised(match, offered);
                }
                bundle.add(mid);
            }
            ordered.add(match);
        }
        List<String> session = new ArrayList<>();
        for (String line : answer.session) {
            if (!line.startsWith("a=group:BUNDLE")) {
                session.add(line.startsWith("a=fingerprint:") ? fingerprint(line) : line);
            }
        }
        if (!bundle.isEmpty()) {
            session.add(timingIndex(session), "a=group:BUNDLE " + String.join(" ", bundle));
        }
        return new Sdp(session, ordered).toString();
    }

    private static final Set<String> DIRECTIONS = Set.of("a=sendrecv", "a=sendonly", "a=recvonly", "a=inactive");

    /** A device's media section repaired for the browser: fingerprint case, direction, payload types. */
    static Sdp.Media normalised(Sdp.Media answered, Sdp.Media offered) {
        Map<String, String> payloadMap = payloadMap(answered, offered);
        String direction = inverseDirection(offered);
        List<String> lines = new ArrayList<>();
        boolean directionWritten = false;
        for (String line : answered.lines) {
            if (line.startsWith("m=")) {
                String[] m = line.split(" ");
                StringBuilder rewritten = new StringBuilder(m[0]);
                for (int i = 1; i < m.length; i++) {
                    rewritten.append(' ').append(i >= 3 ? payloadMap.getOrDefault(m[i], m[i]) : m[i]);
                }
                lines.add(rewritten.toString());
            } else if (line.startsWith("a=fingerprint:")) {
                lines.add(fingerprint(line));
            } else if (DIRECTIONS.contains(line)) {
                if (!directionWritten) {
                    lines.add(direction);
                    directionWritten = true;
                }
            } else {
                String payload = payloadOf(line);
                String mapped = payload == null ? null : payloadMap.get(payload);
                if (payload != null && mapped != null) {
                    int colon = line.indexOf(':');
                    lines.add(line.substring(0, colon + 1) + mapped + line.substring(colon + 1 + payload.length()));
                } else {
                    lines.add(line);
                }
            }
        }
        if (!directionWritten) {
            lines.add(direction);
        }
        Sdp.Media media = new Sdp.Media(lines);
        return "audio".equals(media.kind()) ? withTalkBackFrameSize(media) : media;
    }

    /**
     * An audio section whose sending codec (the first voice codec of the m-line) is PCMA or PCMU gets
     * {@code a=ptime:30} in place of any {@code a=ptime} the panel gave. AlexxIT/go2rtc re-packetises the G.711 it
     * sends
     * to Tuya devices into 240-byte (30 ms) frames because 20 ms frames built up seconds of delay on some of them; the
     * browser talks to the panel directly, and libwebrtc takes the remote description's {@code ptime} as the frame size
     * of its G.711 encoder, so this is where the binding can ask for it.
     */
    static Sdp.Media withTalkBackFrameSize(Sdp.Media audio) {
        Map<String, String> codecs = codecs(audio);
        String[] m = audio.lines.get(0).split(" ");
        String sending = null;
        for (int i = 3; i < m.length && sending == null; i++) {
            String codec = codecs.get(m[i]);
            String name = codec == null ? staticPayloadName(m[i]) : codec.split("/")[0];
            if (!NOT_A_VOICE_CODEC.contains(name)) {
                sending = name;
            }
        }
        if (sending == null || !AUDIO_CODECS.contains(sending)) {
            return audio;
        }
        List<String> lines = new ArrayList<>();
        for (String line : audio.lines) {
            if (!line.startsWith("a=ptime:")) {
                lines.add(line);
            }
        }
        lines.add("a=ptime:" + TALK_BACK_PTIME_MS);
        return new Sdp.Media(lines);
    }

    /** The codec of a static RTP payload type an answer may use without {@code a=rtpmap} (RFC 3551). */
    private static String staticPayloadName(String pt) {
        return switch (pt) {
            case "0" -> "PCMU";
            case "8" -> "PCMA";
            case "13" -> "CN";
            default -> "";
        };
    }

    /** {@code a=fingerprint:} with the hash name in lower case and the hex digits in upper case. */
    static String fingerprint(String line) {
        String value = line.substring("a=fingerprint:".length()).strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return line;
        }
        return "a=fingerprint:" + value.substring(0, space).toLowerCase(Locale.ROOT) + " "
                + value.substring(space + 1).strip().toUpperCase(Locale.ROOT);
    }

    private static String inverseDirection(Sdp.Media offered) {
        for (String line : offered.lines) {
            switch (line) {
                case "a=sendonly":
                    return "a=recvonly";
                case "a=recvonly":
                    return "a=sendonly";
                case "a=inactive":
                    return "a=inactive";
                default:
                    break;
            }
        }
        return "a=sendrecv";
    }

    /**
     * Answered payload types that the offer has under another codec (or not at all), mapped to the payload type the
     * offer gave that codec; for H.264 preferring the offered one with the same {@code packetization-mode} and
     * {@code profile-level-id}.
     */
    private static Map<String, String> payloadMap(Sdp.Media answered, Sdp.Media offered) {
        Map<String, String> offeredCodecs = codecs(offered);
        Map<String, String> map = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Map.Entry<String, String> codec : codecs(answered).entrySet()) {
            String pt = codec.getKey();
            String name = codec.getValue();
            if (name.equals(offeredCodecs.get(pt))) {
                taken.add(pt);
            }
        }
        for (Map.Entry<String, String> codec : codecs(answered).entrySet()) {
            String pt = codec.getKey();
            String name = codec.getValue();
            if (name.equals(offeredCodecs.get(pt))) {
                continue;
            }
            String best = null;
            int bestScore = -1;
            for (Map.Entry<String, String> candidate : offeredCodecs.entrySet()) {
                if (!candidate.getValue().equals(name) || taken.contains(candidate.getKey())) {
                    continue;
                }
                int score = (fmtp(answered, pt, "packetization-mode", "0")
                        .equals(fmtp(offered, candidate.getKey(), "packetization-mode", "0")) ? 2 : 0)
                        + (fmtp(answered, pt, "profile-level-id", "")
                                .equalsIgnoreCase(fmtp(offered, candidate.getKey(), "profile-level-id", "")) ? 1 : 0);
                if (score > bestScore) {
                    best = candidate.getKey();
                    bestScore = score;
                }
            }
            if (best != null) {
                map.put(pt, best);
                taken.add(best);
            }
        }
        return map;
    }

    /** Payload type → upper-case codec name with clock rate (e.g. {@code H264/90000}), in m-line order. */
    private static Map<String, String> codecs(Sdp.Media media) {
        Map<String, String> codecs = new LinkedHashMap<>();
        for (String line : media.lines) {
            if (line.startsWith("a=rtpmap:")) {
                String rest = line.substring("a=rtpmap:".length());
                int space = rest.indexOf(' ');
                if (space > 0) {
                    String[] name = rest.substring(space + 1).strip().toUpperCase(Locale.ROOT).split("/");
                    codecs.put(rest.substring(0, space), name[0] + (name.length > 1 ? "/" + name[1] : ""));
                }
            }
        }
        return codecs;
    }

    /** A parameter of the {@code fmtp} line of a payload type, or the fallback. */
    private static String fmtp(Sdp.Media media, String pt, String parameterName, String fallback) {
        for (String line : media.lines) {
            if (line.startsWith("a=fmtp:" + pt + " ")) {
                for (String parameter : line.substring(line.indexOf(' ') + 1).split(";")) {
                    String[] pair = parameter.strip().split("=", 2);
                    if (pair.length == 2 && pair[0].equalsIgnoreCase(parameterName)) {
                        return pair[1].strip();
                    }
                }
            }
        }
        return fallback;
    }

    /** The answer with the given candidate lines ({@code a=candidate:…}) in each accepted media section. */
    public static String withCandidates(String sdp, List<String> candidates) {
        Sdp parsed = Sdp.parse(sdp);
        for (Sdp.Media media : parsed.media) {
            if (media.isRejected() || "application".equals(media.kind())) {
                continue;
            }
            for (String candidate : candidates) {
                String line = candidate.startsWith("a=") ? candidate : "a=" + candidate;
                if (!media.lines.contains(line)) {
                    media.lines.add(line);
                }
            }
            if (!media.lines.contains("a=end-of-candidates")) {
                media.lines.add("a=end-of-candidates");
            }
        }
        return parsed.toString();
    }

    private static int timingIndex(List<String> session) {
        for (int i = 0; i < session.size(); i++) {
            if (session.get(i).startsWith("t=")) {
                return i + 1;
            }
        }
        return session.size();
    }

    private static Sdp.Media filterCodecs(Sdp.Media media, Set<String> codecs) {
        Set<String> keep = new HashSet<>();
        for (String line : media.lines) {
            if (line.startsWith("a=rtpmap:")) {
                String rest = line.substring("a=rtpmap:".length());
                int space = rest.indexOf(' ');
                if (space > 0) {
                    String name = rest.substring(space + 1).split("/")[0].toUpperCase(Locale.ROOT);
                    if (codecs.contains(name)) {
                        keep.add(rest.substring(0, space));
                    }
                }
            }
        }
        String[] m = media.lines.get(0).split(" ");
        List<String> payloads = new ArrayList<>();
        for (int i = 3; i < m.length; i++) {
            if (keep.contains(m[i])) {
                payloads.add(m[i]);
            }
        }
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("the offer has no " + codecs + " for " + media.kind());
        }
        List<String> lines = new ArrayList<>();
        lines.add(m[0] + " " + m[1] + " " + m[2] + " " + String.join(" ", payloads));
        for (String line : media.lines.subList(1, media.lines.size())) {
            String payload = payloadOf(line);
            if (line.startsWith("a=extmap") || (payload != null && !keep.contains(payload))) {
                continue;
            }
            lines.add(line);
        }
        return new Sdp.Media(lines);
    }

    private static @Nullable String payloadOf(String line) {
        for (String prefix : List.of("a=rtpmap:", "a=fmtp:", "a=rtcp-fb:")) {
            if (line.startsWith(prefix)) {
                String rest = line.substring(prefix.length());
                int space = rest.indexOf(' ');
                return space < 0 ? rest : rest.substring(0, space);
            }
        }
        return null;
    }

    private static Sdp.Media dataChannel(Sdp.Media offered, Sdp.Media transport, Sdp answer) {
        String[] m = offered.lines.get(0).split(" ");
        String proto = m.length > 2 ? m[2] : "UDP/DTLS/SCTP";
        String format = m.length > 3 ? m[3] : "webrtc-datachannel";
        List<String> lines = new ArrayList<>();
        lines.add("m=application 9 " + proto + " " + format);
        lines.add("c=IN IP4 0.0.0.0");
        for (String name : List.of("ice-ufrag", "ice-pwd", "fingerprint", "setup")) {
            String value = transport.attribute(name);
            if (value == null) {
                value = answer.sessionAttribute(name);
            }
            if (value != null) {
                lines.add("a=" + name + ":" + value);
            }
        }
        lines.add("a=mid:" + offered.mid());
        lines.add("a=sctp-port:5000");
        lines.add("a=max-message-size:262144");
        return new Sdp.Media(lines);
    }

    private static Sdp.Media rejected(Sdp.Media offered) {
        String[] m = offered.lines.get(0).split(" ");
        List<String> lines = new ArrayList<>();
        lines.add("m=" + offered.kind() + " 0 " + (m.length > 2 ? m[2] : "UDP/TLS/RTP/SAVPF") + " "
                + (m.length > 3 ? m[3] : "0"));
        lines.add("c=IN IP4 0.0.0.0");
        lines.add("a=mid:" + offered.mid());
        lines.add("a=inactive");
        return new Sdp.Media(lines);
    }
}
