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
package org.openhab.binding.tuyaintercom.internal.intercom;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.test.MutableClock;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling;

/**
 * The browser's candidates wait for the panel's answer (a panel drops a candidate that comes before it has taken the
 * offer in, and the offer and its candidates can overtake each other on the way); page media that never connects is
 * closed after the connect bound, a call's media is left to the call's own bound.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class SignallingRelayCandidateTest {
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock();

    private final SignallingRelay.Transport transport = new SignallingRelay.Transport() {
        @Override
        public void sendOffer(String sessionId, String sdp) {
            sent.add("offer");
        }

        @Override
        public void sendCandidate(String sessionId, String candidate) {
            sent.add(candidate);
        }

        @Override
        public void sendDisconnect(String sessionId) {
            sent.add("disconnect");
        }
    };

    private final SignallingRelay relay = new SignallingRelay(transport, clock, session -> {
    });

    private void answer(SignallingRelay.Session session) {
        relay.onSignalling(WebRtcSignalling
                .decode(TuyaJson.parse(WebRtcSignalling.fromDevice("answer", "panel1", "me", session.id(), "moto",
                        TuyaJson.object().put("mode", "webrtc").put("sdp", SdpAdapterTestData.DEVICE_ANSWER),
                        1_795_600_000L)).path("data")));
    }

    @Test
    void candidatesBeforeThePanelsAnswerAreHeldThenSentInOrder() throws Exception {
        SignallingRelay.Session session = relay.open(SignallingRelay.Kind.CALL, "page", Duration.ofSeconds(30),
                QuietListeners.MEDIA);
        relay.offer(session, SdpAdapterTestData.OFFER);
        relay.addBrowserCandidate(session, "a=candidate:1 1 udp 1 10.0.0.1 1000 typ host");
        relay.addBrowserCandidate(session, "candidate:2 1 udp 1 10.0.0.1 1001 typ host");
        assertEquals(List.of("offer"), sent, "nothing before the answer");
        answer(session);
        assertNotNull(session.answer());
        assertEquals(List.of("offer", "candidate:1 1 udp 1 10.0.0.1 1000 typ host",
                "candidate:2 1 udp 1 10.0.0.1 1001 typ host"), sent);
        relay.addBrowserCandidate(session, "candidate:3 1 udp 1 10.0.0.1 1002 typ host");
        assertEquals("candidate:3 1 udp 1 10.0.0.1 1002 typ host", sent.get(sent.size() - 1), "after it: at once");
    }

    @Test
    void aCandidateForAClosedSessionIsRefused() throws Exception {
        SignallingRelay.Session session = relay.open(SignallingRelay.Kind.LIVE_VIEW, "page", Duration.ofSeconds(30),
                QuietListeners.MEDIA);
        relay.close(session);
        assertThrows(IllegalStateException.class,
                () -> relay.addBrowserCandidate(session, "candidate:1 1 udp 1 10.0.0.1 1000 typ host"));
    }

    @Test
    void pageMediaThatNeverConnectsIsClosedAfterTheBoundButNotTheCallsMedia() throws Exception {
        Duration bound = Duration.ofSeconds(15);
        SignallingRelay.Session view = relay.open(SignallingRelay.Kind.LIVE_VIEW, "page-a", Duration.ofSeconds(30),
                QuietListeners.MEDIA);
        SignallingRelay.Session connected = relay.open(SignallingRelay.Kind.LIVE_VIEW, "page-b", Duration.ofSeconds(30),
                QuietListeners.MEDIA);
        SignallingRelay.Session call = relay.open(SignallingRelay.Kind.CALL, "page-c", Duration.ofSeconds(30),
                QuietListeners.MEDIA);
        SignallingRelay.Session ohVideo = relay.open(SignallingRelay.Kind.LIVE_VIEW, "", Duration.ofMinutes(10),
                QuietListeners.MEDIA);
        connected.markConnected();
        clock.advance(bound.minusSeconds(1));
        relay.closeIdle();
        assertEquals(4, relay.sessionCount(), "not before the bound");
        clock.advance(Duration.ofSeconds(2));
        relay.touch(view);
        relay.touch(connected);
        relay.touch(call);
        relay.closeIdle();
        assertTrue(view.isClosed(), "a live view that did not connect within the bound");
        assertFalse(connected.isClosed());
        assertFalse(call.isClosed(), "the call's media has the call's bound, with its repair");
        assertFalse(ohVideo.isClosed(), "oh-video does not tell when it connects");
    }

    @Test
    void anOhVideoViewPastTheConnectBoundGivesWayToANewView() throws Exception {
        SignallingRelay.Session first = relay.open(SignallingRelay.Kind.LIVE_VIEW, "", Duration.ofMinutes(10),
                QuietListeners.MEDIA);
        SignallingRelay.Session second = relay.open(SignallingRelay.Kind.LIVE_VIEW, "", Duration.ofMinutes(10),
                QuietListeners.MEDIA);
        for (SignallingRelay.Session ohVideo : List.of(first, second)) { // answered: they may be connecting
            relay.offer(ohVideo, SdpAdapterTestData.OFFER);
            answer(ohVideo);
        }
        relay.open(SignallingRelay.Kind.LIVE_VIEW, "page", Duration.ofSeconds(30), QuietListeners.MEDIA);
        assertThrows(SignallingRelay.LimitReachedException.class,
                () -> relay.open(SignallingRelay.Kind.PREVIEW, "page-b", Duration.ofSeconds(30), QuietListeners.MEDIA),
                "within the bound nobody gives way");
        clock.advance(Duration.ofSeconds(16));
        SignallingRelay.Session preview = relay.open(SignallingRelay.Kind.PREVIEW, "page-b", Duration.ofSeconds(30),
                QuietListeners.MEDIA);
        assertTrue(first.isClosed(), "the oldest oh-video view gave way");
        assertFalse(preview.isClosed());
        assertEquals(3, relay.sessionCount());
    }
}
