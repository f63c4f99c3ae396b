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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.Phase;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.View;
import org.openhab.binding.tuyaintercom.internal.sim.SimSecrets;
import org.openhab.binding.tuyaintercom.internal.sim.SimSmartWeb;
import org.openhab.binding.tuyaintercom.internal.test.HandlerProbe;
import org.openhab.binding.tuyaintercom.internal.test.SmartAccountExtension;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartWebClient;
import org.openhab.core.thing.ThingStatus;

/**
 * The Tuya Smart account bridge answers {@code isReady()} and its sign-in page's {@code view()} (which runs on the web
 * server's threads) without waiting for the cloud: while the simulator holds the answer of the password sign-in, of
 * the QR code's fetch or of its poll, they return while that request is still under way (checked on the threads'
 * stacks and with the simulator's counts, not with a time limit; the time they took is printed).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(90)
class SmartAccountHeldSignInTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SIGN_IN_KEY = "held-test-sign-in-key-0123456789";

    @RegisterExtension
    final SmartAccountExtension account = new SmartAccountExtension();
    private final RecordingCallback callback = account.callback;

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT + ": " + what);
            }
            Thread.sleep(50); // a poll step
        }
    }

    private static void print(String what, long startedNanos) {
        System.out.println(what + ": " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos)
                + " ms (before: until the held answer, up to ~34 s)");
    }

    @Test
    void isReadyAndTheViewAnswerWhileThePasswordSignInIsHeld() throws Exception {
        SimSecrets.record(SimSmartWeb.DEFAULT_PASSWORD);
        Map<String, Object> config = new HashMap<>();
        config.put("username", SimSmartWeb.DEFAULT_USER);
        config.put("password", SimSmartWeb.DEFAULT_PASSWORD);
        account.sim().hold.hold("/api/private/");
        SmartAccountBridgeHandler h = account.start(config);
        assertTrue(account.sim().hold.awaitHeld(WAIT), "the bridge signs in");

        long started = System.nanoTime();
        boolean ready = h.isReady();
        View view = h.view();
        print("isReady() and view() during a held sign-in", started);
        assertTrue(HandlerProbe.running(SmartWebClient.class, "login"), "they answered while the sign-in was held");
        assertEquals(0, account.sim().smart.loginAttempts());
        assertFalse(ready);
        assertEquals(Phase.PREPARING, view.phase());

        account.sim().hold.release();
        callback.awaitStatus(account.bridge(), ThingStatus.ONLINE, WAIT);
        assertTrue(h.isReady());
        assertEquals(Phase.SIGNED_IN, h.view().phase());
        assertEquals(1, account.sim().smart.loginAttempts());
    }

    private SignInEndpoint startQr() {
        Map<String, Object> config = new HashMap<>();
        config.put("signIn", "qr");
        config.put("signInKey", SIGN_IN_KEY);
        account.start(config);
        SignInEndpoint endpoint = account.directory.signIn(account.bridge().getUID().getAsString());
        assertNotNull(endpoint, "the bridge offers its sign-in page");
        return endpoint;
    }

    private long polls() {
        return account.sim().smart.requestedPaths().stream().filter("/api/login/poll"::equals).count();
    }

    @Test
    void theSignInPageAnswersWhileTheCodeAndItsPollAreHeld() throws Exception {
        account.sim().hold.hold("/api/login/security/QCtoken");
        SignInEndpoint endpoint = startQr();
        assertTrue(account.sim().hold.awaitHeld(WAIT), "the bridge fetches a code");

        long started = System.nanoTime();
        View fetching = endpoint.view();
        print("view() while the code's fetch is held", started);
        assertTrue(HandlerProbe.running(SmartWebClient.class, "qrToken"), "it answered while the fetch was held");
        assertEquals(0, account.sim().smart.qrCodesIssued());
        assertEquals(Phase.PREPARING, fetching.phase());

        account.sim().hold.release();
        awaitTrue(() -> endpoint.view().phase() == Phase.SHOWING, "a code is shown");
        account.sim().hold.hold("/api/login/poll");
        assertTrue(account.sim().hold.awaitHeld(WAIT), "the bridge polls the code");
        long pollsBefore = polls();

        started = System.nanoTime();
        View polling = endpoint.view();
        print("view() while a poll is held", started);
        assertTrue(HandlerProbe.running(SmartWebClient.class, "pollQr"), "it answered while the poll was held");
        assertEquals(pollsBefore, polls());
        assertEquals(Phase.SHOWING, polling.phase());
        assertEquals("tuyaSmart--qrLogin?token=" + account.sim().smart.latestQrToken(), polling.qrText());

        account.sim().smart.approveQr(SimSmartWeb.DEFAULT_USER);
        account.sim().hold.release();
        callback.awaitStatus(account.bridge(), ThingStatus.ONLINE, WAIT);
        assertEquals(Phase.SIGNED_IN, endpoint.view().phase());
    }
}
