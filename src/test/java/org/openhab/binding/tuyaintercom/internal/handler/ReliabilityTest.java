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
import java.util.Set;
import java.util.stream.Collectors;

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
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(120)
class ReliabilityTest {

    private static void awaitPanel(SimPanel panel, String event, long count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (panel.count(event) < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(panel.count(event) >= count,
                "panel received " + count + "x " + event + ": " + panel.receivedEvents());
    }

    @Test
    void brokerRestartWhileIdleReconnectsAndTheNextCallRings() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().transport(TuyaCloudSimulator.CallTransport.OPEN_HUB_308)
                .start(); SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start();
            try {
                sim.broker().stop();
                home.callback.awaitStatus(home.cloud.bridge, ThingStatus.OFFLINE, Duration.ofSeconds(10));
                Thread.sleep(2000); // an outage the binding's reconnect attempts run into (not a check)
                sim.broker().start();
                // the binding retries at least every 4 s: 15 s is a generous bound, how fast it is goes to the
                // benchmarks (BindingBenchmark)
                home.callback.awaitStatus(home.cloud.bridge, ThingStatus.ONLINE, Duration.ofSeconds(15));
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
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().transport(TuyaCloudSimulator.CallTransport.OPEN_HUB_308)
                .start(); SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            sim.tokenLifetime = Duration.ofSeconds(5);
            sim.mqttLifetime = Duration.ofSeconds(5);
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start();
            try {
                // calls until the ipc link has had three credential sets (two rollovers), however long that takes
                long deadline = System.currentTimeMillis() + 60_000;
                int calls = 0;
                while (ipcCredentials(sim) < 3 && System.currentTimeMillis() < deadline) {
                    home.callback.clear();
                    device.pressCallButton(3, Duration.ofSeconds(20));
                    home.await("call=RING", Duration.ofSeconds(10));
                    home.command("call-control", new StringType("REJECT"));
                    home.await("call=REJECTED", Duration.ofSeconds(10));
                    // the panel has the reject before the next visitor rings, as with real visitors
                    awaitPanel(device, "reject", ++calls);
                }
                assertTrue(ipcCredentials(sim) >= 3, "credentials were renewed during the calls");
            } finally {
                home.close();
            }
        }
    }

    @Test
    void everyRejectSentAcrossMqttRolloversReachesThePanel() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().transport(TuyaCloudSimulator.CallTransport.OPEN_HUB_308)
                .start(); SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            sim.mqttLifetime = Duration.ofSeconds(5);
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start();
            try {
                int calls = 0;
                long deadline = System.currentTimeMillis() + 60_000;
                while (ipcCredentials(sim) < 3 && System.currentTimeMillis() < deadline) {
                    home.callback.clear();
                    device.pressCallButton(3, Duration.ofSeconds(20));
                    calls++;
                    home.await("call=RING", Duration.ofSeconds(10));
                    home.command("call-control", new StringType("REJECT"));
                    home.await("call=REJECTED", Duration.ofSeconds(10));
                    awaitPanel(device, "reject", calls);
                }
                assertTrue(ipcCredentials(sim) >= 3, "credentials were renewed during the calls");
            } finally {
                home.close();
            }
        }
    }

    @Test
    void aRejectQueuedForANewConnectionThatTheBrokerDropsGoesOutOnTheNextTry() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().transport(TuyaCloudSimulator.CallTransport.OPEN_HUB_308)
                .start(); SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            // the switch comes 8 s after the access was issued: the ring, right after the start, is not caught in it
            sim.mqttLifetime = Duration.ofSeconds(10);
            // the call rings until the switch has come (the fixture's 3 s would end it before)
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of("ringTimeout", 30)).start();
            try {
                home.callback.clear();
                device.pressCallButton(3, Duration.ofSeconds(30));
                home.await("call=RING", Duration.ofSeconds(10));
                // the credential switch: the broker accepts the new ipc connection, its subscription waits
                sim.subscriptions.hold("/av/u/");
                assertTrue(sim.subscriptions.awaitHeld(Duration.ofSeconds(20)), "the new connection subscribes");
                home.command("call-control", new StringType("REJECT"));
                home.await("call=REJECTED", Duration.ofSeconds(10));
                // the reject waits for the new connection, which the broker drops before it is subscribed (what
                // Moquette 0.17 does now and then when a SUBSCRIBE overtakes its own note that the CONNACK went out)
                String clientId = sim.issuedCredentials().stream().filter(c -> "ipc".equals(c.topics()))
                        .reduce((first, second) -> second).orElseThrow().clientId();
                sim.broker().disconnect(clientId);
                sim.subscriptions.release();
                awaitPanel(device, "reject", 1);
            } finally {
                home.close();
            }
        }
    }

    private static long ipcCredentials(TuyaCloudSimulator sim) {
        return sim.issuedCredentials().stream().filter(c -> "ipc".equals(c.topics())).count();
    }

    /**
     * The MQTT client threads (Paho names them "MQTT Rec: &lt;client id&gt;" and so on) of the given client ids that
     * are
     * alive and were not there before: only this installation's, whatever other tests of the JVM left running.
     */
    private static List<String> mqttThreadsOf(Set<String> clientIds, Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                .filter(name -> name.startsWith("MQTT") && clientIds.stream().anyMatch(name::endsWith)).toList();
    }

    @Test
    void panelVanishingMidCallEndsWithDisconnectAndLeavesNothingBehind() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().transport(TuyaCloudSimulator.CallTransport.OPEN_HUB_308)
                .start(); SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Door"))) {
            Set<Thread> threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
            // an installation name of this test alone: its MQTT client ids ("cloud_ohvanishing-ipc", "…-dev") are no
            // other test's
            IntercomFixture home = new IntercomFixture(sim, "vanishing", "panel1", Map.of()).start();
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
            var session = home.session();
            assertNotNull(session);
            assertEquals(0, session.relay().sessionCount(), "no media session left");
            home.close();
            Set<String> clientIds = sim.issuedCredentials().stream().filter(c -> c.linkId().startsWith("ohvanishing-"))
                    .map(c -> c.clientId()).collect(Collectors.toSet());
            assertFalse(clientIds.isEmpty(), "the installation had MQTT access");
            long deadline = System.currentTimeMillis() + 10_000;
            while (!mqttThreadsOf(clientIds, threadsBefore).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of(), mqttThreadsOf(clientIds, threadsBefore),
                    "MQTT client threads of the disposed installation");
        }
    }
}
