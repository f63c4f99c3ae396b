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
package org.openhab.binding.tuyaintercom.internal.sim;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.tuyaintercom.internal.sim.SimNetworkFaults.Direction.*;
import static org.openhab.binding.tuyaintercom.internal.sim.SimNetworkFaults.Fault.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimNetworkFaults.Direction;
import org.openhab.binding.tuyaintercom.internal.sim.SimNetworkFaults.Kind;
import org.openhab.binding.tuyaintercom.internal.sim.SimNetworkFaults.Rule;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The simulator's network faults on a real broker: a bare MQTT client stands in for the binding (with access the
 * simulator issued on an ipc topic), what it publishes towards a panel is seen by a listener on the panel side
 * ({@link TuyaCloudSimulator#onMessageFromBinding}), and what the simulator publishes reaches the client. Each fault is
 * shown in both directions; the seed is in every failure message. One simulator serves all tests (starting one takes
 * seconds on a busy machine); each test numbers its messages with a run of its own, so late copies of an earlier test
 * are not counted.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
@TestInstance(Lifecycle.PER_CLASS)
class SimNetworkFaultsTest {
    private static final String CLIENT_ID = "faults_client";
    private static final String IPC_TOPIC = "/av/u/faultsuid";
    private static final String PANEL_TOPIC = "/av/moto/moto_sim_01/u/panel1";
    private static final long SEED = 20_260_101L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A message as it arrived: its number, protocol, time on the way and the thread that delivered it. */
    private record Arrival(int run, int seq, int protocol, long latencyMillis, String thread) {
    }

    private final TuyaCloudSimulator sim;
    private final List<Arrival> atPanel = new CopyOnWriteArrayList<>();
    private final List<Arrival> atBinding = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionsLost = new AtomicInteger();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final MqttClient binding;
    private volatile int run;

    SimNetworkFaultsTest() throws IOException, MqttException {
        sim = new TuyaCloudSimulator().start();
        sim.network.seed(SEED);
        sim.addCredential(new TuyaCloudSimulator.Credential("faults", "ipc", CLIENT_ID, "faults_user", "faults_pw",
                IPC_TOPIC, "/av/moto/", "2.0", Instant.now().plus(Duration.ofHours(1))));
        sim.onMessageFromBinding((topic, payload) -> {
            if (PANEL_TOPIC.equals(topic)) {
                atPanel.add(arrival(payload));
            }
        });
        binding = new MqttClient(sim.broker().url(), CLIENT_ID, new MemoryPersistence());
        binding.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, @Nullable String serverUri) {
                if (reconnect) {
                    reconnects.incrementAndGet();
                }
            }

            @Override
            public void connectionLost(@Nullable Throwable cause) {
                connectionsLost.incrementAndGet();
            }

            @Override
            public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
                if (message != null) {
                    atBinding.add(arrival(message.getPayload()));
                }
            }

            @Override
            public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("faults_user");
        options.setPassword("faults_pw".toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxInflight(1000);
        binding.connect(options);
        binding.subscribe(IPC_TOPIC, 1);
    }

    @BeforeEach
    void newRun() {
        run++;
    }

    @AfterEach
    void perfectNetworkAgain() {
        sim.network.clear().seed(SEED).resetCounters();
        sim.network.reorderLimit = Duration.ofSeconds(1);
    }

    @AfterAll
    void close() throws MqttException {
        try {
            binding.disconnectForcibly(100, 100);
            binding.close();
        } finally {
            sim.close();
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private byte[] message(int protocol, int seq) {
        return ("{\"protocol\":" + protocol + ",\"run\":" + run + ",\"seq\":" + seq + ",\"sent\":" + System.nanoTime()
                + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static Arrival arrival(byte[] payload) {
        JsonNode json = TuyaJson.parse(new String(payload, StandardCharsets.UTF_8));
        return new Arrival(json.path("run").asInt(), json.path("seq").asInt(), json.path("protocol").asInt(),
                (System.nanoTime() - json.path("sent").asLong()) / 1_000_000, Thread.currentThread().getName());
    }

    /** Sends one message in a direction: the client publishes it to the panel, or the simulator to the client. */
    private void send(Direction direction, int protocol, int seq) throws MqttException {
        if (direction == TO_PANEL) {
            binding.publish(PANEL_TOPIC, message(protocol, seq), 1, false);
        } else {
            sim.publishRaw(IPC_TOPIC, message(protocol, seq));
        }
    }

    /** What arrived in a direction in this test's run. */
    private List<Arrival> arrivals(Direction direction) {
        int current = run;
        return (direction == TO_PANEL ? atPanel : atBinding).stream().filter(a -> a.run() == current).toList();
    }

    private List<Integer> seqs(Direction direction) {
        return arrivals(direction).stream().map(Arrival::seq).toList();
    }

    /** Waits until the condition holds, failing with the seed and the counters after the deadline. */
    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; " + sim.network);
            }
            Thread.sleep(5);
        }
    }

    /** Waits for the last message of a test: a protocol no rule touches, sent after all others in order. */
    private void sendMarkerAndAwait(Direction direction, int protocol) throws Exception {
        send(direction, protocol, -1);
        await("the marker " + direction, () -> seqs(direction).contains(-1));
    }

    // ------------------------------------------------------------------------------------------- tests

    @Test
    void withEveryFaultOffEachMessageArrivesOnceInOrderWithoutAnExtraThread() throws Exception {
        int[] protocols = { 302, 308, 4, 312, 20 };
        for (Direction direction : Direction.values()) {
            for (int i = 0; i < 50; i++) {
                send(direction, protocols[i % protocols.length], i);
            }
        }
        List<Integer> expected = IntStream.range(0, 50).boxed().toList();
        for (Direction direction : Direction.values()) {
            await(direction + ": 50 messages", () -> arrivals(direction).size() >= 50);
            assertEquals(expected, seqs(direction), direction + ": once each, in order");
        }
        assertTrue(arrivals(TO_PANEL).stream().noneMatch(a -> a.thread().startsWith("sim-network")), "no hop");
        for (SimNetworkFaults.Fault fault : SimNetworkFaults.Fault.values()) {
            assertEquals(0, sim.network.total(fault), fault.name());
        }
    }

    @Test
    void lossOfAllLosesEveryMessageOfThatKindAndNoOther() throws Exception {
        sim.network.both(Kind.WEBRTC, Rule.loss(1.0));
        for (Direction direction : Direction.values()) {
            for (int i = 0; i < 20; i++) {
                send(direction, i % 2 == 0 ? 302 : 308, i);
            }
            sendMarkerAndAwait(direction, 4);
            List<Integer> odd = IntStream.range(0, 20).filter(i -> i % 2 == 1).boxed().collect(Collectors.toList());
            odd.add(-1);
            assertEquals(odd, seqs(direction), direction + ": only the 308 messages and the marker");
            assertEquals(10, sim.network.count(direction, Kind.WEBRTC, DROPPED), sim.network.toString());
            assertEquals(0, sim.network.count(direction, Kind.CALL, DROPPED), sim.network.toString());
        }
    }

    @Test
    void lossOfHalfLosesAboutHalfAndTheSameOnesWithTheSameSeed() throws Exception {
        sim.network.both(Kind.CALL, Rule.loss(0.5));
        for (Direction direction : Direction.values()) {
            sim.network.seed(SEED);
            for (int i = 0; i < 200; i++) {
                send(direction, 308, i);
            }
            sendMarkerAndAwait(direction, 302);
            long arrived = arrivals(direction).size() - 1;
            assertTrue(arrived > 70 && arrived < 130, direction + ": about half of 200 arrived: " + arrived);
            assertEquals(200 - arrived, sim.network.count(direction, Kind.CALL, DROPPED), sim.network.toString());
        }
        // the simulator publishes from this thread alone: the same seed loses the same messages
        List<Integer> first = seqs(FROM_PANEL);
        run++;
        sim.network.seed(SEED);
        for (int i = 0; i < 200; i++) {
            send(FROM_PANEL, 308, i);
        }
        sendMarkerAndAwait(FROM_PANEL, 302);
        assertEquals(first, seqs(FROM_PANEL), "the same messages lost with seed " + SEED);
    }

    @Test
    void delaysStayWithinTheirBoundsAndTheirSpreadReorders() throws Exception {
        sim.network.both(Kind.CALL, Rule.jitter(Duration.ofMillis(200), Duration.ofMillis(600)));
        for (Direction direction : Direction.values()) {
            for (int i = 0; i < 20; i++) {
                send(direction, 308, i);
            }
        }
        for (Direction direction : Direction.values()) {
            await(direction + ": 20 messages", () -> arrivals(direction).size() >= 20);
            for (Arrival arrival : arrivals(direction)) {
                assertTrue(arrival.latencyMillis() >= 200, direction + ": not before the minimum: " + arrival);
                // the maximum plus the way through the broker on a shared, busy machine (1.9 s seen at load 10)
                assertTrue(arrival.latencyMillis() <= 600 + 2500,
                        direction + ": not long after the maximum: " + arrival);
            }
            assertEquals(20, sim.network.count(direction, Kind.CALL, DELAYED), sim.network.toString());
            List<Integer> seqs = seqs(direction);
            assertNotEquals(seqs.stream().sorted().toList(), seqs, direction + ": 400 ms of spread reorders");
            assertEquals(IntStream.range(0, 20).boxed().toList(), seqs.stream().sorted().toList(), "each once");
        }
    }

    @Test
    void duplicatesArriveTwice() throws Exception {
        sim.network.both(Kind.WEBRTC, Rule.OFF.withDuplicate(1.0).withDelay(Duration.ZERO, Duration.ofMillis(100)));
        for (Direction direction : Direction.values()) {
            for (int i = 0; i < 10; i++) {
                send(direction, 302, i);
            }
        }
        for (Direction direction : Direction.values()) {
            await(direction + ": 20 messages", () -> arrivals(direction).size() >= 20);
            Map<Integer, Long> times = seqs(direction).stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(10, times.size(), direction + ": " + times);
            assertTrue(times.values().stream().allMatch(n -> n == 2), direction + ": each twice: " + times);
            assertEquals(10, sim.network.count(direction, Kind.WEBRTC, DUPLICATED), sim.network.toString());
        }
    }

    @Test
    void reorderHoldsEveryOtherMessageUntilTheNextHasPassed() throws Exception {
        sim.network.reorderLimit = Duration.ofMillis(300);
        sim.network.both(Kind.WEBRTC, Rule.OFF.withReorder(true));
        for (Direction direction : Direction.values()) {
            for (int i = 0; i < 7; i++) {
                send(direction, 302, i);
            }
        }
        for (Direction direction : Direction.values()) {
            // the seventh has no successor: it goes after the limit
            await(direction + ": 7 messages", () -> arrivals(direction).size() >= 7);
            assertEquals(List.of(1, 0, 3, 2, 5, 4, 6), seqs(direction), direction.name());
            assertEquals(3, sim.network.count(direction, Kind.WEBRTC, REORDERED), sim.network.toString());
        }
    }

    @Test
    void lostBrokerConnectionDropsTheBindingsClientWhichReconnects() throws Exception {
        assertTrue(binding.isConnected());
        int lost = connectionsLost.get();
        int reconnected = reconnects.get();
        assertEquals(List.of(CLIENT_ID), sim.network.loseBrokerConnection());
        await("the connection lost", () -> connectionsLost.get() == lost + 1);
        await("the client connected again", () -> reconnects.get() == reconnected + 1 && binding.isConnected());
        binding.subscribe(IPC_TOPIC, 1); // a clean session
        sendMarkerAndAwait(FROM_PANEL, 302);
        sendMarkerAndAwait(TO_PANEL, 302);
    }

    @Test
    void afterCloseNothingDelayedIsDelivered() throws Exception {
        SimNetworkFaults network = new SimNetworkFaults(List::of);
        List<String> threads = new ArrayList<>();
        network.deliver(FROM_PANEL, 308, () -> threads.add(Thread.currentThread().getName()));
        assertEquals(List.of(Thread.currentThread().getName()), threads, "off: delivered at once, on this thread");
        network.set(FROM_PANEL, Kind.CALL, Rule.jitter(Duration.ofMillis(200), Duration.ofMillis(200)));
        AtomicInteger delivered = new AtomicInteger();
        network.deliver(FROM_PANEL, 308, delivered::incrementAndGet);
        network.close();
        network.deliver(FROM_PANEL, 308, delivered::incrementAndGet);
        Thread.sleep(400); // what is not there cannot be waited for
        assertEquals(0, delivered.get());
    }

    @Test
    void rulesRefuseImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> Rule.loss(1.5));
        assertThrows(IllegalArgumentException.class, () -> Rule.OFF.withDuplicate(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Rule.jitter(Duration.ofMillis(-1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Rule.jitter(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertTrue(Rule.OFF.isOff());
        assertFalse(Rule.jitter(Duration.ZERO, Duration.ofSeconds(2)).isOff());
    }

    @Test
    void kindsFollowTheProtocol() {
        assertEquals(Kind.WEBRTC, Kind.ofPayload(message(302, 0)));
        assertEquals(Kind.WEBRTC, Kind.ofPayload(message(312, 0)));
        assertEquals(Kind.CALL, Kind.ofPayload(message(308, 0)));
        assertEquals(Kind.DATA_POINT, Kind.ofPayload(message(4, 0)));
        assertEquals(Kind.DATA_POINT, Kind.ofPayload(message(20, 0)));
        assertEquals(Kind.DATA_POINT, Kind.ofPayload(new byte[] { 1, 2, 3, 4 }));
    }
}
