/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ThingStatus;

/**
 * The binding under failures of its surroundings: a broker that goes away, credentials that expire during a call,
 * a panel that vanishes mid-call — and nothing left behind afterwards. Runs with the {@code open-hub-308} call
 * transport: these scenarios are about 308 calls (heartbeats, hang-up messages).
 */
@NonNullByDefault
@Timeout(120)
class ReliabilityTest {

    private static void awaitPanel(SimPanel panel, String event, long count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (panel.count(event) < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(panel.count(event) >= count, "panel received " + count + "x " + event + ": " + panel.receivedEvents());
    }

    @Test
    void brokerRestartWhileIdleReconnectsWithinFiveSecondsAndTheNextCallRings() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().transport(TuyaCloudSimulator.CallTransport.OPEN_HUB_308).start();
                SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start();
            try {
                sim.broker().stop();
                home.callback.awaitStatus(home.cloud.bridge, ThingStatus.OFFLINE, Duration.ofSeconds(10));
                Thread.sleep(2000);
                long restarted = System.nanoTime();
                sim.broker().start();
                home.callback.awaitStatus(home.cloud.bridge, ThingStatus.ONLINE, Duration.ofSeconds(10));
                long reconnectMillis = (System.nanoTime() - restarted) / 1_000_000;
                System.out.printf("broker restart: bridge online again %d ms after the broker%n", reconnectMillis);
                assertTrue(reconnectMillis <= 5000, "reconnected within 5 s: " + reconnectMillis + " ms");
                home.callback.awaitStatus(home.panelThing, ThingStatus.ONLINE, Duration.ofSeconds(10));
                home.callback.clear();
                device.pressCallButton(3, Duration.ofSeconds(20));
                home.await("call=RING");
            } finally {
                home.close();
            }
        }
    }

    @Test
    void callsArrivingDuringTokenAndMqttRolloverRing() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().transport(TuyaCloudSimulator.CallTransport.OPEN_HUB_308).start();
                SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            sim.tokenLifetime = Duration.ofSeconds(5);
            sim.mqttLifetime = Duration.ofSeconds(5);
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start();
            try {
                int calls = 0;
                long end = System.currentTimeMillis() + 12_000; // two rollovers of each link
                while (System.currentTimeMillis() < end) {
                    home.callback.clear();
                    device.pressCallButton(3, Duration.ofSeconds(20));
                    calls++;
                    home.await("call=RING", Duration.ofSeconds(10));
                    home.command("call-control", new StringType("REJECT"));
                    home.await("call=REJECTED", Duration.ofSeconds(10));
                    Thread.sleep(300);
                }
                long renewals = sim.issuedCredentials().stream().filter(c -> c.topics().equals("ipc")).count();
                System.out.printf("rollover: %d calls all rang across %d ipc credential sets%n", calls, renewals);
                assertTrue(renewals >= 3, "credentials were renewed during the calls");
            } finally {
                home.close();
            }
        }
    }

    private static java.util.Set<String> threadNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
        return names;
    }

    @Test
    void panelVanishingMidCallEndsWithDisconnectAndLeavesNothingBehind() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().transport(TuyaCloudSimulator.CallTransport.OPEN_HUB_308).start();
                SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            // a first cycle warms up shared pools
            new IntercomFixture(sim, "warm", "panel1", Map.of()).start().close();
            System.gc();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            java.util.Set<String> namesBefore = threadNames();
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start();
            home.callback.clear();
            device.pressCallButton(3, Duration.ofSeconds(20));
            home.await("call=RING");
            home.command("call-control", new StringType("ANSWER"));
            home.await("call=ANSWERED");
            awaitPanel(device, "answer", 1);
            device.echoHeartbeats = false; // the panel is gone
            device.dropMedia();
            home.await("call=FAILED", Duration.ofSeconds(15));
            assertTrue(home.trace().contains("call-end-reason=DISCONNECT (-2532)"), home.trace().toString());
            awaitPanel(device, "hang_up", 1);
            assertFalse(home.panel.isOnCalling());
            var session = home.panel.session();
            assertNotNull(session);
            assertEquals(0, session.relay().sessionCount(), "no media session left");
            home.close();
            Thread.sleep(1500);
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            java.util.Set<String> added = threadNames();
            added.removeAll(namesBefore);
            System.out.printf("threads: %d before the installation, %d after it was disposed (new: %s)%n",
                    threadsBefore, threadsAfter, added);
            assertTrue(added.stream().noneMatch(name -> name.startsWith("OH-") || name.startsWith("MQTT")),
                    "binding threads left behind: " + added);
            long mqttDeadline = System.currentTimeMillis() + 10_000; // Paho ends its threads asynchronously
            while (threadNames().stream().anyMatch(name -> name.startsWith("MQTT"))
                    && System.currentTimeMillis() < mqttDeadline) {
                Thread.sleep(100);
            }
            assertTrue(threadNames().stream().noneMatch(name -> name.startsWith("MQTT")),
                    "no MQTT client thread of the disposed installation: " + threadNames().stream()
                            .filter(name -> name.startsWith("MQTT")).toList());
        }
    }
}
