/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapter;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays WebRTC signalling between browsers and one panel (protocol 302): forwards adapted offers and trickled
 * candidates, collects the panel's answer and candidates, and sends {@code disconnect} when a browser goes away. No
 * media passes through here: browser and panel connect directly.
 */
@NonNullByDefault
public class MediaRelay {
    /** Sends the offer, candidate and disconnect messages of a session to the panel. */
    public interface Transport {
        void sendOffer(String sessionId, String sdp) throws Exception;

        void sendCandidate(String sessionId, String candidate) throws Exception;

        void sendDisconnect(String sessionId) throws Exception;
    }

    /** One browser ↔ panel media session. */
    public static final class Session {
        final String id;
        final String browserOffer;
        final CompletableFuture<String> deviceAnswer = new CompletableFuture<>();
        private final List<String> candidates = new ArrayList<>();
        private boolean candidatesComplete;
        private boolean closed;
        volatile Instant lastSeen;
        final Duration idleLimit;

        Session(String id, String browserOffer, Instant now, Duration idleLimit) {
            this.id = id;
            this.browserOffer = browserOffer;
            this.lastSeen = now;
            this.idleLimit = idleLimit;
        }

        public String id() {
            return id;
        }

        public synchronized boolean isClosed() {
            return closed;
        }

        synchronized void addCandidate(String candidate) {
            if (candidate.isEmpty()) {
                candidatesComplete = true;
            } else if (candidates.size() < MAX_CANDIDATES) {
                candidates.add(candidate);
            }
            notifyAll();
        }

        synchronized void close() {
            closed = true;
            candidatesComplete = true;
            notifyAll();
        }

        /** Candidates from index {@code since}, waiting up to the timeout for one to arrive. */
        synchronized List<String> candidatesSince(int since, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (candidates.size() <= since && !candidatesComplete && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return since >= candidates.size() ? List.of() : List.copyOf(candidates.subList(since, candidates.size()));
        }

        synchronized List<String> waitForCandidates(Duration quiet, Duration max) throws InterruptedException {
            long end = System.nanoTime() + max.toNanos();
            int seen = -1;
            while (!candidatesComplete && !closed) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                if (seen == candidates.size() && seen > 0) {
                    break; // no new candidate during a quiet period
                }
                seen = candidates.size();
                wait(Math.max(1, Math.min(quiet.toMillis(), left / 1_000_000)));
            }
            return List.copyOf(candidates);
        }
    }

    static final int MAX_CANDIDATES = 64;
    static final int MAX_SESSIONS = 4;

    private final Logger logger = LoggerFactory.getLogger(MediaRelay.class);
    private final Transport transport;
    private final Clock clock;
    private final Consumer<String> sessionClosedByPanel;
    private volatile Consumer<String> sessionAbandoned = id -> {
    };
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    public MediaRelay(Transport transport, Clock clock, Consumer<String> sessionClosedByPanel) {
        this.transport = transport;
        this.clock = clock;
        this.sessionClosedByPanel = sessionClosedByPanel;
    }

    /** Told about sessions closed because their browser stopped asking (a closed tab, a lost network). */
    public void onAbandoned(Consumer<String> listener) {
        this.sessionAbandoned = listener;
    }

    /**
     * Sends the adapted offer of a browser to the panel and opens a session, which is closed when no browser asked
     * about it for {@code idleLimit}.
     */
    public Session open(String browserOffer, Duration idleLimit) throws Exception {
        String deviceOffer = SdpAdapter.offerForDevice(browserOffer); // IllegalArgumentException for bad offers
        Session session = new Session(UUID.randomUUID().toString(), browserOffer, clock.instant(), idleLimit);
        Session evicted = null;
        synchronized (sessions) {
            if (sessions.size() >= MAX_SESSIONS) {
                String oldest = sessions.keySet().iterator().next();
                evicted = sessions.remove(oldest);
            }
            sessions.put(session.id, session);
        }
        if (evicted != null) {
            close(evicted);
        }
        try {
            transport.sendOffer(session.id, deviceOffer);
        } catch (Exception e) {
            remove(session.id);
            throw e;
        }
        return session;
    }

    /**
     * The panel's answer for the browser, in the browser's m-line order; with {@code embedCandidates} (no trickle)
     * the panel's candidates gathered so far are put into it.
     */
    public String answer(Session session, Duration timeout, boolean embedCandidates)
            throws TimeoutException, InterruptedException {
        String deviceAnswer;
        try {
            deviceAnswer = session.deviceAnswer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TimeoutException("the panel closed the session");
        }
        String answer = SdpAdapter.answerForBrowser(deviceAnswer, session.browserOffer);
        if (embedCandidates) {
            List<String> candidates = session.waitForCandidates(Duration.ofMillis(300), Duration.ofSeconds(2));
            answer = SdpAdapter.withCandidates(answer, candidates);
        }
        return answer;
    }

    public @Nullable Session session(String id) {
        synchronized (sessions) {
            Session session = sessions.get(id);
            if (session != null) {
                session.lastSeen = clock.instant();
            }
            return session;
        }
    }

    /** A browser says it still uses the session. */
    public void touch(Session session) {
        session.lastSeen = clock.instant();
    }

    public void addBrowserCandidate(Session session, String candidate) throws Exception {
        session.lastSeen = clock.instant();
        String line = candidate.strip();
        transport.sendCandidate(session.id, line.startsWith("a=") ? line.substring(2) : line);
    }

    public List<String> panelCandidates(Session session, int since, Duration timeout) throws InterruptedException {
        session.lastSeen = clock.instant();
        return session.candidatesSince(since, timeout);
    }

    /** Ends a session: tells the panel and forgets it. */
    public void close(Session session) {
        remove(session.id);
        if (!session.isClosed()) {
            session.close();
            session.deviceAnswer.completeExceptionally(new IllegalStateException("closed"));
            try {
                transport.sendDisconnect(session.id);
            } catch (Exception e) {
                logger.debug("disconnect of media session not sent: {}", e.getMessage());
            }
        }
    }

    public void closeAll() {
        List<Session> all;
        synchronized (sessions) {
            all = List.copyOf(sessions.values());
        }
        all.forEach(this::close);
    }

    /** Closes the sessions no browser asked about for longer than their idle limit. */
    public void closeIdle() {
        Instant now = clock.instant();
        List<Session> stale = new ArrayList<>();
        synchronized (sessions) {
            sessions.values().stream().filter(s -> s.lastSeen.plus(s.idleLimit).isBefore(now)).forEach(stale::add);
        }
        for (Session session : stale) {
            close(session);
            sessionAbandoned.accept(session.id);
        }
    }

    public int sessionCount() {
        synchronized (sessions) {
            return sessions.size();
        }
    }

    /** A 302 message of the panel. */
    public void onSignalling(WebRtcSignalling.Message message) {
        Session session;
        synchronized (sessions) {
            session = sessions.get(message.sessionId());
        }
        if (session == null) {
            return;
        }
        switch (message.type()) {
            case "answer" -> {
                String sdp = message.sdp();
                if (!sdp.isEmpty()) {
                    session.deviceAnswer.complete(sdp);
                }
            }
            case "candidate" -> session.addCandidate(message.candidate());
            case "disconnect" -> {
                remove(session.id);
                session.close();
                session.deviceAnswer.completeExceptionally(new IllegalStateException("disconnected"));
                sessionClosedByPanel.accept(session.id);
            }
            default -> {
            }
        }
    }

    private void remove(String id) {
        synchronized (sessions) {
            sessions.remove(id);
        }
    }
}
