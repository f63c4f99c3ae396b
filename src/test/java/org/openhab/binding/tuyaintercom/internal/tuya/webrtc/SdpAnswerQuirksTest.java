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

/**
 * Answers shaped like real Tuya device answers, with the quirks public clients repair before a browser sees them.
 * The fixtures are our own; which quirk comes from where:
 * <ul>
 * <li>fingerprint hex digits in the wrong case: azerty9971/xtend_tuya
 * {@code multi_manager/tuya_iot/ipc/webrtc/xt_tuya_iot_webrtc_manager.py} {@code fix_answer} (upper-cases what
 * follows the hash name);</li>
 * <li>media directions that do not fit the offer: the same {@code fix_answer} sets each answered direction to the
 * inverse of the offer's (sendrecv → sendrecv, recvonly → sendonly, sendonly → recvonly; there for Firefox);</li>
 * <li>codecs under payload types other than the offered ones: the same {@code fix_answer} maps each answered rtpmap to
 * the closest offered one of the same codec; AlexxIT/go2rtc {@code pkg/tuya/client.go} notes that devices answer
 * H264/90000 (even for HEVC streams) and list PCMU and PCMA, and go2rtc's {@code pkg/webrtc/client.go}
 * ({@code fakeFormatsInAnswer}) copies the offer's rtpmap/fmtp/rtcp-fb lines into an answer it cannot parse.</li>
 * </ul>
 * TuyaInc/webrtc-demo-go ({@code static/js/main.js}) hands the device's answer to Chrome unchanged: Chrome is the
 * tolerant case; the normalisation makes the answer valid for strict stacks too.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class SdpAnswerQuirksTest {
    /** A live view's offer from Chrome (receive only), as the binding forwards it: audio first, H.264 at 102. */
    static final String LIVE_VIEW_OFFER = String.join("\r\n", "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-", "t=0 0", "a=group:BUNDLE 0 1", "a=msid-semantic: WMS", "m=audio 9 UDP/TLS/RTP/SAVPF 0 8",
            "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:Xb7q", "a=ice-pwd:Yb1p0xWm3hJc7KdQe9Lr2T5v",
            "a=ice-options:trickle",
            "a=fingerprint:sha-256 "
                    + "5A:91:0C:3E:77:D2:18:4B:AF:60:29:E1:93:0D:5C:B8:44:71:2F:9E:A3:06:CB:58:1D:E7:82:39:F0:6B:15:C4",
            "a=setup:actpass", "a=mid:0", "a=recvonly", "a=rtcp-mux", "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000",
            "m=video 9 UDP/TLS/RTP/SAVPF 102 127", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:Xb7q",
            "a=ice-pwd:Yb1p0xWm3hJc7KdQe9Lr2T5v", "a=ice-options:trickle",
            "a=fingerprint:sha-256 "
                    + "5A:91:0C:3E:77:D2:18:4B:AF:60:29:E1:93:0D:5C:B8:44:71:2F:9E:A3:06:CB:58:1D:E7:82:39:F0:6B:15:C4",
            "a=setup:actpass", "a=mid:1", "a=recvonly", "a=rtcp-mux", "a=rtcp-rsize", "a=rtpmap:102 H264/90000",
            "a=rtcp-fb:102 goog-remb", "a=rtcp-fb:102 transport-cc", "a=rtcp-fb:102 ccm fir", "a=rtcp-fb:102 nack",
            "a=rtcp-fb:102 nack pli",
            "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
            "a=rtpmap:127 H264/90000",
            "a=fmtp:127 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f", "") + "\r\n";

    /**
     * Shaped like a panel's answer: one session-level fingerprint with an upper-case hash name and lower-case hex,
     * PCMA and PCMU, sendrecv everywhere although the offer only receives, and H.264 under the device's own payload
     * type 96 with its fmtp and rtcp-fb lines.
     */
    static final String TUYA_ANSWER = String.join("\r\n", "v=0", "o=- 1700000000 1 IN IP4 127.0.0.1", "s=-", "t=0 0",
            "a=group:BUNDLE 0 1", "a=msid-semantic: WMS tuya",
            "a=fingerprint:SHA-256 "
                    + "9f:3a:c2:71:0e:5b:d8:44:a6:19:7c:e3:02:bd:58:91:4f:6e:a0:37:c5:1d:82:e9:6b:30:f4:a7:15:cc:08:5e",
            "m=audio 9 UDP/TLS/RTP/SAVPF 8 0", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:tuya",
            "a=ice-pwd:0f4d2c6b8a1e3d5f7a9c0b2d", "a=setup:active", "a=mid:0", "a=sendrecv", "a=rtcp-mux",
            "a=rtpmap:8 PCMA/8000", "a=rtpmap:0 PCMU/8000", "a=ssrc:11223344 cname:tuya",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:tuya",
            "a=ice-pwd:0f4d2c6b8a1e3d5f7a9c0b2d", "a=setup:active", "a=mid:1", "a=sendrecv", "a=rtcp-mux",
            "a=rtpmap:96 H264/90000", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli", "a=rtcp-fb:96 ccm fir",
            "a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
            "a=ssrc:55667788 cname:tuya", "") + "\r\n";

    private static Sdp.Media section(String sdp, String kind) {
        return Sdp.parse(sdp).media().stream().filter(m -> m.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void fingerprintGetsALowerCaseHashNameAndUpperCaseHex() {
        String answer = SdpAdapter.answerForBrowser(TUYA_ANSWER, LIVE_VIEW_OFFER);
        assertTrue(answer.contains("a=fingerprint:sha-256 9F:3A:C2:71:0E:5B:D8:44:A6:19:7C:E3:02:BD:58:91:4F:6E:A0:"
                + "37:C5:1D:82:E9:6B:30:F4:A7:15:CC:08:5E\r\n"), answer);
        assertFalse(answer.contains("SHA-256"));
    }

    @Test
    void directionsAreTheInverseOfTheOffers() {
        String answer = SdpAdapter.answerForBrowser(TUYA_ANSWER, LIVE_VIEW_OFFER);
        assertEquals("", section(answer, "audio").attribute("sendonly"), "recvonly offered: the panel only sends");
        assertEquals("", section(answer, "video").attribute("sendonly"));
        assertNull(section(answer, "video").attribute("sendrecv"));
        String twoWay = LIVE_VIEW_OFFER.replace("a=recvonly", "a=sendrecv");
        String callAnswer = SdpAdapter.answerForBrowser(TUYA_ANSWER.replace("a=sendrecv", "a=recvonly"), twoWay);
        assertEquals("", section(callAnswer, "audio").attribute("sendrecv"), "two-way audio stays two-way");
        assertEquals(1,
                section(callAnswer, "video").lines().stream()
                        .filter(l -> l.matches("a=(sendrecv|sendonly|" + "recvonly|inactive)")).count(),
                "exactly one direction");
    }

    @Test
    void h264IsMappedToTheOfferedPayloadTypeWithItsFmtpAndRtcpFbLines() {
        Sdp.Media video = section(SdpAdapter.answerForBrowser(TUYA_ANSWER, LIVE_VIEW_OFFER), "video");
        List<String> lines = video.lines();
        assertEquals("m=video 9 UDP/TLS/RTP/SAVPF 102", lines.get(0), "packetization-mode 1 like the answer's");
        assertTrue(lines.contains("a=rtpmap:102 H264/90000"));
        assertTrue(lines.contains("a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"));
        assertTrue(lines.containsAll(List.of("a=rtcp-fb:102 nack", "a=rtcp-fb:102 nack pli", "a=rtcp-fb:102 ccm fir")));
        assertTrue(lines.stream().noneMatch(l -> l.contains(":96 ")), lines.toString());
        Sdp.Media audio = section(SdpAdapter.answerForBrowser(TUYA_ANSWER, LIVE_VIEW_OFFER), "audio");
        assertEquals("m=audio 9 UDP/TLS/RTP/SAVPF 8 0", audio.lines().get(0), "offered payload types stay");
    }

    @Test
    void aStandardAnswerIsLeftAsItWas() {
        String standard = SdpAdapterTest.DEVICE_ANSWER;
        String answer = SdpAdapter.answerForBrowser(standard, SdpAdapterTest.OFFER);
        assertTrue(answer.contains("a=rtpmap:102 H264/90000"));
        assertTrue(answer.contains("a=fingerprint:sha-256 CC:DD"));
        assertTrue(answer.contains("a=rtpmap:8 PCMA/8000"));
    }

    /**
     * AlexxIT/go2rtc sends Tuya devices G.711 in 240-byte (30 ms) frames (20 ms frames built up seconds of delay on
     * some); the browser talks to the panel directly and libwebrtc takes the answer's {@code ptime} as its G.711 frame
     * size, so the answer asks for 30 ms where the audio is PCMA or PCMU.
     */
    @Test
    void g711AudioAsksForThirtyMillisecondTalkBackFrames() {
        String twoWay = LIVE_VIEW_OFFER.replace("a=recvonly", "a=sendrecv");
        Sdp.Media audio = section(SdpAdapter.answerForBrowser(TUYA_ANSWER, twoWay), "audio");
        assertEquals(List.of("a=ptime:30"), audio.lines().stream().filter(l -> l.startsWith("a=ptime")).toList());
        assertNull(section(SdpAdapter.answerForBrowser(TUYA_ANSWER, twoWay), "video").attribute("ptime"),
                "video has no frame size");

        // the panel's own ptime is replaced, not repeated
        String withPtime = TUYA_ANSWER.replace("a=rtpmap:0 PCMU/8000\r\n", "a=rtpmap:0 PCMU/8000\r\na=ptime:20\r\n");
        assertEquals(List.of("a=ptime:30"), section(SdpAdapter.answerForBrowser(withPtime, twoWay), "audio").lines()
                .stream().filter(l -> l.startsWith("a=ptime")).toList());

        // PCMU first, and static payload types without rtpmap lines
        String pcmu = TUYA_ANSWER.replace("m=audio 9 UDP/TLS/RTP/SAVPF 8 0", "m=audio 9 UDP/TLS/RTP/SAVPF 0")
                .replace("a=rtpmap:8 PCMA/8000\r\n", "").replace("a=rtpmap:0 PCMU/8000\r\n", "");
        assertEquals("30", section(SdpAdapter.answerForBrowser(pcmu, twoWay), "audio").attribute("ptime"));
    }

    @Test
    void otherAudioCodecsKeepTheirFrameSize() {
        Sdp.Media opus = Sdp.parse(String.join("\r\n", "v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "t=0 0",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111 8", "c=IN IP4 0.0.0.0", "a=mid:0", "a=sendrecv",
                "a=rtpmap:111 opus/48000/2", "a=rtpmap:8 PCMA/8000", "a=ptime:20", "") + "\r\n").media().get(0);
        assertEquals("20", SdpAdapter.withTalkBackFrameSize(opus).attribute("ptime"), "Opus is sent as the panel asks");
        Sdp.Media dtmfFirst = Sdp.parse(String.join("\r\n", "v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "t=0 0",
                "m=audio 9 UDP/TLS/RTP/SAVPF 126 8", "c=IN IP4 0.0.0.0", "a=mid:0", "a=sendrecv",
                "a=rtpmap:126 telephone-event/8000", "a=rtpmap:8 PCMA/8000", "") + "\r\n").media().get(0);
        assertEquals("30", SdpAdapter.withTalkBackFrameSize(dtmfFirst).attribute("ptime"),
                "telephone-event is not the voice codec");
    }
}
