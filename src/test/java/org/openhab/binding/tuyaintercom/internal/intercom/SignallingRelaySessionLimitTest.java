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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay.Kind;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay.Session;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling;

/**
 * The relay with a panel that serves few media sessions ({@link MediaSessionLimit}): the call's session makes room by
 * closing views (their {@code disconnect} goes out before the call's offer), and views that find no room are refused,
 * also while an answered call has not opened its media yet.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class SignallingRelaySessionLimitTest {
    /** What went to the panel, in order: "offer:<id>", "disconnect:<id>". */
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean callPending = new AtomicBoolean();

    private final SignallingRelay.Transport transport = new SignallingRelay.Transport() {
        @Override
        public void sendOffer(String sessionId, String sdp) {
            sent.add("offer:" + sessionId);
        }

        @Override
        public void sendCandidate(String sessionId, String candidate) {
        }

        @Override
        public void sendDisconnect(String sessionId) {
            sent.add("disconnect:" + sessionId);
        }
    };

    private SignallingRelay relay(int max) {
        return new SignallingRelay(transport, Clock.systemUTC(), session -> {
        }, Duration.ofSeconds(15), new MediaSessionLimit(max, callPending::get));
    }

    private static Session open(SignallingRelay relay, Kind kind, String owner) throws Exception {
        return relay.open(kind, owner, Duration.ofSeconds(30), QuietListeners.MEDIA);
    }

    /** An oh-video view (no owner) whose offer the panel answered. */
    private static Session answeredOhVideo(SignallingRelay relay) throws Exception {
        Session view = relay.open(Kind.LIVE_VIEW, "", Duration.ofMinutes(10), QuietListeners.MEDIA);
        relay.offer(view, SdpAdapterTestData.OFFER);
        relay.onSignalling(new WebRtcSignalling.Message("answer", view.id(), "panel1",
                TuyaJson.object().put("mode", "webrtc").put("sdp", SdpAdapterTestData.DEVICE_ANSWER)));
        assertNotNull(view.answer(), "the panel answered the oh-video view");
        return view;
    }

    @Test
    void withOneSessionTheCallClosesTheLiveViewBeforeItsOfferGoesOut() throws Exception {
        SignallingRelay relay = relay(1);
        Session live = open(relay, Kind.LIVE_VIEW, "viewer");
        relay.offer(live, SdpAdapterTestData.OFFER);

        Session call = open(relay, Kind.CALL, "phone");
        assertTrue(live.isClosed());
        assertTrue(live.displacedByCall(), "the page is told why");
        relay.offer(call, SdpAdapterTestData.OFFER);
        assertEquals(List.of("offer:" + live.id(), "disconnect:" + live.id(), "offer:" + call.id()), sent);
    }

    @Test
    void withOneSessionNoViewTakesTheCallsPlace() throws Exception {
        SignallingRelay relay = relay(1);
        callPending.set(true);
        Session call = open(relay, Kind.CALL, "phone");
        for (Kind kind : List.of(Kind.LIVE_VIEW, Kind.PREVIEW)) {
            assertThrows(SignallingRelay.SessionLimitException.class, () -> open(relay, kind, "viewer"));
        }
        assertThrows(SignallingRelay.SessionLimitException.class,
                () -> relay.open(Kind.LIVE_VIEW, "", Duration.ofMinutes(10), QuietListeners.MEDIA)); // oh-video
        assertFalse(call.isClosed());
        assertEquals(1, relay.sessionCount());
        assertTrue(sent.isEmpty(), "nothing was closed: " + sent);
    }

    @Test
    void anAnsweredCallHoldsItsSessionBeforeItsMediaOpens() throws Exception {
        SignallingRelay relay = relay(1);
        callPending.set(true); // a page answered; its media request is on its way
        assertThrows(SignallingRelay.SessionLimitException.class, () -> open(relay, Kind.LIVE_VIEW, "viewer"));
        callPending.set(false); // the call ended
        open(relay, Kind.LIVE_VIEW, "viewer");
    }

    @Test
    void withTwoSessionsACallAndOneViewGoOnAndTheCallClosesPreviewsFirst() throws Exception {
        SignallingRelay relay = relay(2);
        Session live = open(relay, Kind.LIVE_VIEW, "viewer");
        Session preview = open(relay, Kind.PREVIEW, "other");
        assertThrows(SignallingRelay.SessionLimitException.class, () -> open(relay, Kind.LIVE_VIEW, "third"));

        callPending.set(true);
        Session call = open(relay, Kind.CALL, "phone");
        assertTrue(preview.isClosed(), "the preview made room for the call");
        assertFalse(live.isClosed(), "the live view fits beside the call");
        assertThrows(SignallingRelay.SessionLimitException.class, () -> open(relay, Kind.LIVE_VIEW, "third"));
        assertFalse(call.isClosed());
        assertEquals(2, relay.sessionCount());
    }

    @Test
    void withTwoSessionsTheCallClosesTheOldestOfTwoLiveViews() throws Exception {
        SignallingRelay relay = relay(2);
        Session older = open(relay, Kind.LIVE_VIEW, "a");
        Thread.onSpinWait();
        Session newer = open(relay, Kind.LIVE_VIEW, "b");
        open(relay, Kind.CALL, "phone");
        assertEquals(1, List.of(older, newer).stream().filter(Session::isClosed).count());
        assertTrue(older.isClosed() || older.openedAt().equals(newer.openedAt()),
                "the oldest gave way (same instant: either)");
    }

    @Test
    void aPromotedPreviewNeedsNoRoomAndAViewGivesWayToNothingElse() throws Exception {
        SignallingRelay relay = relay(1);
        Session preview = open(relay, Kind.PREVIEW, "phone");
        assertThrows(SignallingRelay.SessionLimitException.class, () -> open(relay, Kind.PREVIEW, "tablet"));
        callPending.set(true);
        assertTrue(relay.promote(preview));
        assertFalse(preview.isClosed());
        assertTrue(sent.isEmpty(), sent.toString());
    }

    @Test
    void anOhVideoViewGivesWayToANewViewButNeverMakesRoomTheCallHolds() throws Exception {
        SignallingRelay relay = relay(1);
        Session unanswered = relay.open(Kind.LIVE_VIEW, "", Duration.ofMinutes(10), QuietListeners.MEDIA);
        Session page = open(relay, Kind.LIVE_VIEW, "viewer");
        assertTrue(unanswered.isClosed(), "an oh-video view the panel did not answer gives way");
        relay.close(page);

        Session answered = answeredOhVideo(relay);
        assertThrows(SignallingRelay.SessionLimitException.class, () -> open(relay, Kind.LIVE_VIEW, "viewer"));
        assertFalse(answered.isClosed(), "an answered oh-video view within the connect bound is kept");
    }

    @Test
    void unlimitedIsAsBefore() throws Exception {
        SignallingRelay relay = relay(0);
        callPending.set(true);
        Session call = open(relay, Kind.CALL, "phone");
        for (int i = 0; i < SignallingRelay.MAX_LIVE_VIEWS; i++) {
            open(relay, Kind.LIVE_VIEW, "viewer-" + i);
        }
        SignallingRelay.LimitReachedException tooMany = assertThrows(SignallingRelay.LimitReachedException.class,
                () -> open(relay, Kind.LIVE_VIEW, "one-more"));
        assertFalse(tooMany instanceof SignallingRelay.SessionLimitException, "the live view limit, not the panel's");
        assertFalse(call.isClosed());
        assertEquals(1 + SignallingRelay.MAX_LIVE_VIEWS, relay.sessionCount());
    }
}
