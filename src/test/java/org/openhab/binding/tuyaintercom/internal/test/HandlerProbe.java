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
package org.openhab.binding.tuyaintercom.internal.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.common.ThreadPoolManager;

/**
 * What handlers leave behind, counted from outside: the jobs waiting in openHAB's shared handler pool and the
 * binding's own pools, the threads running a method of a class, and live threads.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class HandlerProbe {
    /** The pool of {@code BaseThingHandler.scheduler}. */
    public static final String HANDLER_POOL = "thingHandler";
    /** The pool of the binding's MQTT links. */
    public static final String LINK_POOL = "tuyaintercom-mqtt";

    private HandlerProbe() {
    }

    /** Jobs scheduled (waiting or periodic) in a pool of openHAB's thread pool manager. */
    public static int jobs(String pool) {
        ScheduledExecutorService executor = ThreadPoolManager.getScheduledPool(pool);
        return executor instanceof ThreadPoolExecutor tpe ? tpe.getQueue().size() : 0;
    }

    /** Jobs scheduled in the handler pool and the link pool together. */
    public static int jobs() {
        return jobs(HANDLER_POOL) + jobs(LINK_POOL);
    }

    /** Whether some thread is running inside this method of this class. */
    public static boolean running(Class<?> type, String method) {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(frame -> frame.getClassName().equals(type.getName()) && frame.getMethodName().equals(method));
    }

    /** Waits (polling) until no thread runs inside this method; whether none did within the timeout. */
    public static boolean awaitNotRunning(Class<?> type, String method, Duration timeout) throws InterruptedException {
        return awaitTrue(() -> running(type, method) ? 0 : 1, timeout);
    }

    /** Waits (polling) until the count is at most the limit; the last count. */
    public static int awaitAtMost(IntSupplier count, int limit, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = count.getAsInt();
        while (last > limit && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20); // a poll step
            last = count.getAsInt();
        }
        return last;
    }

    private static boolean awaitTrue(IntSupplier condition, Duration timeout) throws InterruptedException {
        return awaitAtMost(() -> 1 - condition.getAsInt(), 0, timeout) == 0;
    }
}
