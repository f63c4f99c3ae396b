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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.Notice;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.Phase;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.View;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.QrPollAnswer;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartWebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sign-in by QR code of the Tuya Smart account bridge: fetches a code, polls the cloud every
 * {@link #POLL_INTERVAL} on the handler's scheduler until the code is confirmed, refused, cancelled or over (at the
 * latest after {@link #CODE_LIFETIME}), and then fetches a fresh code only while the sign-in page is being watched (a
 * page viewed within {@link #PAGE_WATCHED}); otherwise the next view of the page fetches one. Nothing runs after
 * {@link #stop()}. The listener is called without this object's lock held, and no request is made with it held, so
 * {@link #view()} (on the web server's threads) never waits for the cloud.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class QrSignIn {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** The binding's bound on polling one code (how long the cloud keeps a code is not public). */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(3);
    /** After a code's end a new one is fetched at once only if the page was viewed this recently. */
    static final Duration PAGE_WATCHED = Duration.ofSeconds(30);
    /** Codes are fetched at most this often. */
    static final Duration MIN_FETCH_INTERVAL = Duration.ofSeconds(3);

    /** What the bridge hears of the sign-in. */
    interface Listener {
        /** The code was confirmed: the client holds the session. */
        void qrSignedIn(QrSignIn signIn);

        /** A step the user should know of, for the status (a code to scan, scanned, its end). */
        void qrProgress(QrSignIn signIn, Phase phase, Notice notice);

        /** No code could be fetched. */
        void qrFailed(QrSignIn signIn, String detail);
    }

    private final Logger logger = LoggerFactory.getLogger(QrSignIn.class);
    private final SmartWebClient web;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Listener listener;

    private Phase phase = Phase.PREPARING;
    private Notice notice;
    private @Nullable String token;
    private Instant deadline = Instant.MIN;
    private Instant lastViewed = Instant.MIN;
    private Instant lastFetch = Instant.MIN;
    private boolean fetching;
    private boolean stopped;
    private @Nullable ScheduledFuture<?> job;

    QrSignIn(SmartWebClient web, ScheduledExecutorService scheduler, Clock clock, Notice notice, Listener listener) {
        this.web = web;
        this.scheduler = scheduler;
        this.clock = clock;
        this.notice = notice;
        this.listener = listener;
    }

    /** Fetches the first code, unless a page viewed before the start has asked for it already. */
    synchronized void start() {
        if (!stopped && !fetching) {
            scheduleFetch(Duration.ZERO);
        }
    }

    /** Stops polling; nothing is fetched or polled afterwards. */
    synchronized void stop() {
        stopped = true;
        token = null;
        ScheduledFuture<?> running = job;
        if (running != null) {
            running.cancel(false);
        }
        job = null;
    }

    /** The state for a page viewed now; fetches a code when there is none. */
    synchronized View view() {
        Instant now = clock.instant();
        lastViewed = now;
        if (!stopped && token == null && !fetching && phase != Phase.SIGNED_IN) {
            scheduleFetch(Duration.between(now, lastFetch.plus(MIN_FETCH_INTERVAL)));
        }
        String shown = token;
        boolean showing = shown != null && phase == Phase.SHOWING;
        return new View(phase, notice, showing ? QrPollAnswer.qrText(shown) : "");
    }

    private void scheduleFetch(Duration delay) {
        fetching = true;
        phase = token == null ? Phase.PREPARING : phase;
        // no fetch yet: the delay from Instant.MIN is negative beyond what milliseconds hold
        long millis = delay.isNegative() ? 0 : delay.toMillis();
        job = scheduler.schedule(this::fetch, millis, TimeUnit.MILLISECONDS);
    }

    private void fetch() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            lastFetch = clock.instant();
        }
        String fresh;
        try {
            fresh = web.qrToken();
        } catch (SmartApiException e) {
            logger.debug("Tuya Smart QR code: {}", LogText.safe(e.getMessage()));
            synchronized (this) {
                fetching = false;
                if (stopped) {
                    return;
                }
                phase = Phase.FAILED;
            }
            listener.qrFailed(this, LogText.safe(e.getMessage()));
            return;
        }
        Notice shownNotice;
        synchronized (this) {
            fetching = false;
            if (stopped) {
                return;
            }
            token = fresh;
            deadline = clock.instant().plus(CODE_LIFETIME);
            phase = Phase.SHOWING;
            shownNotice = notice;
            schedulePoll();
        }
        listener.qrProgress(this, Phase.SHOWING, shownNotice);
    }

    private void schedulePoll() {
        job = scheduler.schedule(this::poll, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        String polled;
        synchronized (this) {
            String current = token;
            if (stopped || current == null) {
                return;
            }
            polled = current;
        }
        QrPollAnswer.State state;
        try {
            state = web.pollQr(polled);
        } catch (SmartApiException e) {
            logger.debug("Tuya Smart QR sign-in poll: {}", LogText.safe(e.getMessage()));
            state = QrPollAnswer.State.WAITING; // the network: polled again until the code's end
        }
        Phase reported = null;
        Notice reportedNotice;
        boolean signedIn = false;
        synchronized (this) {
            if (stopped || !polled.equals(token)) {
                return;
            }
            boolean over = !clock.instant().isBefore(deadline);
            switch (state) {
                case SIGNED_IN -> {
                    token = null;
                    phase = Phase.SIGNED_IN;
                    notice = Notice.NONE;
                    signedIn = true;
                }
                case EXPIRED -> reported = ended(Notice.EXPIRED);
                case REFUSED -> reported = ended(Notice.REFUSED);
                case CANCELLED -> reported = ended(Notice.CANCELLED);
                case SCANNED, WAITING -> {
                    if (over) {
                        reported = ended(Notice.EXPIRED);
                    } else {
                        if (state == QrPollAnswer.State.SCANNED && phase != Phase.SCANNED) {
                            phase = Phase.SCANNED;
                            reported = Phase.SCANNED;
                        }
                        schedulePoll();
                    }
                }
            }
            reportedNotice = notice;
        }
        if (signedIn) {
            listener.qrSignedIn(this);
        } else if (reported != null) {
            listener.qrProgress(this, reported, reportedNotice);
        }
    }

    /** The code is over: a new one at once while the page is watched, else when it is next viewed. */
    private Phase ended(Notice why) {
        token = null;
        notice = why;
        phase = Phase.PREPARING;
        if (clock.instant().isBefore(lastViewed.plus(PAGE_WATCHED))) {
            scheduleFetch(Duration.between(clock.instant(), lastFetch.plus(MIN_FETCH_INTERVAL)));
        }
        return Phase.PREPARING;
    }
}
