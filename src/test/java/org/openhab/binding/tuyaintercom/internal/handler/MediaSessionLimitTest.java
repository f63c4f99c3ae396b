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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhab.binding.tuyaintercom.internal.call.Call;
import org.openhab.binding.tuyaintercom.internal.call.CallState;
import org.openhab.binding.tuyaintercom.internal.intercom.MediaSessionLimit;
import org.openhab.binding.tuyaintercom.internal.intercom.PageCredential;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay;
import org.openhab.binding.tuyaintercom.internal.sim.SimSessionLimit.WhenFull;
import org.openhab.binding.tuyaintercom.internal.test.PanelRig;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.test.RecordingPage;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;
import org.openhab.binding.tuyaintercom.internal.web.PageController;
import org.openhab.binding.tuyaintercom.internal.web.Refusal;

/**
 * Panels that serve few WebRTC sessions, against the simulated panel with the same limit and each behaviour of a
 * full device (it refuses the new offer with a 302 {@code disconnect}, or drops its oldest session): with the panel
 * setting {@code maxMediaSessions} the binding never asks the panel for more sessions than it serves, so the call
 * answered while a live view runs gets its media and keeps it while live views, oh-video and previews are attempted.
 * Without the setting the same panel takes the call's media away (the reason for it).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(120)
class MediaSessionLimitTest {
    private static final PageCredential VIDEO = PageCredential.video("video-link");

    private static PanelRig rig(int bindingLimit, int panelLimit, WhenFull whenFull, boolean ringPreview)
            throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("maxMediaSessions", bindingLimit);
        config.put("ringPreview", ringPreview);
        config.put("connectTimeout", 30);
        PanelRig rig = PanelRig.start(config);
        rig.device.sessionLimit.set(panelLimit, whenFull);
        return rig;
    }

    private interface Start {
        PageController.MediaGrant start() throws Refusal;
    }

    /** Starts media, again while the WebRTC configuration is being fetched (503). */
    private static PageController.MediaGrant started(Start start) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return start.start();
            } catch (Refusal e) {
                if (e.kind() != Refusal.Kind.UNAVAILABLE || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** Starts media for the page and offers; waits until the simulated panel answered. */
    private static String answeredMedia(PanelSession session, Start start, String client) throws Exception {
        String media = started(start).media();
        new PageController(session).offer(media, client, SdpAdapterTestData.LIVE_VIEW_OFFER);
        MediaBoundTest.waitFor(() -> {
            SignallingRelay.Session open = session.relay().session(media);
            return open != null && open.answer() != null;
        }, Duration.ofSeconds(10), "the panel answers media session " + media);
        return media;
    }

    private static String liveView(PanelSession session, String client) throws Exception {
        return answeredMedia(session, () -> new PageController(session).startMedia(false, null, client), client);
    }

    /** Rings, answers on the page and brings the call's media up; returns the call's media session id. */
    private static String answeredCall(PanelRig rig, String client) throws Exception {
        PanelSession session = rig.session;
        rig.device.pressCallButton(3, Duration.ofSeconds(60));
        rig.home.await(PanelScenarioTest.RING);
        Call call = session.engine().current();
        assertNotNull(call);
        String token = new PageController(session).answer(call.id(), client, null).callToken();
        String media = answeredMedia(session, () -> new PageController(session).startMedia(true, token, client),
                client);
        new PageController(session).mediaEvent(media, client, "connected", "");
        MediaBoundTest.waitFor(() -> current(session) == CallState.IN_CALL, Duration.ofSeconds(10), "in call");
        return media;
    }

    private static @Nullable CallState current(PanelSession session) {
        Call call = session.engine().current();
        return call == null ? null : call.state();
    }

    private static void assertRefusedForTheLimit(Start start) {
        Refusal refusal = assertThrows(Refusal.class, start::start);
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals(MediaSessionLimit.REFUSED, refusal.getMessage());
    }

    /** The call still has its media: the relay's call session and the panel's session are open, the call goes on. */
    private static void assertCallKeepsMedia(PanelRig rig, String callMedia) {
        SignallingRelay.Session call = rig.session.relay().callSession();
        assertNotNull(call, "the call's media session is open");
        assertEquals(callMedia, call.id());
        assertFalse(call.isClosed() || call.endedByPanel());
        assertTrue(rig.device.openMediaSessionIds().contains(callMedia), "the panel serves the call's media");
        assertEquals(CallState.IN_CALL, current(rig.session));
    }

    /** The binding never offered the panel more than it serves: it refused nothing and dropped nothing. */
    private static void assertPanelNeverOverfilled(PanelRig rig) {
        assertEquals(java.util.List.of(), rig.device.sessionLimit.refused(), "offers the full panel refused");
        assertEquals(java.util.List.of(), rig.device.sessionLimit.dropped(), "sessions the full panel dropped");
    }

    @ParameterizedTest
    @EnumSource(value = WhenFull.class, names = { "REFUSE", "DROP_OLDEST" })
    void withOneSessionACallAnsweredDuringALiveViewGetsMediaAndKeepsIt(WhenFull whenFull) throws Exception {
        try (PanelRig rig = rig(1, 1, whenFull, true)) {
            PanelSession session = rig.session;
            RecordingPage viewer = new RecordingPage("viewer");
            new PageController(session).addPage(viewer, QuietListeners.CREDENTIAL);
            new PageController(session).addPage(new RecordingPage("phone"), QuietListeners.CREDENTIAL);
            String live = liveView(session, "viewer");

            String callMedia = answeredCall(rig, "phone");
            assertTrue(viewer.got("\"reason\":\"" + MediaSessionLimit.REFUSED + "\""),
                    "the viewer's page is told why its live view ended: " + viewer.events);
            assertFalse(rig.device.openMediaSessionIds().contains(live));

            // during the call: a page's live view, oh-video, a preview
            assertRefusedForTheLimit(() -> new PageController(session).startMedia(false, null, "viewer"));
            assertRefusedForTheLimit(() -> {
                new PageController(session).liveViewWithoutTrickle(SdpAdapterTestData.LIVE_VIEW_OFFER, VIDEO);
                return new PageController.MediaGrant("", java.util.List.of());
            });
            Call call = session.engine().current();
            assertNotNull(call);
            Refusal preview = assertThrows(Refusal.class,
                    () -> new PageController(session).startPreview(call.id(), "viewer"));
            assertEquals(Refusal.Kind.CONFLICT, preview.kind(), "no preview of an answered call");

            assertCallKeepsMedia(rig, callMedia);
            assertEquals(Set.of(callMedia), rig.device.openMediaSessionIds());
            assertPanelNeverOverfilled(rig);
        }
    }

    @ParameterizedTest
    @EnumSource(value = WhenFull.class, names = { "REFUSE", "DROP_OLDEST" })
    void withOneSessionAPreviewOfAnotherPageGivesWayToTheCall(WhenFull whenFull) throws Exception {
        try (PanelRig rig = rig(1, 1, whenFull, true)) {
            PanelSession session = rig.session;
            new PageController(session).addPage(new RecordingPage("tablet"), QuietListeners.CREDENTIAL);
            new PageController(session).addPage(new RecordingPage("phone"), QuietListeners.CREDENTIAL);
            new PageController(session).addPage(new RecordingPage("viewer"), QuietListeners.CREDENTIAL);
            rig.device.pressCallButton(3, Duration.ofSeconds(60));
            rig.home.await(PanelScenarioTest.RING);
            Call call = session.engine().current();
            assertNotNull(call);
            answeredMedia(session, () -> new PageController(session).startPreview(call.id(), "tablet"), "tablet");
            assertRefusedForTheLimit(() -> new PageController(session).startPreview(call.id(), "phone"));
            assertRefusedForTheLimit(() -> new PageController(session).startMedia(false, null, "viewer"));

            String token = new PageController(session).answer(call.id(), "phone", null).callToken();
            String callMedia = answeredMedia(session,
                    () -> new PageController(session).startMedia(true, token, "phone"), "phone");
            new PageController(session).mediaEvent(callMedia, "phone", "connected", "");
            MediaBoundTest.waitFor(() -> current(session) == CallState.IN_CALL, Duration.ofSeconds(10), "in call");
            assertRefusedForTheLimit(() -> new PageController(session).startMedia(false, null, "viewer"));

            assertCallKeepsMedia(rig, callMedia);
            assertEquals(Set.of(callMedia), rig.device.openMediaSessionIds());
            assertPanelNeverOverfilled(rig);
        }
    }

    @ParameterizedTest
    @EnumSource(value = WhenFull.class, names = { "REFUSE", "DROP_OLDEST" })
    void withTwoSessionsALiveViewGoesOnBesideTheCallAndAThirdIsRefused(WhenFull whenFull) throws Exception {
        try (PanelRig rig = rig(2, 2, whenFull, false)) {
            PanelSession session = rig.session;
            new PageController(session).addPage(new RecordingPage("viewer"), QuietListeners.CREDENTIAL);
            new PageController(session).addPage(new RecordingPage("other"), QuietListeners.CREDENTIAL);
            new PageController(session).addPage(new RecordingPage("phone"), QuietListeners.CREDENTIAL);
            String live = liveView(session, "viewer");

            String callMedia = answeredCall(rig, "phone");
            assertRefusedForTheLimit(() -> new PageController(session).startMedia(false, null, "other"));
            assertRefusedForTheLimit(() -> {
                new PageController(session).liveViewWithoutTrickle(SdpAdapterTestData.LIVE_VIEW_OFFER, VIDEO);
                return new PageController.MediaGrant("", java.util.List.of());
            });

            assertCallKeepsMedia(rig, callMedia);
            assertEquals(Set.of(live, callMedia), rig.device.openMediaSessionIds());
            assertPanelNeverOverfilled(rig);
        }
    }

    @Test
    void unlimitedServesACallAndSeveralViewsAsBefore() throws Exception {
        try (PanelRig rig = rig(0, 0, WhenFull.REFUSE, false)) {
            PanelSession session = rig.session;
            new PageController(session).addPage(new RecordingPage("viewer"), QuietListeners.CREDENTIAL);
            new PageController(session).addPage(new RecordingPage("other"), QuietListeners.CREDENTIAL);
            new PageController(session).addPage(new RecordingPage("phone"), QuietListeners.CREDENTIAL);
            String first = liveView(session, "viewer");
            String callMedia = answeredCall(rig, "phone");
            String second = liveView(session, "other");
            String ohVideo = new PageController(session)
                    .liveViewWithoutTrickle(SdpAdapterTestData.LIVE_VIEW_OFFER, VIDEO)
                    .get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(ohVideo.isEmpty(), "oh-video got an answer");

            assertCallKeepsMedia(rig, callMedia);
            assertTrue(rig.device.openMediaSessionIds().containsAll(Set.of(first, second, callMedia)));
            assertEquals(4, rig.device.openMediaSessionIds().size());
        }
    }

    /** Why the setting exists: a panel that serves one session, with the binding not told so. */
    @ParameterizedTest
    @EnumSource(value = WhenFull.class, names = { "REFUSE", "DROP_OLDEST" })
    void withoutTheSettingAFullPanelTakesTheCallsMediaAway(WhenFull whenFull) throws Exception {
        try (PanelRig rig = rig(0, 1, whenFull, false)) {
            PanelSession session = rig.session;
            new PageController(session).addPage(new RecordingPage("viewer"), QuietListeners.CREDENTIAL);
            new PageController(session).addPage(new RecordingPage("phone"), QuietListeners.CREDENTIAL);
            liveView(session, "viewer");
            rig.device.pressCallButton(3, Duration.ofSeconds(60));
            rig.home.await(PanelScenarioTest.RING);
            Call call = session.engine().current();
            assertNotNull(call);
            String token = new PageController(session).answer(call.id(), "phone", null).callToken();
            String callMedia = started(() -> new PageController(session).startMedia(true, token, "phone")).media();
            new PageController(session).offer(callMedia, "phone", SdpAdapterTestData.LIVE_VIEW_OFFER);
            if (whenFull == WhenFull.DROP_OLDEST) {
                // the panel drops the live view and serves the call, until the next live view drops the call's
                MediaBoundTest.waitFor(() -> rig.device.openMediaSessionIds().contains(callMedia),
                        Duration.ofSeconds(10), "the panel serves the call");
                liveView(session, "viewer");
            }
            MediaBoundTest.waitFor(() -> {
                SignallingRelay.Session media = session.relay().session(callMedia);
                return media == null || media.isClosed();
            }, Duration.ofSeconds(10), "the panel ends the call's media");
            assertFalse(rig.device.openMediaSessionIds().contains(callMedia));
            System.out.printf(
                    "without maxMediaSessions, a panel that serves one session (%s): refused %s, dropped %s%n",
                    whenFull, rig.device.sessionLimit.refused().size(), rig.device.sessionLimit.dropped().size());
        }
    }
}
