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
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.call.Call;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.test.MutableClock;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.tuya.api.IceServer;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;
import org.openhab.binding.tuyaintercom.internal.web.PageController;
import org.openhab.binding.tuyaintercom.internal.web.Refusal;

/**
 * TURN credentials (with {@code ttl} and a time-stamped user name) and the {@code auth} of a WebRTC configuration
 * expire in the simulator as in the real cloud; the binding never hands out or offers with a configuration older than
 * min(ttl/2, 10 min), and fetches a new one on the scheduler when media is coming and the cached one is too old for it
 * (never on a timer: an idle panel costs no API calls), never in a web request.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class WebRtcConfigFreshnessTest {
    private final MutableClock clock = new MutableClock();
    private @Nullable TuyaCloudSimulator sim;
    private @Nullable SimPanel device;
    private @Nullable IntercomFixture home;

    @BeforeEach
    void setUp() throws Exception {
        TuyaCloudSimulator cloud = new TuyaCloudSimulator().start();
        cloud.clock = clock;
        sim = cloud;
        device = new SimPanel(cloud, SimDevice.panel("panel1", "Front door"));
    }

    @AfterEach
    void tearDown() {
        IntercomFixture fixture = home;
        if (fixture != null) {
            fixture.close();
        }
        if (device != null) {
            device.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private IntercomFixture startHome() throws InterruptedException {
        IntercomFixture fixture = new IntercomFixture(sim(), "home", "panel1", Map.of(), new PanelDirectory(), clock)
                .start();
        home = fixture;
        return fixture;
    }

    private TuyaCloudSimulator sim() {
        TuyaCloudSimulator cloud = sim;
        assertNotNull(cloud);
        return cloud;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A page connected to the panel's event stream. */
    private static void connectPage(PanelSession session, String id) throws Exception {
        session.pages().add(QuietListeners.page(id), QuietListeners.CREDENTIAL);
    }

    /** Starts media as a page does: refused while a renewal runs (the page retries), never waiting inside. */
    private static PageController.MediaGrant startMedia(PanelSession session, boolean forCall, @Nullable String token,
            String client, List<Refusal> refusals) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                return new PageController(session).startMedia(forCall, token, client);
            } catch (Refusal e) {
                if (e.kind() != Refusal.Kind.UNAVAILABLE || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                refusals.add(e);
                Thread.sleep(20);
            }
        }
    }

    private static IceServer turn(PageController.MediaGrant grant) {
        return grant.iceServers().stream().filter(i -> i.urls().startsWith("turn:")).findFirst()
                .orElseThrow(() -> new AssertionError("no TURN server in " + grant.iceServers()));
    }

    @Test
    void aCallAnsweredTwoSimulatedHoursAfterStartGetsFreshTurnCredentialsAndAuth() throws Exception {
        IntercomFixture fixture = startHome();
        PanelSession session = fixture.session();
        assertNotNull(session);
        int configsAtStart = sim().webrtcConfigsIssued();

        clock.advance(Duration.ofHours(2)); // everything fetched at start has expired now
        SimPanel panel = device;
        assertNotNull(panel);
        panel.pressCallButton(3, Duration.ofSeconds(30));
        fixture.await(PanelScenarioTest.RING);
        await("a WebRTC configuration fetched at the ring", () -> sim().webrtcConfigsIssued() > configsAtStart);

        connectPage(session, "page1");
        Call call = session.engine().current();
        assertNotNull(call);
        String token = new PageController(session).answer(call.id(), "", null).callToken();
        PageController.MediaGrant grant = startMedia(session, true, token, "page1", new java.util.ArrayList<>());
        IceServer turn = turn(grant);
        assertEquals(3600, turn.ttlSeconds());
        long expiry = Long.parseLong(turn.username().substring(0, turn.username().indexOf(':')));
        assertTrue(expiry > clock.instant().getEpochSecond(), "time-stamped user name not expired: " + expiry);
        assertTrue(sim().turnValid(turn.username(), turn.credential()), "the TURN credential handed out is valid");

        new PageController(session).offer(grant.media(), "page1", SdpAdapterTestData.OFFER);
        await("the panel took or refused the offer",
                () -> panel.openMediaSessions() > 0 || !panel.refusedOffers().isEmpty());
        assertEquals(List.of(), panel.refusedOffers(), "the offer's auth and TURN credentials were current");
        assertEquals(1, panel.openMediaSessions(), "the panel started its media session: " + panel.webrtcReceived());
    }

    @Test
    void aConfigurationOlderThanHalfItsTtlIsNotHandedOutAndIsRenewedWithoutWaitingInTheRequest() throws Exception {
        sim().turnLifetime = Duration.ofMinutes(10); // ttl 600 s: used for at most 300 s
        IntercomFixture fixture = startHome();
        PanelSession session = fixture.session();
        assertNotNull(session);
        connectPage(session, "page1");
        PageController.MediaGrant first = startMedia(session, false, null, "page1", new java.util.ArrayList<>());
        assertEquals(600, turn(first).ttlSeconds());
        session.relay().close(session.relay().session(first.media()));

        clock.advance(Duration.ofMinutes(6)); // older than ttl/2, not yet expired
        int before = sim().webrtcConfigsIssued();
        List<Refusal> refusals = new java.util.ArrayList<>();
        PageController.MediaGrant second = startMedia(session, false, null, "page1", refusals);
        assertFalse(refusals.isEmpty(), "the stale configuration was not handed out");
        assertTrue(sim().webrtcConfigsIssued() > before, "a new configuration was fetched");
        assertNotEquals(turn(first).username(), turn(second).username());
        assertTrue(sim().turnValid(turn(second).username(), turn(second).credential()));
    }

    @Test
    void anIdlePanelIsNotPolledForItsWebRtcConfiguration() throws Exception {
        sim().turnLifetime = Duration.ofSeconds(4); // ttl 4 s: a configuration is used for at most 2 s
        IntercomFixture fixture = startHome();
        int afterConnect = sim().webrtcConfigsIssued();
        // a renewal timer would have fetched two or more by now; nobody needs one, so none is fetched
        long end = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < end) {
            assertEquals(afterConnect, sim().webrtcConfigsIssued(), "no WebRTC configuration fetched on a timer");
            Thread.sleep(100);
        }
        PanelSession session = fixture.session();
        assertNotNull(session);
        clock.advance(Duration.ofSeconds(3)); // too old for a new media session now
        connectPage(session, "page1");
        List<Refusal> refusals = new java.util.ArrayList<>();
        startMedia(session, false, null, "page1", refusals);
        assertFalse(refusals.isEmpty(), "the stale one was refused while a new one was fetched");
        assertEquals(afterConnect + 1, sim().webrtcConfigsIssued(), "fetched when a live view needed it");
    }

    @Test
    void withinItsTtlTheCachedConfigurationServesLiveViewsAndRings() throws Exception {
        IntercomFixture fixture = startHome(); // ttl 3600 s: used for 10 min
        int afterConnect = sim().webrtcConfigsIssued();
        PanelSession session = fixture.session();
        assertNotNull(session);
        connectPage(session, "page1");
        PageController.MediaGrant view = startMedia(session, false, null, "page1", new java.util.ArrayList<>());
        session.relay().close(session.relay().session(view.media()));
        clock.advance(Duration.ofMinutes(5));
        SimPanel panel = device;
        assertNotNull(panel);
        panel.pressCallButton(3, Duration.ofSeconds(30));
        fixture.await(PanelScenarioTest.RING);
        Call call = session.engine().current();
        assertNotNull(call);
        String token = new PageController(session).answer(call.id(), "", null).callToken();
        startMedia(session, true, token, "page1", new java.util.ArrayList<>());
        assertEquals(afterConnect, sim().webrtcConfigsIssued(),
                "a live view, a ring 5 min later and its answer use the configuration fetched at connect");
    }

    @Test
    void aRingFetchesANewConfigurationWhenTheCachedOneWouldAgeDuringTheCall() throws Exception {
        IntercomFixture fixture = startHome(); // ttl 3600 s: used for 10 min
        int afterConnect = sim().webrtcConfigsIssued();
        clock.advance(Duration.ofMinutes(9)); // fresh, but not for the ring and its answer
        SimPanel panel = device;
        assertNotNull(panel);
        panel.pressCallButton(3, Duration.ofSeconds(30));
        fixture.await(PanelScenarioTest.RING);
        await("a new configuration fetched at the ring", () -> sim().webrtcConfigsIssued() == afterConnect + 1);
    }
}
