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
package org.openhab.binding.tuyaintercom.internal.tuya.smart;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimSmartWeb;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.CloudFixture;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;

/**
 * The web client's session state never waits for a sign-in: while the simulator holds the answer of the password
 * request, {@code signedIn()}, {@code uid()}, {@code sessionExpiresAt()}, {@code renewAt()} and
 * {@code sessionState()} return (checked: while the sign-in is still under way), and during a renewal a request of the
 * current session goes through. Sign-ins stay one at a time: a second {@code login()} meanwhile waits for the first
 * and sends nothing of its own.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(90)
class SmartWebClientHeldSignInTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String HELD = "/api/private/";

    private static SmartWebClient client(TuyaCloudSimulator sim) {
        return new SmartWebClient(sim.baseUrl(), "49", SimSmartWeb.DEFAULT_USER, SimSmartWeb.DEFAULT_PASSWORD,
                CloudFixture.HTTP, Clock.systemUTC());
    }

    /** A {@code login()} on a thread of its own. */
    private record Caller(Thread thread, CompletableFuture<@Nullable Void> done) {
        static Caller login(SmartWebClient web, String name) {
            CompletableFuture<@Nullable Void> done = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    web.login();
                    done.complete(null);
                } catch (SmartApiException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
            return new Caller(thread, done);
        }

        void await() throws Exception {
            done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Whether it waits for a sign-in under way (a future's outcome), rather than for a request of its own. */
        boolean waitsForTheSignInUnderWay() {
            return Arrays.stream(thread.getStackTrace()).anyMatch(
                    f -> CompletableFuture.class.getName().equals(f.getClassName()) && "get".equals(f.getMethodName()));
        }
    }

    /** Waits until the second caller waits for the first's sign-in, or (wrongly) holds a request of its own. */
    private static void awaitJoined(Caller second, TuyaCloudSimulator sim) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!second.waitsForTheSignInUnderWay() && sim.hold.held() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5); // a poll step
        }
    }

    @Test
    void theStateAnswersWhileTheFirstSignInIsHeldAndASecondSignInWaitsForIt() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            SmartWebClient web = client(sim);
            sim.hold.hold(HELD);
            Caller first = Caller.login(web, "first sign-in");
            assertTrue(sim.hold.awaitHeld(WAIT), "the sign-in sends its password");
            Caller second = Caller.login(web, "second sign-in");
            awaitJoined(second, sim);

            long started = System.nanoTime();
            assertFalse(web.signedIn());
            assertEquals("", web.uid());
            assertEquals(Instant.MIN, web.sessionExpiresAt());
            web.renewAt();
            assertEquals("", web.sessionState());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertFalse(first.done().isDone(), "the state answered while the sign-in was under way");
            assertEquals(0, sim.smart.loginAttempts());
            System.out.println("session state during a held sign-in: " + tookMillis
                    + " ms (before: until the sign-in's answer, up to ~34 s)");

            sim.hold.release();
            first.await();
            second.await();
            assertTrue(web.signedIn());
            assertFalse(web.uid().isEmpty());
            assertEquals(1, sim.hold.held(), "the second sign-in sent no password of its own");
            assertEquals(1, sim.smart.loginAttempts(), "one sign-in for both callers");
        }
    }

    @Test
    void duringAHeldRenewalTheCurrentSessionStillServes() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            sim.addDevice(SimDevice.panel("panel1", "Front door"));
            SmartWebClient web = client(sim);
            web.login();
            String uid = web.uid();
            Instant expires = web.sessionExpiresAt();

            sim.hold.hold(HELD);
            Caller renewal = Caller.login(web, "renewal");
            assertTrue(sim.hold.awaitHeld(WAIT), "the renewal sends the password");
            Caller another = Caller.login(web, "another renewal");
            awaitJoined(another, sim);

            long started = System.nanoTime();
            assertTrue(web.signedIn(), "the current session serves until the new one is signed in");
            assertEquals(uid, web.uid());
            assertEquals(expires, web.sessionExpiresAt());
            assertFalse(web.sessionState().isEmpty());
            List<DeviceInfo> devices = web.devices();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertFalse(renewal.done().isDone(), "all this while the renewal was under way");
            assertEquals(1, sim.smart.loginAttempts());
            assertEquals(List.of("panel1"), devices.stream().map(DeviceInfo::id).toList());
            System.out.println("session state and a device list during a held renewal: " + tookMillis + " ms");

            sim.hold.release();
            renewal.await();
            another.await();
            assertTrue(web.signedIn());
            assertEquals(uid, web.uid());
            assertEquals(1, sim.hold.held(), "the second renewal sent no password of its own");
            assertEquals(2, sim.smart.loginAttempts(), "the first sign-in and one renewal for both callers");
            assertEquals(List.of("panel1"), web.devices().stream().map(DeviceInfo::id).toList());
        }
    }

    /**
     * MQTT access asked for with a session that a renewal replaces before the answer arrives ends with the session that
     * asked for it (the cloud ends the credential with that session), not with the renewed one: the link would
     * otherwise keep a connection it believes good until the cloud drops it.
     */
    @Test
    void mqttAccessAnsweredAfterARenewalEndsWithTheSessionThatAskedForIt() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            sim.smart.sessionLifetime = Duration.ofSeconds(60);
            SmartWebClient web = client(sim);
            web.login();
            Instant first = web.sessionExpiresAt();

            sim.hold.hold("/api/jarvis/mqtt");
            CompletableFuture<MqttAccessConfig> asked = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    asked.complete(web.mqttAccess());
                } catch (SmartApiException | RuntimeException e) {
                    asked.completeExceptionally(e);
                }
            }, "mqtt access");
            thread.setDaemon(true);
            thread.start();
            assertTrue(sim.hold.awaitHeld(WAIT), "the access is asked for with the first session");
            sim.smart.sessionLifetime = Duration.ofSeconds(600);
            web.login();
            assertTrue(web.sessionExpiresAt().isAfter(first), "renewed meanwhile");

            sim.hold.release();
            MqttAccessConfig access = asked.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(first, access.expiresAt());
            assertTrue(access.renewAt().isBefore(first));
        }
    }
}
