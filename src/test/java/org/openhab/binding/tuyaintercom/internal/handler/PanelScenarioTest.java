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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.types.RefreshType;

/**
 * The call scenarios end to end: the simulated panel's 308 logic and data points through the real MQTT broker, the
 * real account bridge and panel handlers, with every compared channel update and trigger asserted in order.
 * <p>
 * This class runs with the simulator's {@code dp-only} call transport (what the real cloud most likely does: a press
 * reaches the binding as the doorbell data point only); {@link PanelScenario308Test} runs the same scenarios with
 * {@code open-hub-308}. Scenarios that need 308 (outgoing calls, busy, answered or rejected elsewhere, heartbeats) run
 * with 308 only.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class PanelScenarioTest {
    static final String PANEL = "panel1";
    static final String RINGING = "call-state=RINGING";
    static final String INCOMING = "call-direction=INCOMING";
    static final String RING = "call=RING";
    static final String IDLE = "call-state=IDLE";

    private TuyaCloudSimulator sim;
    private SimPanel device;
    private IntercomFixture home;
    private final List<IntercomFixture> others = new ArrayList<>();

    /** The simulator's call transport for this run. */
    protected TuyaCloudSimulator.CallTransport transport() {
        return TuyaCloudSimulator.CallTransport.DP_ONLY;
    }

    private boolean with308() {
        return transport() == TuyaCloudSimulator.CallTransport.OPEN_HUB_308;
    }

    /** A scenario that needs 308 call messages on open-hub: skipped (before any set-up) with dp-only. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Needs308 {
    }

    /** What a ring shows: with dp-only the doorbell trigger first and the snapshot last. */
    private List<String> ringTrace() {
        return with308() ? List.of(INCOMING, RINGING, RING)
                : List.of("doorbell=PRESSED", INCOMING, RINGING, RING, "call=SNAPSHOT");
    }

    private List<String> afterRing(String... rest) {
        return Stream.concat(ringTrace().stream(), Stream.of(rest)).toList();
    }

    /** With 308 the panel receives the message; with dp-only no 308 message goes to the panel at all. */
    private void awaitPanelToldOr308Free(String event) throws InterruptedException {
        if (with308()) {
            awaitPanelReceived(event, 1);
        } else {
            assertEquals(List.of(), device.receivedEvents(), "no 308 message for a call known from the data point");
        }
    }

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        assumeTrue(with308() || test.getTestMethod().map(m -> !m.isAnnotationPresent(Needs308.class)).orElse(true),
                "needs 308 call messages on open-hub");
        sim = new TuyaCloudSimulator().start();
        sim.callTransport = transport();
        device = new SimPanel(sim, SimDevice.panel(PANEL, "Front door"));
        device.heartbeatTimeout = Duration.ofSeconds(3);
        home = new IntercomFixture(sim, "home", PANEL, Map.of()).start();
        home.callback.clear();
    }

    @AfterEach
    void tearDown() {
        if (sim == null) {
            return; // skipped before set-up
        }
        others.forEach(IntercomFixture::close);
        home.close();
        device.close();
        sim.close();
    }

    private IntercomFixture secondInstallation() throws Exception {
        IntercomFixture other = new IntercomFixture(sim, "cabin", PANEL, Map.of()).start();
        other.callback.clear();
        others.add(other);
        return other;
    }

    private void ring(int callType) throws InterruptedException {
        device.pressCallButton(callType, Duration.ofSeconds(20));
        home.await(RING);
        if (!with308()) {
            home.await("call=SNAPSHOT");
        }
    }

    private void answer() throws InterruptedException {
        home.command("call-control", new StringType("ANSWER"));
        home.await("call=ANSWERED");
    }

    private void awaitPanelReceived(String event, long count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (device.count(event) < count) {
            if (System.currentTimeMillis() > deadline) {
                fail("the panel did not receive " + count + "x " + event + ": " + device.receivedEvents());
            }
            Thread.sleep(20);
        }
    }

    private static String trace(IntercomFixture fixture) {
        return String.join(", ", fixture.trace());
    }

    // ------------------------------------------------------------------------------------------- items

    @Test
    @Needs308 // the panel's own hang-up ends the call here; the REFRESH behaviour does not depend on the transport
    void s00ItemsLinkedAfterThePanelIsOnlineGetItsStateOnRefresh() throws Exception {
        ring(1);
        answer();
        if (with308()) {
            awaitPanelReceived("answer", 1);
            device.hangUp();
        } else {
            home.command("call-control", new StringType("HANGUP"));
        }
        home.await(IDLE);
        home.callback.clear(); // the items are linked now, after everything above was published
        for (String channel : PanelHandler.STATE_CHANNELS) {
            home.command(channel, RefreshType.REFRESH);
        }
        List<RecordingCallback.Event> states = home.callback.events().stream().filter(e -> e.kind().equals("state"))
                .toList();
        for (String channel : PanelHandler.STATE_CHANNELS) {
            RecordingCallback.Event state = states.stream().filter(e -> e.channelOrThing().equals(channel)).findFirst()
                    .orElseThrow(() -> new AssertionError("no state for " + channel + " on REFRESH"));
            assertNotEquals("NULL", state.value(), channel);
        }
        assertTrue(states.stream().anyMatch(e -> e.channelOrThing().equals("call-state") && e.value().equals("IDLE")));
        assertTrue(
                states.stream()
                        .anyMatch(e -> e.channelOrThing().equals("call-direction") && e.value().equals("INCOMING")),
                "the last call's direction");
        assertTrue(
                states.stream().anyMatch(
                        e -> e.channelOrThing().equals("call-page-url") && e.value().contains("/tuyaintercom/call/")),
                "the current page link");
        assertTrue(states.stream().noneMatch(e -> e.value().contains("?k=")), "no item state carries the entry link");
    }

    // ------------------------------------------------------------------------------------------- incoming

    @Test
    @Needs308
    void s01IncomingAnsweredThenPanelHangsUp() throws Exception {
        // without 308 the panel hangs up by ending the media (WebCallIT)
        ring(3);
        answer();
        awaitPanelReceived("answer", 1);
        device.hangUp();
        home.await("call=HUNG_UP");
        assertEquals(List.of(INCOMING, RINGING, RING, "call-state=IN_CALL", "call=ANSWERED", IDLE,
                "call-end-reason=PEER_HANG_UP (-2513)", "call=HUNG_UP"), home.trace());
        assertEquals(List.of("ring", "answer"), device.receivedEvents().subList(0, 2));
    }

    @Test
    void s02IncomingAnsweredThenHungUpHere() throws Exception {
        ring(3);
        answer();
        home.command("call-control", new StringType("HANGUP"));
        home.await("call=HUNG_UP");
        awaitPanelToldOr308Free("hang_up");
        assertEquals(afterRing("call-state=IN_CALL", "call=ANSWERED", IDLE, "call-end-reason=HUNG_UP", "call=HUNG_UP"),
                home.trace());
    }

    @Test
    void s03IncomingRejected() throws Exception {
        ring(3);
        home.command("call-control", new StringType("REJECT"));
        home.await("call=REJECTED");
        awaitPanelToldOr308Free("reject");
        assertEquals(afterRing(IDLE, "call-end-reason=REJECTED", "call=REJECTED"), home.trace());
    }

    @Test
    @Needs308
    void s04IncomingCancelledByThePanel() throws Exception {
        // a data point has no "cancel": without 308 the call rings until its timeout (s05)
        ring(3);
        device.cancel();
        home.await("call=CANCELLED");
        assertEquals(List.of(INCOMING, RINGING, RING, IDLE, "call-end-reason=CANCEL (-2523)", "call=CANCELLED"),
                home.trace());
    }

    @Test
    void s05IncomingMissedAfterTheRingTimeout() throws Exception {
        ring(3);
        home.await("call=MISSED", Duration.ofSeconds(10));
        awaitPanelToldOr308Free("not_answered");
        assertEquals(afterRing(IDLE, "call-end-reason=TIMEOUT (-2530)", "call=MISSED"), home.trace());
        assertTrue(home.panel.historyJson().contains("\"result\":\"MISSED\""), home.panel.historyJson());
    }

    @Test
    @Needs308
    void s06SecondCallWhileInCallIsAnsweredBusy() throws Exception {
        ring(3);
        answer();
        String second = device.secondCall(Duration.ofSeconds(20));
        awaitPanelReceived("busy", 1);
        assertEquals(second,
                device.received().stream().filter(r -> r.event().equals("busy")).findFirst().orElseThrow().sessionId());
        assertTrue(home.panel.isOnCalling());
        assertEquals(List.of(INCOMING, RINGING, RING, "call-state=IN_CALL", "call=ANSWERED"), home.trace());
        assertTrue(home.panel.historyJson().contains("\"result\":\"BUSY\""));
    }

    @Test
    @Needs308
    void s07RepeatedCallRingsOnce() throws Exception {
        ring(3);
        device.resendCall();
        device.resendCall();
        Thread.sleep(500);
        assertEquals(List.of(INCOMING, RINGING, RING), home.trace());
        assertEquals(1, device.count("ring"));
    }

    @Test
    @Needs308
    void s08HeartbeatsFlowDuringTheCall() throws Exception {
        ring(3);
        answer();
        Thread.sleep(3500);
        assertTrue(device.count("heartbeat") >= 2, device.receivedEvents().toString());
        assertTrue(home.panel.isOnCalling(), "echoed heartbeats keep the call");
    }

    @Test
    @Needs308
    void s09HeartbeatLossDisconnects() throws Exception {
        ring(3);
        device.echoHeartbeats = false;
        answer();
        home.await("call=FAILED", Duration.ofSeconds(15));
        assertEquals(List.of(INCOMING, RINGING, RING, "call-state=IN_CALL", "call=ANSWERED", IDLE,
                "call-end-reason=DISCONNECT (-2532)", "call=FAILED"), home.trace());
    }

    @Test
    @Needs308
    void s10AnsweredElsewhereByAnotherInstallation() throws Exception {
        IntercomFixture cabin = secondInstallation();
        ring(3);
        cabin.await(RING);
        answer();
        cabin.await("call=ANSWERED_ELSEWHERE");
        assertEquals(List.of(INCOMING, RINGING, RING, IDLE, "call-end-reason=ANSWERED_BY_OTHERS (-2522)",
                "call=ANSWERED_ELSEWHERE"), cabin.trace());
        Thread.sleep(300);
        assertEquals(1, device.count("answer"), "exactly one answer reached the panel");
    }

    @Test
    @Needs308
    void s11RejectedElsewhereEndsAOneToManyCall() throws Exception {
        IntercomFixture cabin = secondInstallation();
        ring(2);
        cabin.await(RING);
        home.command("call-control", new StringType("REJECT"));
        cabin.await("call=REJECTED_ELSEWHERE");
        assertEquals(List.of(INCOMING, RINGING, RING, IDLE, "call-end-reason=REJECTED_BY_OTHERS (-2521)",
                "call=REJECTED_ELSEWHERE"), cabin.trace());
    }

    @Test
    @Needs308
    void s12RejectHasNoEffectOnOthersInCallType3() throws Exception {
        IntercomFixture cabin = secondInstallation();
        ring(3);
        cabin.await(RING);
        home.command("call-control", new StringType("REJECT"));
        home.await("call=REJECTED");
        Thread.sleep(300);
        assertTrue(cabin.panel.isOnCalling(), "still ringing in the cabin");
        cabin.command("call-control", new StringType("ANSWER"));
        cabin.await("call=ANSWERED");
        awaitPanelReceived("answer", 1);
    }

    // ------------------------------------------------------------------------------------------- outgoing

    private void call() {
        home.command("call-control", new StringType("CALL"));
    }

    @Test
    @Needs308
    void s13OutgoingAnswered() throws Exception {
        call();
        home.await("call=ANSWERED");
        home.command("call-control", new StringType("HANGUP"));
        home.await("call=HUNG_UP");
        awaitPanelReceived("hang_up", 1);
        assertEquals(List.of("call-direction=OUTGOING", "call-state=CALLING", "call-state=IN_CALL", "call=ANSWERED",
                IDLE, "call-end-reason=HUNG_UP", "call=HUNG_UP"), home.trace());
        assertEquals("call", device.receivedEvents().get(0));
    }

    @Test
    @Needs308
    void s14OutgoingRejected() throws Exception {
        device.incoming = SimPanel.Incoming.REJECT;
        call();
        home.await("call=REJECTED");
        assertEquals(List.of("call-direction=OUTGOING", "call-state=CALLING", IDLE, "call-end-reason=REJECTED (-2510)",
                "call=REJECTED"), home.trace());
    }

    @Test
    @Needs308
    void s15OutgoingBusy() throws Exception {
        device.incoming = SimPanel.Incoming.BUSY;
        call();
        home.await("call=BUSY");
        assertEquals(List.of("call-direction=OUTGOING", "call-state=CALLING", IDLE, "call-end-reason=PEER_BUSY (-2511)",
                "call=BUSY"), home.trace());
    }

    @Test
    @Needs308
    void s16OutgoingNotAnswered() throws Exception {
        device.incoming = SimPanel.Incoming.RING_ONLY;
        assertEquals("SUCCESS", home.panel.startCall(2).toString());
        home.await("call=MISSED");
        assertEquals(List.of("call-direction=OUTGOING", "call-state=CALLING", IDLE,
                "call-end-reason=NOT_ANSWERED (-2512)", "call=MISSED"), home.trace());
    }

    @Test
    @Needs308
    void s17OutgoingCancelled() throws Exception {
        device.incoming = SimPanel.Incoming.RING_ONLY;
        call();
        awaitPanelReceived("call", 1);
        home.command("call-control", new StringType("CANCEL"));
        home.await("call=CANCELLED");
        awaitPanelReceived("cancel", 1);
        assertEquals(List.of("call-direction=OUTGOING", "call-state=CALLING", IDLE, "call-end-reason=CANCELLED",
                "call=CANCELLED"), home.trace());
    }

    @Test
    void s18CallingWhileOnCallingIsRefused() throws Exception {
        ring(3);
        assertEquals("ON_CALLING", home.panel.startCall(10).toString());
        assertEquals(ringTrace(), home.trace());
    }

    // ------------------------------------------------------------------------------------------- doorbell, DP

    @Test
    void s19DoorbellDataPointsOnlyRingWithSnapshotAndAreMissedSilently() throws Exception {
        device.publishDoorbellDataPoints("visitor");
        home.await("call=SNAPSHOT");
        home.await("call=MISSED", Duration.ofSeconds(10));
        assertEquals(List.of("doorbell=PRESSED", INCOMING, RINGING, RING, "call=SNAPSHOT", IDLE,
                "call-end-reason=TIMEOUT (-2530)", "call=MISSED"), home.trace());
        RecordingCallback.Event snapshot = home.callback.events().stream()
                .filter(e -> e.channelOrThing().equals("snapshot")).findFirst().orElseThrow();
        assertTrue(snapshot.value().startsWith("data:image/jpeg;base64,/9j/"), "a JPEG");
        assertEquals(0, device.received().size(), "no 308 message for a data-point-only ring");
    }

    @Test
    @Needs308
    void s20DoorbellDataPointsThenCallRingOnce() throws Exception {
        device.publishDoorbellDataPoints("visitor");
        home.await(RING);
        device.pressCallButton(3, Duration.ofSeconds(20));
        awaitPanelReceived("ring", 1);
        answer();
        awaitPanelReceived("answer", 1);
        assertEquals(1, home.trace().stream().filter(RING::equals).count());
    }

    @Test
    void s21PlainUrlSnapshot() throws Exception {
        device.publishDoorbellUrl("plain");
        home.await("call=SNAPSHOT");
        assertTrue(home.callback.events().stream().anyMatch(e -> e.channelOrThing().equals("snapshot-time")));
    }

    @Test
    void s22PushLinkRingsLikeTheMqttMessage() throws Exception {
        String param = "{\"type\":\"rtc\",\"data\":{\"event\":\"call\",\"curId\":\"" + PANEL
                + "\",\"targetId\":\"me\",\"sessionId\":\"push123\",\"timeout\":" + (System.currentTimeMillis() + 20000)
                + ",\"callType\":3,\"extra\":{\"bizType\":\"screen_ipc\",\"channelType\":2}}}";
        String link = "tuyasmart://rtcCall?param=" + URLEncoder.encode(param, StandardCharsets.UTF_8);
        assertEquals("SUCCESS", home.panel.handlePushLink(link).toString());
        home.await(RING);
        assertEquals("INVALID_DATA", home.panel.handlePushLink("tuyasmart://somethingElse?x=1").toString());
        awaitPanelReceived("ring", 1);
    }

    @Test
    void s23UnlockWritesTheLockDataPointAndTurnsOffWhenTheDeviceReports() throws Exception {
        home.command("unlock", OnOffType.ON);
        home.await("unlock=ON");
        home.await("unlock=OFF", Duration.ofSeconds(10));
        assertEquals(Boolean.FALSE, sim.device(PANEL).status.get("accessory_lock"));
    }

    @Test
    void s24CallWhileBridgeLosesTheCloudFails() throws Exception {
        ring(3);
        answer();
        sim.broker().stop();
        home.await("call=FAILED", Duration.ofSeconds(15));
        assertTrue(home.trace().contains("call-end-reason=NETWORK_CHANGED (-2570)"), trace(home));
        sim.broker().start();
    }

    // ------------------------------------------------------------------------------------------- the panel offline

    private void awaitPanelStatus(IntercomFixture fixture, ThingStatus status) throws InterruptedException {
        fixture.callback.awaitStatus(fixture.panelThing, status, Duration.ofSeconds(10));
    }

    private static void assertReportedOffline(IntercomFixture fixture) {
        ThingStatusInfo info = fixture.panelThing.getStatusInfo();
        assertEquals(ThingStatusDetail.COMMUNICATION_ERROR, info.getStatusDetail(), info.toString());
        assertEquals("@text/offline.panel.offline", info.getDescription());
    }

    @Test
    void s25PanelTheCloudReportsOfflineIsOfflineUntilItIsOnlineAgain() throws Exception {
        sim.publishOnline(PANEL, false);
        awaitPanelStatus(home, ThingStatus.OFFLINE);
        assertReportedOffline(home);
        home.callback.await(e -> e.channelOrThing().equals("online") && e.value().equals("OFF"),
                Duration.ofSeconds(10));
        sim.publishOnline(PANEL, true);
        awaitPanelStatus(home, ThingStatus.ONLINE);
    }

    @Test
    void s26RingOfAPanelMarkedOfflineRingsAndProvesItOnline() throws Exception {
        sim.device(PANEL).online = false;
        IntercomFixture other = new IntercomFixture(sim, "cabin", PANEL, Map.of());
        others.add(other);
        other.cloud.start().awaitOnline();
        other.panel.initialize();
        awaitPanelStatus(other, ThingStatus.OFFLINE);
        assertReportedOffline(other);
        sim.publishOnline(PANEL, false);
        awaitPanelStatus(home, ThingStatus.OFFLINE);
        device.pressCallButton(3, Duration.ofSeconds(20));
        home.await(RING);
        other.await(RING);
        awaitPanelStatus(home, ThingStatus.ONLINE);
        awaitPanelStatus(other, ThingStatus.ONLINE);
    }
}
