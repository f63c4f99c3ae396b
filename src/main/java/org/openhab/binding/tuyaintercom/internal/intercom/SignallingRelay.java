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
package org.openhab.binding.tuyaintercom.internal.intercom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.call.CallSettings;
import org.openhab.binding.tuyaintercom.internal.call.MessageNotSentException;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapter;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays WebRTC signalling (protocol 302) between browsers and one panel: forwards adapted offers and trickled
 * candidates, hands the panel's answer and candidates to the session's listener as they arrive, and sends
 * {@code disconnect} when a browser goes away. No media passes through here, and nothing here waits: browser and
 * panel connect directly, and every panel message is pushed to whoever listens.
 * <p>
 * A panel has at most one call media session, which is never evicted, and at most {@value #MAX_LIVE_VIEWS} live views;
 * a live view beyond that is refused, unless an oh-video view can give way: one the panel has not answered, or one
 * older than the connect bound (oh-video never says whether it connected). Page views that do not connect within that
 * bound are closed. Sessions are tied to the credential they were opened with ({@link #closeRevoked}). Where the panel
 * serves only a few sessions at a time ({@link MediaSessionLimit}), the call's session closes the views that leave it
 * no room, and a view that finds no room is refused ({@link SessionLimitException}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class SignallingRelay {
    /** Sends the offer, candidate and disconnect messages of a session to the panel. */
    public interface Transport {
        void sendOffer(String sessionId, String sdp) throws MessageNotSentException;

        void sendCandidate(String sessionId, String candidate) throws MessageNotSentException;

        void sendDisconnect(String sessionId) throws MessageNotSentException;

        /** A media session exists now: the panel's 302 messages with its id are to be routed here. */
        default void opened(String sessionId) {
        }

        /** The media session is gone. */
        default void closed(String sessionId) {
        }
    }

    /** Told what the panel sends for one session. Called on the MQTT thread: quick work only. */
    public interface SessionListener {
        /** The panel's answer, already mapped to the browser's m-line order. */
        void answered(Session session, String browserAnswer);

        /** A candidate of the panel; the empty string when the panel has no more. */
        void candidate(Session session, String candidate);

        /** The session ended (closed by the panel, by the browser, or because it was idle). */
        void closed(Session session);
    }

    /** What a media session is for. */
    public enum Kind {
        /** The media of the current call. */
        CALL,
        /** Watching the door outside a call (call page or oh-video). */
        LIVE_VIEW,
        /**
         * A muted view of the visitor while the call rings, sending nothing to the panel; an answer on the same page
         * turns it into the call's media ({@link #promote}).
         */
        PREVIEW
    }

    /** Refused: too many live views, or the panel went away. */
    public static class LimitReachedException extends Exception {
        private static final long serialVersionUID = 1L;

        LimitReachedException(String message) {
            super(message);
        }
    }

    /** Refused: the panel serves no more sessions at a time ({@link MediaSessionLimit}). */
    public static final class SessionLimitException extends LimitReachedException {
        private static final long serialVersionUID = 1L;

        SessionLimitException(int max) {
            super("the panel serves " + max + " media session(s) at a time and they are in use");
        }
    }

    /** One browser ↔ panel media session. */
    public static final class Session {
        private final String id;
        private volatile Kind kind;
        private final String owner;
        /** The credential the session was opened with; null: the page had gone when it was opened. */
        private final @Nullable PageCredential credential;
        private final Duration idleLimit;
        private final SessionListener listener;
        /** The browser tells when the media is up (call page); oh-video does not. */
        private final boolean reportsConnection;
        private volatile Instant lastSeen;
        private @Nullable String browserOffer;
        private final List<String> candidates = new ArrayList<>();
        /** The browser's candidates that wait for the panel's answer. */
        private final List<String> heldCandidates = new ArrayList<>();
        private final Instant openedAt;
        private @Nullable String answer;
        private boolean closed;
        private volatile boolean endedByPanel;
        /** Closed to make room for the call's media (the panel serves only a few sessions at a time). */
        private volatile boolean displacedByCall;
        private final java.util.concurrent.atomic.AtomicBoolean connected = new java.util.concurrent.atomic.AtomicBoolean();

        Session(Kind kind, String owner, @Nullable PageCredential credential, Instant now, Duration idleLimit,
                SessionListener listener) {
            this.id = UUID.randomUUID().toString();
            this.credential = credential;
            this.reportsConnection = !owner.isEmpty();
            this.kind = kind;
            this.owner = owner;
            this.lastSeen = now;
            this.openedAt = now;
            this.idleLimit = idleLimit;
            this.listener = listener;
        }

        public String id() {
            return id;
        }

        public Kind kind() {
            return kind;
        }

        /** The page client that opened the session; empty for oh-video. */
        public String owner() {
            return owner;
        }

        /** The credential the session was opened with, if it is tied to one. */
        public @Nullable PageCredential credential() {
            return credential;
        }

        public synchronized boolean isClosed() {
            return closed;
        }

        /** The panel's answer if it arrived. */
        public synchronized @Nullable String answer() {
            return answer;
        }

        /** The panel's candidates so far. */
        public synchronized List<String> candidates() {
            return List.copyOf(candidates);
        }

        /** Notes that the browser's media is up; true the first time only (a promoted preview says so twice). */
        public boolean markConnected() {
            return connected.compareAndSet(false, true);
        }

        /** Whether the browser said that the media is up. */
        public boolean isConnected() {
            return connected.get();
        }

        /** Whether the browser's offer went to the panel. */
        public synchronized boolean hasOffer() {
            return browserOffer != null;
        }

        /** When the session was opened. */
        Instant openedAt() {
            return openedAt;
        }

        /** Whether the session was closed to make room for the call's media ({@link MediaSessionLimit}). */
        public boolean displacedByCall() {
            return displacedByCall;
        }

        /** Whether the panel ended the session with a 302 {@code disconnect}. */
        public boolean endedByPanel() {
            return endedByPanel;
        }

        synchronized boolean close() {
            boolean wasOpen = !closed;
            closed = true;
            return wasOpen;
        }
    }

    static final int MAX_CANDIDATES = 64;
    public static final int MAX_LIVE_VIEWS = 3;

    private final Logger logger = LoggerFactory.getLogger(SignallingRelay.class);
    private final Transport transport;
    private final Clock clock;
    private final Consumer<Session> closedByPanel;
    private final Duration connectBound;
    private final MediaSessionLimit limit;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    /** Guarded by {@link #sessions}: after {@link #closeAll()} (the panel went away) nothing is opened. */
    private boolean closedForGood;

    /**
     * @param closedByPanel told about sessions the panel closed, or that were closed for idleness (the browser went
     *            away without saying so)
     */
    public SignallingRelay(Transport transport, Clock clock, Consumer<Session> closedByPanel) {
        this(transport, clock, closedByPanel, CallSettings.DEFAULT_MEDIA_CONNECT_TIMEOUT);
    }

    /**
     * @param connectBound how long a page's live view or preview may take to connect before it is closed, and after
     *            which an oh-video live view (which never says whether it connected) may give its slot to a new one
     */
    public SignallingRelay(Transport transport, Clock clock, Consumer<Session> closedByPanel, Duration connectBound) {
        this(transport, clock, closedByPanel, connectBound, MediaSessionLimit.unlimited());
    }

    /** @param limit how many sessions the panel serves at a time, and who gets one */
    public SignallingRelay(Transport transport, Clock clock, Consumer<Session> closedByPanel, Duration connectBound,
            MediaSessionLimit limit) {
        this.transport = transport;
        this.clock = clock;
        this.closedByPanel = closedByPanel;
        this.connectBound = connectBound;
        this.limit = limit;
    }

    /**
     * Opens a session without sending anything yet; it is closed when nobody touched it for {@code idleLimit}.
     * A new call session replaces an earlier one of the same kind, and closes the views that would leave it no room
     * ({@link MediaSessionLimit}) before it is returned, so their {@code disconnect} goes out before its offer.
     */
    public Session open(Kind kind, String owner, Duration idleLimit, SessionListener listener)
            throws LimitReachedException {
        return open(kind, owner, null, idleLimit, listener);
    }

    /**
     * Opens a session tied to the credential it was opened with: {@link #closeRevoked} closes it once that credential
     * is no longer valid.
     */
    public Session open(Kind kind, String owner, @Nullable PageCredential credential, Duration idleLimit,
            SessionListener listener) throws LimitReachedException {
        Instant now = clock.instant();
        Session session = new Session(kind, owner, credential, now, idleLimit, listener);
        Session replaced = null;
        List<Session> displaced = List.of();
        synchronized (sessions) {
            if (closedForGood) {
                throw new LimitReachedException("the panel is gone");
            }
            boolean tooManyViews = kind != Kind.CALL
                    && sessions.values().stream().filter(s -> s.kind != Kind.CALL).count() >= MAX_LIVE_VIEWS;
            boolean panelFull = kind != Kind.CALL && !limit.admitsView(List.copyOf(sessions.values()));
            if (tooManyViews || panelFull) {
                // an oh-video view gives way when the panel has not answered its offer (one the panel refuses, even
                // garbage, holds no slot) or when it is past the connect bound (whether it ever connected is unknown):
                // the oldest such view
                replaced = sessions.values().stream()
                        .filter(s -> s.kind == Kind.LIVE_VIEW && !s.reportsConnection
                                && (s.answer() == null || s.openedAt.plus(connectBound).isBefore(now)))
                        .min(java.util.Comparator.comparing(s -> s.openedAt)).orElse(null);
                if (replaced != null) {
                    sessions.remove(replaced.id);
                    if (panelFull && !limit.admitsView(List.copyOf(sessions.values()))) {
                        sessions.put(replaced.id, replaced); // giving way would not make room: the call holds it
                        replaced = null;
                    }
                }
                if (replaced == null) {
                    throw panelFull ? new SessionLimitException(limit.max())
                            : new LimitReachedException("too many live views of this panel");
                }
            }
            if (kind == Kind.CALL) {
                replaced = sessions.values().stream().filter(s -> s.kind == Kind.CALL).findFirst().orElse(null);
                if (replaced != null) {
                    sessions.remove(replaced.id);
                }
                displaced = limit.displacedByCall(List.copyOf(sessions.values()));
                for (Session view : displaced) {
                    view.displacedByCall = true;
                    sessions.remove(view.id);
                }
            }
            sessions.put(session.id, session);
        }
        transport.opened(session.id);
        if (replaced != null) {
            close(replaced);
        }
        displaced.forEach(this::close);
        return session;
    }

    /**
     * Sends the browser's offer, adapted for the device.
     *
     * @throws IllegalArgumentException for an unusable offer
     * @throws IllegalStateException when the session is closed or has an offer already
     * @throws MessageNotSentException when the offer could not be sent (the session is closed)
     */
    public void offer(Session session, String browserOffer) throws MessageNotSentException {
        String deviceOffer = SdpAdapter.offerForDevice(browserOffer);
        synchronized (session) {
            if (session.closed || session.browserOffer != null) {
                throw new IllegalStateException("the media session is closed or has an offer already");
            }
            session.browserOffer = browserOffer;
        }
        touch(session);
        try {
            transport.sendOffer(session.id, deviceOffer);
        } catch (MessageNotSentException | RuntimeException e) {
            close(session);
            throw e;
        }
    }

    public @Nullable Session session(String id) {
        synchronized (sessions) {
            return sessions.get(id);
        }
    }

    /** The call media session, if one is open. */
    public @Nullable Session callSession() {
        synchronized (sessions) {
            return sessions.values().stream().filter(s -> s.kind == Kind.CALL).findFirst().orElse(null);
        }
    }

    /**
     * Turns a preview into the call's media (the page that watched the visitor answered): the same connection goes on,
     * with no new offer. An earlier call session is closed. False when the session is no open preview.
     */
    public boolean promote(Session preview) {
        Session replaced;
        synchronized (sessions) {
            if (preview.isClosed() || preview.kind != Kind.PREVIEW || !sessions.containsKey(preview.id)) {
                return false;
            }
            replaced = sessions.values().stream().filter(s -> s.kind == Kind.CALL).findFirst().orElse(null);
            if (replaced != null) {
                sessions.remove(replaced.id);
            }
            preview.kind = Kind.CALL;
        }
        if (replaced != null) {
            close(replaced);
        }
        return true;
    }

    /** Closes the previews (the call stopped ringing). */
    public void closePreviews() {
        List<Session> previews;
        synchronized (sessions) {
            previews = sessions.values().stream().filter(s -> s.kind == Kind.PREVIEW).toList();
        }
        previews.forEach(this::close);
    }

    /** A browser says it still uses the session. */
    public void touch(Session session) {
        session.lastSeen = clock.instant();
    }

    /**
     * A candidate of the browser. Until the panel has answered it is held back and sent after the answer: a panel
     * that gets a candidate before it has taken the offer in drops it (libwebrtc-based devices do), and the offer
     * and its candidates can overtake each other on the way.
     *
     * @throws IllegalStateException when the session is closed
     * @throws MessageNotSentException when the candidate could not be sent
     */
    public void addBrowserCandidate(Session session, String candidate) throws MessageNotSentException {
        touch(session);
        String line = candidate.strip();
        String bare = line.startsWith("a=") ? line.substring(2) : line;
        synchronized (session) {
            if (session.closed) {
                throw new IllegalStateException("the media session is closed");
            }
            if (session.answer == null) {
                if (session.heldCandidates.size() < MAX_CANDIDATES) {
                    session.heldCandidates.add(bare);
                }
                return;
            }
        }
        transport.sendCandidate(session.id, bare);
    }

    /** Ends a session: tells the panel, the session's listener, and forgets it. */
    public void close(Session session) {
        remove(session.id);
        if (session.close()) {
            try {
                transport.sendDisconnect(session.id);
            } catch (MessageNotSentException e) {
                logger.debug("disconnect of media session not sent: {}", LogText.safe(e.getMessage()));
            }
            session.listener.closed(session);
        }
    }

    /** The open sessions of a page client. */
    public List<Session> sessionsOwnedBy(String owner) {
        synchronized (sessions) {
            return sessions.values().stream().filter(s -> !owner.isEmpty() && owner.equals(s.owner)).toList();
        }
    }

    /**
     * Closes at once the sessions opened with a credential that is no longer valid (revoked, renewed away, expired).
     *
     * @return the closed sessions
     */
    public List<Session> closeRevoked(Predicate<PageCredential> stillValid) {
        List<Session> revoked;
        synchronized (sessions) {
            revoked = sessions.values().stream().filter(s -> {
                PageCredential credential = s.credential;
                return credential != null && !stillValid.test(credential);
            }).toList();
        }
        revoked.forEach(this::close);
        return revoked;
    }

    /** Closes every session for good: the panel went away, and {@link #open} refuses from now on. */
    public void closeAll() {
        List<Session> all;
        synchronized (sessions) {
            closedForGood = true;
            all = List.copyOf(sessions.values());
        }
        all.forEach(this::close);
    }

    /**
     * Closes the sessions no browser touched for longer than their idle limit, and the live views and previews of
     * pages (whose browser reports that they connect) that did not connect within the connect bound of being
     * opened. A call's media has the call engine's bound, with its repair.
     */
    public void closeIdle() {
        Instant now = clock.instant();
        List<Session> stale;
        synchronized (sessions) {
            stale = sessions.values().stream()
                    .filter(s -> s.lastSeen.plus(s.idleLimit).isBefore(now) || (s.kind != Kind.CALL
                            && s.reportsConnection && !s.isConnected() && s.openedAt.plus(connectBound).isBefore(now)))
                    .toList();
        }
        for (Session session : stale) {
            close(session);
            closedByPanel.accept(session);
        }
    }

    public int sessionCount() {
        synchronized (sessions) {
            return sessions.size();
        }
    }

    /** A 302 message of the panel. */
    public void onSignalling(WebRtcSignalling.Message message) {
        Session session = session(message.sessionId());
        if (session == null) {
            return;
        }
        switch (message.type()) {
            case "answer" -> answered(session, message.sdp());
            case "candidate" -> {
                String candidate = message.candidate();
                synchronized (session) {
                    if (session.closed || (!candidate.isEmpty() && session.candidates.size() >= MAX_CANDIDATES)) {
                        return;
                    }
                    if (!candidate.isEmpty()) {
                        session.candidates.add(candidate);
                    }
                }
                session.listener.candidate(session, candidate);
            }
            case "disconnect" -> {
                session.endedByPanel = true;
                remove(session.id);
                if (session.close()) {
                    session.listener.closed(session);
                    closedByPanel.accept(session);
                }
            }
            default -> {
            }
        }
    }

    private void answered(Session session, String deviceAnswer) {
        String browserOffer;
        synchronized (session) {
            browserOffer = session.browserOffer;
            if (deviceAnswer.isEmpty() || browserOffer == null || session.answer != null || session.closed) {
                return;
            }
        }
        String browserAnswer;
        try {
            browserAnswer = SdpAdapter.answerForBrowser(deviceAnswer, browserOffer);
        } catch (IllegalArgumentException e) {
            logger.debug("unusable answer of the panel: {}", LogText.safe(e.getMessage()));
            close(session);
            closedByPanel.accept(session);
            return;
        }
        List<String> held;
        synchronized (session) {
            session.answer = browserAnswer;
            held = List.copyOf(session.heldCandidates);
            session.heldCandidates.clear();
        }
        session.listener.answered(session, browserAnswer);
        for (String candidate : held) {
            try {
                transport.sendCandidate(session.id, candidate);
            } catch (MessageNotSentException e) {
                logger.debug("a held candidate of media session {} was not sent: {}", session.id,
                        LogText.safe(e.getMessage()));
            }
        }
    }

    private void remove(String id) {
        synchronized (sessions) {
            sessions.remove(id);
        }
        transport.closed(id);
    }
}
