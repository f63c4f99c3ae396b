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

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A cloud that is slow to answer, for races with a request in flight: the simulator's HTTP requests whose path
 * contains the held text wait before they are answered until {@link #release()} (at most {@link #LONGEST}, and never
 * after the simulator closed). Off by default.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimRequestHold {
    /** A held request is answered after this at the latest. */
    public static final Duration LONGEST = Duration.ofSeconds(30);

    private volatile String pathPart = "";
    private volatile CountDownLatch released = new CountDownLatch(0);
    private final AtomicInteger held = new AtomicInteger();

    /** Holds every request whose path contains this text (e.g. {@code "/webrtc-configs"}) until released. */
    public synchronized void hold(String part) {
        held.set(0);
        released = new CountDownLatch(1);
        pathPart = part;
    }

    /** Answers the held requests and the next ones at once. */
    public synchronized void release() {
        pathPart = "";
        released.countDown();
    }

    /** How many requests were held since {@link #hold(String)}. */
    public int held() {
        return held.get();
    }

    /** Waits until a request is held; whether one was within the timeout. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (held.get() == 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5); // a poll step
        }
        return held.get() > 0;
    }

    /** For the simulator's threads: waits while a request on this path (or topic) is held. */
    void pass(String path) {
        String part = pathPart;
        if (part.isEmpty() || !path.contains(part)) {
            return;
        }
        CountDownLatch latch = released;
        held.incrementAndGet();
        try {
            latch.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
