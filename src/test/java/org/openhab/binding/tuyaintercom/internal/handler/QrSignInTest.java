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

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.Notice;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.Phase;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.View;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartWebClient;

/**
 * The sign-in page may be viewed before the QR sign-in has started (the bridge's {@code view()} takes no lock): that
 * view asks for the first code once, and the start adds no second fetch.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(30)
class QrSignInTest {

    @Test
    void aViewBeforeTheStartFetchesTheFirstCodeOnce() throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler.execute(() -> { // keeps the only thread, so that what QrSignIn schedules stays in the queue
            busy.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            SmartWebClient web = new SmartWebClient("https://127.0.0.1:9", "49", "user", "password", new HttpClient(),
                    Clock.systemUTC());
            QrSignIn signIn = new QrSignIn(web, scheduler, Clock.systemUTC(), Notice.NONE, new QuietListener());

            View first = signIn.view(); // no fetch yet: its delay counts from no time at all
            assertEquals(Phase.PREPARING, first.phase());
            assertEquals("", first.qrText());
            signIn.start();
            assertEquals(1, scheduler.getQueue().size(), "one fetch, not two");
            signIn.stop(); // the queued fetch does nothing
        } finally {
            release.countDown();
            scheduler.shutdownNow();
        }
    }

    private static final class QuietListener implements QrSignIn.Listener {
        @Override
        public void qrSignedIn(QrSignIn signIn) {
        }

        @Override
        public void qrProgress(QrSignIn signIn, Phase phase, Notice notice) {
        }

        @Override
        public void qrFailed(QrSignIn signIn, String detail) {
        }
    }
}
