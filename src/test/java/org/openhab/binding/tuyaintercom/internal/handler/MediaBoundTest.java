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
package org.openhab.binding.tuyaintercom.internal.handler;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.call.Call;
import org.openhab.binding.tuyaintercom.internal.call.CallState;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.test.PanelRig;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.test.RecordingPage;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;
import org.openhab.binding.tuyaintercom.internal.web.PageController;
import org.openhab.binding.tuyaintercom.internal.web.Refusal;

/**
 * Nothing waits for a client forever: an answered call whose media does not connect within the panel's
 * {@code connectTimeout} gets one repair (its page is asked for a fresh offer), then the bound once more, then it ends
 * with an SDK reason and the next press rings; a live view that never connects frees its slot. Driven through the
 * panel session's page API, as a page that answers and then disappears would.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(120)
class MediaBoundTest {
    static final int BOUND_SECONDS = 2;

    static void waitFor(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + limit + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Rings, answers as page {@code client}, and says how long until the call ended and with which reason. */
    private static void answerAndAwaitEnd(IntercomFixture home, SimPanel device, PanelSession session, String client,
            String expectedReason, Duration within) throws Exception {
        device.pressCallButton(3, Duration.ofSeconds(60));
        home.await(PanelScenarioTest.RING);
        Call call = session.engine().current();
        assertNotNull(call);
        new PageController(session).answer(call.id(), client, null);
        long answered = System.nanoTime();
        home.await("call-end-reason=" + expectedReason, within);
        System.out.printf("answered, no media: the call ended with %s after %d ms (bound %d s, repair, %d s)%n",
                expectedReason, (System.nanoTime() - answered) / 1_000_000, BOUND_SECONDS, BOUND_SECONDS);
        assertNull(session.engine().current(), "the panel is free");
        assertTrue(home.trace().contains("call=FAILED"), home.trace().toString());
    }

    private static void nextPressRings(IntercomFixture home, SimPanel device, PanelSession session) throws Exception {
        home.callback.clear();
        device.pressCallButton(3, Duration.ofSeconds(60));
        home.await(PanelScenarioTest.RING);
        Call next = session.engine().current();
        assertNotNull(next);
        assertEquals(CallState.RINGING, next.state());
    }

    @Test
    void aPageThatAnswersAndNeverStartsMediaGetsOneRepairThenTheCallEndsAndTheNextPressRings() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of("connectTimeout", BOUND_SECONDS))) {
            PanelSession session = rig.session;
            RecordingPage page = new RecordingPage("phone");
            new PageController(session).addPage(page, QuietListeners.CREDENTIAL);
            answerAndAwaitEnd(rig.home, rig.device, session, "phone", "TIMEOUT (-2530)",
                    Duration.ofSeconds(2 * BOUND_SECONDS + 8));
            assertTrue(page.got("\"type\":\"repair\""), "the page was asked for a fresh offer: " + page.events);
            nextPressRings(rig.home, rig.device, session);
        }
    }

    @Test
    void aPageThatVanishedAfterAnsweringEndsTheCallAtTheFirstBound() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of("connectTimeout", BOUND_SECONDS))) {
            PanelSession session = rig.session;
            // the answering page has no event stream any more (tab closed, app in the background)
            answerAndAwaitEnd(rig.home, rig.device, session, "gone", "TIMEOUT (-2530)",
                    Duration.ofSeconds(BOUND_SECONDS + 6));
            nextPressRings(rig.home, rig.device, session);
        }
    }

    @Test
    void mediaThatIsOfferedButNeverConnectsEndsWithConnectFail() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of("connectTimeout", BOUND_SECONDS, "ringPreview", false))) {
            PanelSession session = rig.session;
            RecordingPage page = new RecordingPage("phone");
            new PageController(session).addPage(page, QuietListeners.CREDENTIAL);
            rig.device.pressCallButton(3, Duration.ofSeconds(60));
            rig.home.await(PanelScenarioTest.RING);
            Call call = session.engine().current();
            assertNotNull(call);
            String token = new PageController(session).answer(call.id(), "phone", null).callToken();
            PageController.MediaGrant grant = startMedia(session, token, "phone");
            new PageController(session).offer(grant.media(), "phone", SdpAdapterTestData.OFFER);
            // the page never says "connected" (ICE did not complete), nor does its repair
            rig.home.await("call-end-reason=CONNECT_FAIL (-2531)", Duration.ofSeconds(2 * BOUND_SECONDS + 8));
            assertTrue(page.got("\"type\":\"repair\""), page.events.toString());
            waitFor(() -> session.relay().sessionCount() == 0, Duration.ofSeconds(5), "no media session left");
            nextPressRings(rig.home, rig.device, session);
        }
    }

    @Test
    void aLiveViewThatNeverConnectsFreesItsSlot() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of("connectTimeout", BOUND_SECONDS))) {
            PanelSession session = rig.session;
            new PageController(session).addPage(new RecordingPage("viewer"), QuietListeners.CREDENTIAL);
            PageController.MediaGrant grant = startMedia(session, null, "viewer");
            new PageController(session).offer(grant.media(), "viewer", SdpAdapterTestData.OFFER);
            assertEquals(1, session.relay().sessionCount());
            long opened = System.nanoTime();
            // housekeeping runs every 5 s: the slot is free within the bound and one round of it
            waitFor(() -> session.relay().sessionCount() == 0, Duration.ofSeconds(BOUND_SECONDS + 8),
                    "the unconnected live view is closed");
            System.out.printf("an unconnected live view was closed after %d ms%n",
                    (System.nanoTime() - opened) / 1_000_000);
        }
    }

    /** Starts media (a call's with the token, else a live view), retried while the WebRTC configuration is fetched. */
    static PageController.MediaGrant startMedia(PanelSession session, @org.eclipse.jdt.annotation.Nullable String token,
            String client) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                return new PageController(session).startMedia(token != null, token, client);
            } catch (Refusal e) {
                if (e.kind() != Refusal.Kind.UNAVAILABLE || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
