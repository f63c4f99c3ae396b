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
package org.openhab.binding.tuyaintercom.internal.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapter;

/**
 * Builds a complete answer for a client that does not trickle candidates (Main UI's oh-video): the panel's answer
 * with its candidates inside, completed when the panel says it has no more, when none came for a quiet period, or at
 * the latest a fixed time after the answer. Timers run on the scheduler; nothing waits.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class NonTrickleAnswer implements SignallingRelay.SessionListener {
    private final ScheduledExecutorService scheduler;
    private final Duration quiet;
    private final Duration max;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private @Nullable String answer;
    private @Nullable ScheduledFuture<?> quietTimer;

    NonTrickleAnswer(ScheduledExecutorService scheduler, Duration quiet, Duration max) {
        this.scheduler = scheduler;
        this.quiet = quiet;
        this.max = max;
    }

    CompletableFuture<String> result() {
        return result;
    }

    @Override
    public synchronized void answered(SignallingRelay.Session session, String browserAnswer) {
        answer = browserAnswer;
        restartQuietTimer(session);
        scheduler.schedule(() -> complete(session), max.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void candidate(SignallingRelay.Session session, String candidate) {
        if (answer == null) {
            return; // collected by the session; put in once the answer is there
        }
        if (candidate.isEmpty()) {
            scheduler.execute(() -> complete(session));
        } else {
            restartQuietTimer(session);
        }
    }

    @Override
    public void closed(SignallingRelay.Session session) {
        result.completeExceptionally(new IllegalStateException("the panel closed the media session"));
    }

    private void restartQuietTimer(SignallingRelay.Session session) {
        ScheduledFuture<?> timer = quietTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        quietTimer = scheduler.schedule(() -> complete(session), quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void complete(SignallingRelay.Session session) {
        String browserAnswer;
        synchronized (this) {
            browserAnswer = answer;
        }
        if (browserAnswer != null) {
            result.complete(SdpAdapter.withCandidates(browserAnswer, session.candidates()));
        }
    }
}
