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
 * Offer adaptation for Tuya devices and answer mapping back to the browser's m-line order.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class SdpAdapterTest {
    static final String OFFER = String.join("\r\n", "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
            "a=group:BUNDLE 0 1 2", "a=extmap-allow-mixed", "a=msid-semantic: WMS",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103", "c=IN IP4 0.0.0.0", "a=ice-ufrag:abcd",
            "a=ice-pwd:0123456789012345678901", "a=fingerprint:sha-256 AA:BB", "a=setup:actpass", "a=mid:0",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:toffset", "a=sendrecv", "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack",
            "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96", "a=rtpmap:102 H264/90000",
            "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f", "a=rtcp-fb:102 nack",
            "a=rtpmap:103 rtx/90000", "a=fmtp:103 apt=102", "a=candidate:1 1 udp 2122260223 192.168.1.2 50000 typ host",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8", "c=IN IP4 0.0.0.0", "a=mid:1",
            "a=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level", "a=sendrecv", "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;useinbandfec=1", "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=mid:2", "a=sctp-port:5000", "")
            + "\r\n";

    static final String DEVICE_ANSWER = String.join("\r\n", "v=0", "o=- 9 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
            "a=group:BUNDLE 1 0", "m=audio 9 UDP/TLS/RTP/SAVPF 8", "c=IN IP4 0.0.0.0", "a=ice-ufrag:dev1",
            "a=ice-pwd:devpassword0123456789", "a=fingerprint:sha-256 CC:DD", "a=setup:active", "a=mid:1", "a=sendrecv",
            "a=rtpmap:8 PCMA/8000", "m=video 9 UDP/TLS/RTP/SAVPF 102", "c=IN IP4 0.0.0.0", "a=ice-ufrag:dev1",
            "a=ice-pwd:devpassword0123456789", "a=fingerprint:sha-256 CC:DD", "a=setup:active", "a=mid:0", "a=sendonly",
            "a=rtpmap:102 H264/90000", "") + "\r\n";

    @Test
    void offerForDeviceHasAudioFirstOnlyG711AndH264NoExtmapNoDataChannel() {
        String adapted = SdpAdapter.offerForDevice(OFFER);
        assertTrue(adapted.indexOf("m=audio") < adapted.indexOf("m=video"));
        assertFalse(adapted.contains("a=extmap"));
        assertFalse(adapted.contains("m=application"));
        assertFalse(adapted.contains("opus") || adapted.contains("VP8") || adapted.contains("rtx"));
        assertTrue(adapted.contains("m=audio 9 UDP/TLS/RTP/SAVPF 0 8\r\n"));
        assertTrue(adapted.contains("m=video 9 UDP/TLS/RTP/SAVPF 102\r\n"));
        assertTrue(adapted.contains("a=group:BUNDLE 1 0\r\n"));
        assertTrue(adapted.contains("a=candidate:1 1 udp"), "candidates stay in the offer");
        assertTrue(adapted.length() < OFFER.length());
    }

    @Test
    void answerForBrowserFollowsTheOfferOrderAndAcceptsTheDataChannelInTheBundle() {
        String answer = SdpAdapter.answerForBrowser(DEVICE_ANSWER, OFFER);
        Sdp parsed = Sdp.parse(answer);
        assertEquals(List.of("video", "audio", "application"), parsed.media().stream().map(Sdp.Media::kind).toList());
        assertEquals(List.of("0", "1", "2"), parsed.media().stream().map(Sdp.Media::mid).toList());
        assertEquals("BUNDLE 0 1 2", parsed.sessionAttribute("group"));
        Sdp.Media data = parsed.media().get(2);
        assertFalse(data.isRejected());
        assertEquals("dev1", data.attribute("ice-ufrag"));
        assertEquals("devpassword0123456789", data.attribute("ice-pwd"));
        assertEquals("sha-256 CC:DD", data.attribute("fingerprint"));
        assertEquals("active", data.attribute("setup"));
        assertEquals("5000", data.attribute("sctp-port"));
    }

    @Test
    void candidatesAreEmbeddedForNonTrickleClients() {
        String answer = SdpAdapter.withCandidates(SdpAdapter.answerForBrowser(DEVICE_ANSWER, OFFER),
                List.of("candidate:9 1 udp 1 10.0.0.9 40000 typ host"));
        long count = answer.lines().filter(l -> l.startsWith("a=candidate:9")).count();
        assertEquals(2, count, "in the audio and the video section");
        assertTrue(answer.contains("a=end-of-candidates"));
    }

    @Test
    void unusableOffersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SdpAdapter.offerForDevice("hello"));
        assertThrows(IllegalArgumentException.class,
                () -> SdpAdapter.offerForDevice("v=0\r\ns=-\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"));
        assertThrows(IllegalArgumentException.class,
                () -> SdpAdapter.offerForDevice("v=0\r\n" + "a=x\r\n".repeat(10000)));
        String vp8Only = OFFER.replace("a=rtpmap:102 H264/90000", "a=rtpmap:102 VP9/90000");
        assertThrows(IllegalArgumentException.class, () -> SdpAdapter.offerForDevice(vp8Only));
    }
}
