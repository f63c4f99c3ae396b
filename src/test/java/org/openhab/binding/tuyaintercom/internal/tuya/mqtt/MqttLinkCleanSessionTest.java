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
package org.openhab.binding.tuyaintercom.internal.tuya.mqtt;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimBroker;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;

/**
 * The MQTT link connects with a clean session, as public clients do (go2rtc, tuya-iot-python-sdk), and does not rely
 * on the broker keeping a session for it: where new access comes with a new client id, the new connection is
 * subscribed before the old one is closed, so a steady stream of messages crosses every credential switch without a
 * loss or a duplicate; where the client id stays the same, the link is subscribed again after the switch. The broker
 * is a real one (Moquette, {@link SimBroker}). {@code renewAccess()} switches at once, through the same overlap.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class MqttLinkCleanSessionTest {
    private static final String TOPIC = "cloud/token/in/test";
    private static final Duration LIFETIME = Duration.ofSeconds(5);

    private final Map<String, Boolean> cleanSessions = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger downs = new AtomicInteger();
    private volatile Duration lifetime = LIFETIME;
    /** While set, the second fetch of access waits for it (a slow cloud). */
    private volatile @Nullable CountDownLatch secondFetchGate;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private @Nullable SimBroker broker;
    private @Nullable MqttLink link;

    @BeforeEach
    void startBroker() throws Exception {
        SimBroker started = new SimBroker(new SimBroker.Access() {
            @Override
            public boolean mayConnect(String clientId, String username, String password) {
                return true;
            }

            @Override
            public boolean mayRead(String topic, String username) {
                return true;
            }

            @Override
            public boolean mayWrite(String topic, String username) {
                return true;
            }
        });
        started.onConnect(cleanSessions::put);
        started.start();
        broker = started;
    }

    @AfterEach
    void stop() {
        MqttLink running = link;
        if (running != null) {
            running.stop();
        }
        SimBroker started = broker;
        if (started != null) {
            started.stop();
        }
        scheduler.shutdownNow();
    }

    private MqttLink start(boolean newClientIdPerAccess) {
        SimBroker started = broker;
        assertNotNull(started);
        MqttAccessSource source = () -> {
            int n = fetches.incrementAndGet();
            CountDownLatch gate = secondFetchGate;
            if (n == 2 && gate != null) {
                try {
                    gate.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Instant now = Instant.now();
            return new MqttAccessConfig(started.url(), newClientIdPerAccess ? "cloud_test_" + n : "cloud_test",
                    "user" + n, "password" + n, Map.of("device", TOPIC), Map.of(), now, now.plus(lifetime), "2.0");
        };
        MqttLinkStatusListener status = new MqttLinkStatusListener() {
            @Override
            public void linkUp(MqttLink up) {
            }

            @Override
            public void linkDown(MqttLink down, String reason, @Nullable TuyaApiException cloudError) {
                downs.incrementAndGet();
            }
        };
        MqttLink created = new MqttLink("device", source,
                (topic, payload, access) -> received.add(new String(payload, StandardCharsets.UTF_8)), status,
                scheduler, Clock.systemUTC());
        link = created;
        created.start();
        return created;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Publishes numbered messages every 5 ms until the link has had three sets of access; returns how many. */
    private int publishAcrossTwoSwitches(MqttLink running) throws InterruptedException {
        SimBroker started = broker;
        assertNotNull(started);
        await("the link up", running::isConnected);
        int sent = 0;
        long deadline = System.currentTimeMillis() + 30_000;
        while (fetches.get() < 3 && System.currentTimeMillis() < deadline) {
            started.publish(TOPIC, ("m" + sent++).getBytes(StandardCharsets.UTF_8));
            Thread.sleep(5);
        }
        await("the third connection up", () -> {
            MqttAccessConfig access = running.access();
            return running.isConnected() && access != null
                    && Integer.parseInt(access.username().substring("user".length())) >= 3;
        });
        for (int i = 0; i < 20; i++) { // after the last switch: these must arrive on the new connection
            started.publish(TOPIC, ("m" + sent++).getBytes(StandardCharsets.UTF_8));
            Thread.sleep(5);
        }
        assertTrue(fetches.get() >= 3, "two credential switches");
        return sent;
    }

    @Test
    void everyConnectionIsACleanSession() throws Exception {
        MqttLink running = start(true);
        publishAcrossTwoSwitches(running);
        assertTrue(cleanSessions.size() >= 3, "connections seen: " + cleanSessions);
        assertEquals(Set.of(true), Set.copyOf(cleanSessions.values()), "clean session on every connect");
    }

    @Test
    void aNewClientIdIsSubscribedBeforeTheOldConnectionClosesSoNoMessageIsLost() throws Exception {
        MqttLink running = start(true);
        int sent = publishAcrossTwoSwitches(running);
        await("every message", () -> received.size() >= sent);
        Thread.sleep(200); // duplicates would come late (not a check)
        for (int i = 0; i < sent; i++) {
            assertTrue(received.contains("m" + i), "message " + i + " of " + sent + " arrived");
        }
        assertEquals(sent, received.size(), "each message once, although two connections overlapped");
        assertEquals(Set.of(true), Set.copyOf(cleanSessions.values()));
    }

    /**
     * With one client id the broker drops the old connection when the new one connects, and a clean session has no
     * subscription until the new one subscribes: messages in that round trip are not delivered (measured, printed).
     * Everything after the switch arrives.
     */
    @Test
    void theSameClientIdIsSubscribedAgainAfterTheSwitch() throws Exception {
        MqttLink running = start(false);
        int sent = publishAcrossTwoSwitches(running);
        await("the messages after the last switch", () -> received.contains("m" + (sent - 1)));
        for (int i = sent - 20; i < sent; i++) {
            assertTrue(received.contains("m" + i), "message " + i + " after the switch arrived");
        }
        long missing = sent - received.stream().distinct().count();
        System.out.println("same client id, clean session: " + missing + " of " + sent
                + " messages (every 5 ms) were published while no connection was subscribed, over two switches");
        assertEquals(Set.of(true), Set.copyOf(cleanSessions.values()));
    }

    private static int accessNumber(MqttLink running) {
        MqttAccessConfig access = running.access();
        return access == null ? 0 : Integer.parseInt(access.username().substring("user".length()));
    }

    /**
     * {@code renewAccess()} (the session the credential came from was renewed) switches to new access at once, long
     * before the current one is due, without the link going down; asked again while that switch waits for the cloud,
     * one more switch follows it.
     */
    @Test
    void renewAccessSwitchesAtOnceAndOnceMoreWhenAskedDuringASwitch() throws Exception {
        lifetime = Duration.ofHours(1);
        CountDownLatch gate = new CountDownLatch(1);
        secondFetchGate = gate;
        MqttLink running = start(true);
        await("the link up", running::isConnected);
        running.renewAccess();
        await("the second fetch under way", () -> fetches.get() == 2);
        running.renewAccess(); // while the second fetch waits: one more follows it
        running.renewAccess(); // and only one
        gate.countDown();
        await("the third access connected", () -> accessNumber(running) == 3 && running.isConnected());
        Thread.sleep(300); // the window for a fourth fetch, which would start at once (an absence has no event to wait
                           // for)
        assertEquals(3, fetches.get());
        assertEquals(0, downs.get(), "the link never went down");
    }
}
