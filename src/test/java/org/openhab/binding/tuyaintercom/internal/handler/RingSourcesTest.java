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
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.intercom.PageCredential;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.SimRings;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.test.MutableClock;
import org.openhab.binding.tuyaintercom.internal.test.RecordingPage;
import org.openhab.core.library.types.StringType;

/**
 * Every known ring source against the simulated cloud, through the real account bridge and panel handler: each
 * source alone rings exactly once, so does each source reporting twice, and any mix of them, also when reports come
 * 5–7 s late; two presses further apart than the ring window ring twice; the delay from the device's time to the ring
 * is measured; a multi-station panel says which station calls (channel, call page); a video lock's alarms do not
 * ring. The sources: {@link SimRings.Source}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class RingSourcesTest {
    private static final String PANEL = "panel1";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock();
    private @Nullable TuyaCloudSimulator sim;
    private @Nullable SimPanel device;
    private @Nullable IntercomFixture home;
    /** How many reports of the panel the handler has taken so far (each followed by a lock report). */
    private int settled;

    private IntercomFixture start(Map<String, Object> panelConfig) throws Exception {
        TuyaCloudSimulator cloud = new TuyaCloudSimulator().start();
        sim = cloud;
        device = new SimPanel(cloud, SimDevice.panel(PANEL, "Front door"));
        IntercomFixture fixture = new IntercomFixture(cloud, "home", PANEL, panelConfig, new PanelDirectory(), clock)
                .start();
        home = fixture;
        fixture.callback.clear();
        return fixture;
    }

    private IntercomFixture start() throws Exception {
        return start(Map.of());
    }

    @AfterEach
    void tearDown() {
        IntercomFixture fixture = home;
        if (fixture != null) {
            fixture.close();
        }
        SimPanel panel = device;
        if (panel != null) {
            panel.close();
        }
        TuyaCloudSimulator cloud = sim;
        if (cloud != null) {
            cloud.close();
        }
    }

    private SimRings rings() {
        SimPanel panel = device;
        assertNotNull(panel);
        return panel.rings;
    }

    private IntercomFixture home() {
        IntercomFixture fixture = home;
        assertNotNull(fixture);
        return fixture;
    }

    private long count(String channel, String value) {
        return home().callback.events().stream()
                .filter(e -> e.channelOrThing().equals(channel) && e.value().equals(value)).count();
    }

    private long rang() {
        return count("call", "RING");
    }

    private static void poll(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(10); // a poll step
        }
    }

    /**
     * Waits until the handler has taken every report sent so far on the device topics: the lock report sent after
     * them (same topic, so in order) has arrived.
     */
    private void settle() throws InterruptedException {
        TuyaCloudSimulator cloud = sim;
        assertNotNull(cloud);
        int expected = ++settled;
        cloud.publishDeviceStatus(PANEL, Map.of("accessory_lock", false));
        poll("the reports", () -> count("unlock", "OFF") >= expected, WAIT);
    }

    private void awaitRings(long n) throws InterruptedException {
        poll(n + " ring(s)", () -> rang() >= n, WAIT);
    }

    private @Nullable Double ringDelaySeconds() {
        List<RecordingCallback.Event> delays = home().callback.events().stream()
                .filter(e -> e.channelOrThing().equals("ring-delay")).toList();
        if (delays.isEmpty()) {
            return null;
        }
        // a Number:Time state in seconds, e.g. "6.012 s"
        String delay = delays.get(delays.size() - 1).value();
        assertTrue(delay.endsWith(" s"), "ring-delay in seconds: " + delay);
        return Double.valueOf(delay.substring(0, delay.length() - " s".length()));
    }

    // ------------------------------------------------------------------------------------------- each source

    @ParameterizedTest
    @EnumSource(SimRings.Source.class)
    void eachSourceAloneRingsOnceAndTwiceReportedStillOnce(SimRings.Source source) throws Exception {
        start(Map.of("ringTimeout", 30));
        Instant pressed = clock.instant();
        rings().send(source, pressed);
        awaitRings(1);
        assertEquals(1, count("doorbell", "PRESSED"));
        assertNotNull(ringDelaySeconds(), "the delay of the ring is measured");
        rings().send(source, pressed);
        // a second press beyond the window, on the same topic after the repeat: once it is seen, so was the repeat
        clock.advance(Duration.ofSeconds(11));
        rings().send(source, pressed.plusSeconds(11));
        poll("the second press", () -> count("doorbell", "PRESSED") >= 2, WAIT);
        assertEquals(2, count("doorbell", "PRESSED"), "the repeat is no press");
        assertEquals(1, rang(), "one call rings (the second press comes while it rings)");
    }

    @Test
    void theSimulatorsPressSendsTheSwitchedOnSources() throws Exception {
        IntercomFixture fixture = start();
        rings().sources = EnumSet.of(SimRings.Source.EVENT_NOTIFY, SimRings.Source.LOCK_ALARM_KIT);
        SimPanel panel = device;
        assertNotNull(panel);
        panel.pressCallButton(3, Duration.ofSeconds(20));
        awaitRings(1);
        settle();
        assertEquals(1, rang());
        fixture.await("call=MISSED");
    }

    // ------------------------------------------------------------------------------------------- mixes, late, window

    @Test
    void aMixOfEverySourceWithLateAndRepeatedReportsRingsOnce() throws Exception {
        start();
        Instant pressed = clock.instant().minusMillis(300);
        rings().send(SimRings.Source.DOORBELL_DATA_POINTS, pressed);
        awaitRings(1);
        for (SimRings.Source source : EnumSet.complementOf(EnumSet.of(SimRings.Source.PROTOCOL_43_IPC))) {
            rings().send(source, pressed);
            rings().send(source, pressed.plusMillis(400)); // the same press, its report a little later
        }
        clock.advance(Duration.ofSeconds(6)); // what follows arrives 6 s after the press
        rings().send(SimRings.Source.EVENT_NOTIFY, pressed);
        rings().send(SimRings.Source.PROTOCOL_43, pressed);
        settle();
        assertEquals(1, rang());
        assertEquals(1, count("doorbell", "PRESSED"));
        // the picture is fetched over HTTP after the ring, so settle() (the MQTT reports) does not order it
        poll("the picture of the press", () -> count("call", "SNAPSHOT") >= 1, WAIT);
        assertEquals(1, count("call", "SNAPSHOT"), "one picture for the press");
    }

    @Test
    void reportsFiveToSevenSecondsLateInRealTimeDoNotRingAgainAfterTheCall() throws Exception {
        IntercomFixture fixture = start(); // rings 3 s: the call is missed before the late reports arrive
        Instant pressed = clock.instant();
        rings().send(SimRings.Source.DOORBELL_ACTIVE_EPOCH, pressed);
        rings().sendLater(SimRings.Source.EVENT_NOTIFY, pressed, Duration.ofSeconds(5));
        rings().sendLater(SimRings.Source.PROTOCOL_43, pressed, Duration.ofSeconds(6));
        rings().sendLater(SimRings.Source.LOCK_ALARM_KIT, pressed, Duration.ofSeconds(7));
        awaitRings(1);
        fixture.await("call=MISSED");
        poll("the late reports sent", () -> rings().reportsSent() >= 4, Duration.ofSeconds(15));
        settle();
        assertEquals(1, rang(), "late reports of the press ring no second time");
        assertEquals(1, count("doorbell", "PRESSED"));
    }

    @Test
    void twoPressesFurtherApartThanTheWindowRingTwiceAndWithinItOnce() throws Exception {
        IntercomFixture fixture = start();
        Instant first = clock.instant();
        rings().send(SimRings.Source.PROTOCOL_43, first);
        awaitRings(1);
        // within the window: another source, its time 4 s later, while the call rings
        clock.advance(Duration.ofSeconds(4));
        rings().send(SimRings.Source.DOORBELL_ACTIVE_EPOCH, first.plusSeconds(4));
        settle();
        assertEquals(1, rang());
        assertEquals(1, count("doorbell", "PRESSED"));
        fixture.await("call=MISSED");
        // beyond the window: a second visitor 11 s after the first
        clock.advance(Duration.ofSeconds(7));
        rings().send(SimRings.Source.PROTOCOL_43, first.plusSeconds(11));
        awaitRings(2);
        settle();
        assertEquals(2, rang());
        assertEquals(2, count("doorbell", "PRESSED"));
    }

    @Test
    void aNewVisitorRightAfterARejectedCallRings() throws Exception {
        IntercomFixture fixture = start();
        rings().send(SimRings.Source.EVENT_NOTIFY, clock.instant());
        awaitRings(1);
        fixture.command("call-control", new StringType("REJECT"));
        fixture.await("call=REJECTED");
        rings().send(SimRings.Source.EVENT_NOTIFY, clock.instant());
        awaitRings(2);
    }

    @Test
    void theDelayFromTheDevicesTimeToTheRingIsMeasured() throws Exception {
        start();
        rings().send(SimRings.Source.PROTOCOL_43, clock.instant().minusSeconds(6));
        awaitRings(1);
        Double delay = ringDelaySeconds();
        assertNotNull(delay);
        assertTrue(delay >= 6.0 && delay < 7.0, "6 s and the way through the simulator: " + delay);
    }

    // ------------------------------------------------------------------------------------------- stations, locks

    @Test
    void aMultiStationPanelSaysWhichStationCalls() throws Exception {
        IntercomFixture fixture = start();
        PanelSession session = fixture.session();
        assertNotNull(session);
        RecordingPage page = new RecordingPage("page1");
        session.pages().add(page, PageCredential.page("page1-link", null));
        rings().stations.put(2, "GATE");
        rings().callingStation = 2;
        rings().send(SimRings.Source.STATION, clock.instant());
        awaitRings(1);
        List<String> order = fixture.callback.events().stream().map(e -> e.channelOrThing() + "=" + e.value())
                .filter(e -> e.startsWith("calling-station=") || e.equals("call=RING")).toList();
        assertEquals(List.of("calling-station=GATE", "call=RING"), order, "the station is known when RING fires");
        poll("the station on the call page", () -> page.got("\"station\":\"GATE\""), WAIT);
    }

    @Test
    void theStationListInItsOwnDataPointAndTheStationDataPointByCode() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("stationDp", "call_channel");
        config.put("stationListDp", "channel_list");
        start(config);
        rings().stations.put(3, "BACK");
        rings().stationListInCall = false;
        rings().publishStationList();
        rings().callingStation = 3;
        rings().send(SimRings.Source.STATION, clock.instant());
        awaitRings(1);
        assertEquals(1, count("calling-station", "BACK"));
    }

    @Test
    void aVideoLocksAlarmsDoNotRingItsDoorbellDoes() throws Exception {
        start();
        for (String alarm : new String[] { "pry", "wrong_finger", "low_battery" }) {
            rings().lockAlarmValue = alarm;
            rings().send(SimRings.Source.LOCK_ALARM_KIT, clock.instant());
        }
        settle();
        assertEquals(0, rang());
        rings().lockAlarmValue = "doorbell";
        rings().send(SimRings.Source.LOCK_ALARM_KIT, clock.instant());
        awaitRings(1);
    }
}
