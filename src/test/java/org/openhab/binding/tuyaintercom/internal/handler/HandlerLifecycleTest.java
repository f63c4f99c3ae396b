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
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.AccountWithPanels;
import org.openhab.binding.tuyaintercom.internal.test.HandlerProbe;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.test.RecordingPage;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLink;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;
import org.openhab.binding.tuyaintercom.internal.web.PageController;
import org.openhab.binding.tuyaintercom.internal.web.Refusal;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.types.RefreshType;

/**
 * Nothing a handler started runs on after {@code dispose()}: a connect, a WebRTC renewal or a stream allocation that
 * is waiting for the cloud when the thing is disposed installs nothing, publishes nothing and schedules nothing; and
 * fast initialise/dispose cycles of a bridge with its panels leave no session, listener or job behind. Counts, not
 * timings.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(120)
class HandlerLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PANEL = "panel1";

    private TuyaCloudSimulator sim;
    private SimPanel device;
    private IntercomFixture home;
    /** Jobs before the bridge was initialised, and with the bridge online. */
    private int jobsNone;
    private int jobsBefore;

    @BeforeEach
    void setUp() throws Exception {
        sim = new TuyaCloudSimulator().start();
        device = new SimPanel(sim, SimDevice.panel(PANEL, "Front door"));
        home = new IntercomFixture(sim, "home", PANEL, Map.of());
        jobsNone = HandlerProbe.jobs();
        home.cloud.start().awaitOnline();
        jobsBefore = HandlerProbe.jobs();
    }

    @AfterEach
    void tearDown() {
        sim.hold.release();
        home.close();
        device.close();
        sim.close();
    }

    private String uid() {
        return home.panelThing.getUID().getAsString();
    }

    /** What the panel handler reported after the mark. */
    private List<RecordingCallback.Event> panelEventsAfter(int mark) {
        List<RecordingCallback.Event> all = home.callback.events();
        return all.subList(mark, all.size()).stream()
                .filter(e -> !e.kind().equals("status") || e.channelOrThing().equals(uid())).toList();
    }

    /**
     * No job is left beyond the baseline. The baseline may hold one-shot jobs (of the bridge, of an earlier test) that
     * have run since, so the count may end below it, never above.
     */
    private static void assertNoJobBeyond(int baseline) throws InterruptedException {
        int jobs = HandlerProbe.awaitAtMost(HandlerProbe::jobs, baseline, WAIT);
        assertTrue(jobs <= baseline, "no job scheduled: " + jobs + " queued, " + baseline + " before");
    }

    private void assertNothingLeft(int mark) throws InterruptedException {
        assertNull(home.directory.get(uid()), "no session in the directory: /tuyaintercom/… of the thing is 404");
        assertNull(home.cloud.handler.router().listener(PANEL), "no listener on the bridge");
        assertNoJobBeyond(jobsBefore);
        assertEquals(List.of(),
                panelEventsAfter(mark).stream().filter(
                        e -> e.kind().equals("state") || e.kind().equals("trigger") || e.kind().equals("status"))
                        .toList(),
                "nothing published");
    }

    @Test
    void disposeWhileConnectWaitsForTheCloudInstallsNothing() throws Exception {
        sim.hold.hold("/webrtc-configs");
        home.panel.initialize();
        assertTrue(sim.hold.awaitHeld(WAIT), "the connect asks for the WebRTC configuration");
        home.panel.dispose();
        int mark = home.callback.events().size();
        sim.hold.release();
        assertTrue(HandlerProbe.awaitNotRunning(PanelHandler.class, "connect", WAIT));
        assertNothingLeft(mark);
    }

    @Test
    void disposeWhileConnectFailsSchedulesNoRetry() throws Exception {
        sim.hold.hold("/webrtc-configs");
        home.panel.initialize();
        assertTrue(sim.hold.awaitHeld(WAIT));
        home.panel.dispose();
        int mark = home.callback.events().size();
        sim.faults.videoServiceNotSubscribed = true; // the held request fails when released
        sim.hold.release();
        assertTrue(HandlerProbe.awaitNotRunning(PanelHandler.class, "connect", WAIT));
        assertNothingLeft(mark);
    }

    @Test
    void disposeWhileTheWebRtcConfigurationIsRenewedSchedulesNothing() throws Exception {
        sim.turnLifetime = Duration.ofSeconds(2); // a configuration is used for 1 s: media coming needs a new one
        home.panel.initialize();
        home.callback.awaitStatus(home.panelThing, ThingStatus.ONLINE, WAIT);
        sim.hold.hold("/webrtc-configs");
        Objects.requireNonNull(home.session()).prepareMedia();
        assertTrue(sim.hold.awaitHeld(WAIT));
        home.panel.dispose();
        int mark = home.callback.events().size();
        sim.hold.release();
        assertTrue(HandlerProbe.awaitNotRunning(PanelResources.class, "fetchWebRtcConfig", WAIT));
        assertNothingLeft(mark);
    }

    @Test
    void disposeWhileAStreamIsAllocatedPublishesAndSchedulesNothing() throws Exception {
        home.panel.initialize();
        home.callback.awaitStatus(home.panelThing, ThingStatus.ONLINE, WAIT);
        sim.hold.hold("/stream/actions/allocate");
        home.command("stream-url", RefreshType.REFRESH);
        assertTrue(sim.hold.awaitHeld(WAIT));
        home.panel.dispose();
        int mark = home.callback.events().size();
        sim.hold.release();
        assertTrue(HandlerProbe.awaitNotRunning(PanelResources.class, "allocateStream", WAIT));
        assertNothingLeft(mark);
    }

    @Test
    void aRequestThatFoundTheSessionBeforeDisposeOpensNothing() throws Exception {
        home.panel.initialize();
        home.callback.awaitStatus(home.panelThing, ThingStatus.ONLINE, WAIT);
        PanelSession session = Objects.requireNonNull(home.session());
        PageController late = new PageController(session); // as the servlet holds it while the thing is removed
        home.panel.dispose();
        int mark = home.callback.events().size();
        Refusal page = assertThrows(Refusal.class,
                () -> late.addPage(new RecordingPage("late"), QuietListeners.CREDENTIAL));
        assertEquals(Refusal.Kind.NOT_FOUND, page.kind(), "a page cannot join the disposed panel");
        assertEquals(0, session.pages().size());
        Refusal view = assertThrows(Refusal.class,
                () -> late.liveViewWithoutTrickle(SdpAdapterTestData.LIVE_VIEW_OFFER, QuietListeners.CREDENTIAL));
        assertEquals(Refusal.Kind.UNAVAILABLE, view.kind(), "no media session is opened");
        assertEquals(0, session.relay().sessionCount());
        assertNothingLeft(mark);
    }

    @Test
    void disposingTheThingDuringACallStillHangsUpAtThePanel() throws Exception {
        sim.callTransport = TuyaCloudSimulator.CallTransport.OPEN_HUB_308; // the panel hears 308 messages
        home.panel.initialize();
        home.callback.awaitStatus(home.panelThing, ThingStatus.ONLINE, WAIT);
        device.pressCallButton(1, Duration.ofSeconds(30));
        home.await(PanelScenarioTest.RING, WAIT);
        home.command("call-control", new StringType("ANSWER"));
        awaitReceived("answer");
        home.panel.dispose();
        awaitReceived("hang_up"); // the session's last message goes out while it is disposed
    }

    private void awaitReceived(String event) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (device.count(event) == 0) {
            assertTrue(System.nanoTime() < deadline,
                    "the panel did not receive " + event + ": " + device.receivedEvents());
            Thread.sleep(20); // a poll step
        }
    }

    @Test
    void aMessageOnItsWayWhenTheThingIsDisposedChangesNothing() throws Exception {
        home.panel.initialize();
        home.callback.awaitStatus(home.panelThing, ThingStatus.ONLINE, WAIT);
        home.panel.dispose();
        int mark = home.callback.events().size();
        // delivered by the bridge's MQTT thread just after the listener was removed
        home.panel.onDeviceStatus(TuyaJson.MAPPER.readTree(
                "[{\"code\":\"doorbell_active\",\"value\":true}," + "{\"code\":\"accessory_lock\",\"value\":true}]"));
        home.panel.onDeviceOnline(false);
        home.panel.onDeviceNotice(4, TuyaJson.MAPPER.readTree("{\"etype\":\"doorbell\"}"), 0);
        assertNothingLeft(mark);
    }

    @Test
    void disposeWhileTheBridgeConnectsStartsNoLink() throws Exception {
        home.panel.initialize();
        home.callback.awaitStatus(home.panelThing, ThingStatus.ONLINE, WAIT);
        home.panel.dispose();
        home.cloud.handler.dispose();
        sim.hold.hold("/v1.0/token");
        home.cloud.handler.initialize();
        assertTrue(sim.hold.awaitHeld(WAIT), "the bridge asks for a token");
        home.cloud.handler.dispose();
        sim.hold.release();
        assertTrue(HandlerProbe.awaitNotRunning(AccountBridgeHandler.class, "connect", WAIT));
        assertNull(home.cloud.handler.ipcLink(), "no link started");
        assertNoJobBeyond(jobsNone);
    }

    @Test
    @SuppressWarnings("PMD.SystemPrintln") // the measured time goes into the test report (no timed assertion)
    void bridgeDisposeReturnsAtOnceWithALinkMidConnect() throws Exception {
        sim.hold.hold("/access/config");
        sim.expireMqttCredentialsNow();
        assertTrue(sim.hold.awaitHeld(WAIT), "a link asks for new MQTT access");
        long start = System.nanoTime();
        home.cloud.handler.dispose();
        long micros = (System.nanoTime() - start) / 1000;
        System.out.printf("Bridge dispose() with a link mid-connect (waiting for MQTT access): %.1f ms%n",
                micros / 1000.0);
        sim.hold.release();
        assertTrue(HandlerProbe.awaitNotRunning(MqttLink.class, "connectOrRenew", WAIT));
    }

    @Test
    void hundredFastCyclesOfABridgeWithTwentyPanelsLeaveNothingBehind() throws Exception {
        home.cloud.handler.dispose();
        AccountWithPanels account = new AccountWithPanels(sim, 20);
        for (int i = 0; i < 100; i++) {
            account.initialize();
            account.dispose();
        }
        account.initialize();
        account.awaitOnline(WAIT);
        assertEquals(20, account.sessions(), "20 sessions in the directory");
        for (int i = 0; i < 20; i++) {
            assertNotNull(account.cloud.handler.router().listener(AccountWithPanels.deviceId(i)), "a listener");
        }
        account.dispose();
        assertTrue(HandlerProbe.awaitNotRunning(PanelHandler.class, "connect", WAIT));
        assertTrue(HandlerProbe.awaitNotRunning(AccountBridgeHandler.class, "connect", WAIT));
        assertEquals(0, account.sessions(), "no session");
        for (int i = 0; i < 20; i++) {
            assertNull(account.cloud.handler.router().listener(AccountWithPanels.deviceId(i)), "no listener");
        }
        assertNull(account.cloud.handler.ipcLink(), "no link");
        assertNoJobBeyond(jobsNone);
    }
}
