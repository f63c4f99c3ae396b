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

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One life of a handler, from {@code initialize()} to {@code dispose()}, and its connect job with its back-off. Work
 * the handler started in a life (the connect, a cloud call on the scheduler, a retry) carries the number of that life
 * and checks, holding the handler's lock, that it is still the current one before it installs or schedules anything:
 * {@code dispose()} ends the life under the same lock, so nothing started before it goes on afterwards, even where
 * cancelling came too late to stop a task that was already running.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class HandlerLife {
    /** What {@link #current()} answers between {@code dispose()} and the next {@code initialize()}. */
    static final int ENDED = -1;
    /** Failures back off by doubling at most this many times. */
    private static final int MAX_DOUBLINGS = 20;

    private final Object lock;
    private final ScheduledExecutorService scheduler;
    private final IntConsumer connect;
    private int life;
    /** Written under the lock; read without it by {@link #ended()}. */
    private volatile boolean alive;
    private int failures;
    private @Nullable ScheduledFuture<?> connectJob;

    /**
     * @param lock the handler's lock (the handler itself, whose monitor openHAB's {@code updateStatus} takes too)
     * @param scheduler where the connect runs
     * @param connect the connect, given the life it was scheduled in
     */
    HandlerLife(Object lock, ScheduledExecutorService scheduler, IntConsumer connect) {
        this.lock = lock;
        this.scheduler = scheduler;
        this.connect = connect;
    }

    /** For {@code initialize()}: a new life, whose failures are counted from 0; nothing is scheduled yet. */
    int begin() {
        synchronized (lock) {
            cancelConnect();
            life++;
            alive = true;
            failures = 0;
            return life;
        }
    }

    /** For {@code dispose()}: ends the life and cancels the connect job; a running connect installs nothing. */
    void end() {
        synchronized (lock) {
            cancelConnect();
            life++;
            alive = false;
        }
    }

    /**
     * Whether {@code dispose()} has run (and no {@code initialize()} since): what arrives then from the bridge, the
     * cloud or a page is dropped. Takes no lock, so it may be asked under any other lock.
     */
    boolean ended() {
        return !alive;
    }

    /** The current life, or {@link #ENDED}. */
    int current() {
        synchronized (lock) {
            return alive ? life : ENDED;
        }
    }

    /** Whether work of this life may still install or schedule something (ask holding the handler's lock). */
    boolean isCurrent(int someLife) {
        synchronized (lock) {
            return alive && someLife == life;
        }
    }

    /** Connects after the delay in the current life, replacing a connect already scheduled; nothing once ended. */
    void connectIn(Duration delay) {
        synchronized (lock) {
            if (alive) {
                schedule(life, delay);
            }
        }
    }

    /** Connects again after the delay, if that life is still the current one. */
    void retryIn(int someLife, Duration delay) {
        synchronized (lock) {
            if (isCurrent(someLife)) {
                schedule(someLife, delay);
            }
        }
    }

    /**
     * Counts a failure and connects again after its back-off: {@code first}, doubling with every failure in a row,
     * at most {@code max}. Nothing if that life is over.
     *
     * @return the delay
     */
    Duration retryAfterFailure(int someLife, Duration first, Duration max) {
        synchronized (lock) {
            failures++;
            long seconds = Math.min(max.toSeconds(), first.toSeconds() << Math.min(failures - 1, MAX_DOUBLINGS));
            Duration delay = Duration.ofSeconds(seconds);
            retryIn(someLife, delay);
            return delay;
        }
    }

    /** The connect succeeded: the next failure starts the back-off from its beginning. */
    void connected() {
        synchronized (lock) {
            failures = 0;
        }
    }

    private void schedule(int someLife, Duration delay) {
        cancelConnect();
        connectJob = scheduler.schedule(() -> connect.accept(someLife), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelConnect() {
        ScheduledFuture<?> job = connectJob;
        if (job != null) {
            job.cancel(false);
        }
        connectJob = null;
    }
}
