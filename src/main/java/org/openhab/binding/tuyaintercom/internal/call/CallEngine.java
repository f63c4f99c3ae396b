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
package org.openhab.binding.tuyaintercom.internal.call;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The call state machine of one panel, after Tuya's video-call SDK: one active call at a time, incoming calls from
 * the panel (308 {@code call}, or a doorbell data point) and outgoing calls to it, driven by the events of the call
 * signalling and by local requests. A second call while one is active is answered {@code busy}; a repeated
 * {@code call} of the current session is ignored; messages of ended sessions are ignored; an incoming call rings until
 * its deadline or the ring timeout, then it is missed; during a call heartbeats go out every interval and the call
 * ends with {@link CallError#DISCONNECT} when the panel's heartbeats stop.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class CallEngine {
    static final int SESSION_SUFFIX_LENGTH = 6;
    private static final int REMEMBERED_SESSIONS = 64;
    private static final String SESSION_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final String panelId;
    private final String localId;
    private final CallSettings settings;
    private final CallTimers timers;
    private final CallSignaller signaller;
    private final CallListener listener;
    private final SecureRandom random = new SecureRandom();
    private final Deque<String> endedSessions = new ArrayDeque<>();

    private @Nullable Call call;
    private CallTimers.@Nullable Timer deadlineTimer;
    private CallTimers.@Nullable Timer heartbeatTimer;
    private CallTimers.@Nullable Timer mediaTimer;
    private Instant lastPeerHeartbeat = Instant.MIN;
    private boolean disposed;
    /** Whether the outgoing call was started by a client that brings media once the panel answers. */
    private boolean outgoingWithMedia;

    public CallEngine(String panelId, String localId, CallSettings settings, CallTimers timers, CallSignaller signaller,
            CallListener listener) {
        this.panelId = panelId;
        this.localId = localId;
        this.settings = settings;
        this.timers = timers;
        this.signaller = signaller;
        this.listener = listener;
    }

    public synchronized @Nullable Call current() {
        return call;
    }

    public synchronized boolean isOnCalling() {
        return call != null;
    }

    // ------------------------------------------------------------------------------------------- from the panel

    /** Handles a signalling message of the panel. Messages of other devices or ended sessions are ignored. */
    public synchronized void onMessage(CallMessage message) {
        if (disposed || !panelId.equals(message.curId())) {
            return;
        }
        if (message.event() == CallEvent.CALL) {
            incomingCall(message);
            return;
        }
        Call current = call;
        if (current == null || !current.sessionId().equals(message.sessionId())) {
            return;
        }
        switch (message.event()) {
            case RING -> {
                if (current.isOutgoing() && !current.accepted) {
                    current.accepted = true;
                    listener.callChanged(current);
                }
            }
            case ANSWER -> {
                if (current.isOutgoing() && current.state == CallState.CALLING) {
                    answered(current, false);
                    if (outgoingWithMedia) {
                        watchMedia(current);
                    }
                }
            }
            case REJECT -> {
                if (current.isOutgoing() && current.state == CallState.CALLING) {
                    end(current, CallOutcome.REJECTED, CallError.REJECTED);
                } else if (!current.isOutgoing() && current.state == CallState.RINGING
                        && (current.callType() == CallType.ONE_TO_MANY || message.reason().contains("other"))) {
                    end(current, CallOutcome.REJECTED_ELSEWHERE, CallError.REJECTED_BY_OTHERS);
                }
            }
            case CANCEL -> {
                if (current.isAnswered()) {
                    end(current, CallOutcome.HUNG_UP, CallError.PEER_HANG_UP);
                } else {
                    end(current, CallOutcome.CANCELLED, CallError.CANCEL);
                }
            }
            case HANG_UP -> {
                if (current.isAnswered()) {
                    end(current, CallOutcome.HUNG_UP, CallError.PEER_HANG_UP);
                } else if (current.isOutgoing()) {
                    end(current, CallOutcome.REJECTED, CallError.REJECTED);
                } else {
                    end(current, CallOutcome.CANCELLED, CallError.CANCEL);
                }
            }
            case BUSY -> {
                if (current.isOutgoing() && !current.isAnswered()) {
                    end(current, CallOutcome.BUSY, CallError.PEER_BUSY);
                }
            }
            case STOP -> {
                if ("busy".equals(message.reason()) && !current.isAnswered()) {
                    end(current, CallOutcome.BUSY, CallError.PEER_BUSY);
                } else {
                    end(current, CallOutcome.FAILED, CallError.STOP);
                }
            }
            case HEARTBEAT -> lastPeerHeartbeat = timers.now();
            case NOT_ANSWERED -> {
                if (!current.isAnswered()) {
                    end(current, CallOutcome.MISSED, CallError.NOT_ANSWERED);
                }
            }
            case ALREADY_ANSWERED -> {
                if (!current.isOutgoing() && !current.isAnswered()) {
                    end(current, CallOutcome.ANSWERED_ELSEWHERE, CallError.ANSWERED_BY_OTHERS);
                }
            }
            default -> {
            }
        }
    }

    private void incomingCall(CallMessage message) {
        if (message.sessionId().isBlank() || endedSessions.contains(message.sessionId())) {
            return;
        }
        Instant now = timers.now();
        Instant deadline = message.timeout() > 0 ? Instant.ofEpochMilli(message.timeout())
                : now.plus(settings.ringTimeout());
        if (!deadline.isAfter(now)) {
            listener.callRefused(message, CallError.TIMEOUT);
            return;
        }
        Call current = call;
        if (current != null) {
            if (current.sessionId().equals(message.sessionId())) {
                if (!current.deadline().equals(deadline) && !current.isAnswered()) {
                    current.extendDeadline(deadline);
                    scheduleRingEnd(current);
                }
                return; // a repeated call
            }
            if (current.isFromDoorbellOnly() && !current.isOutgoing()) {
                current.adopt(message, deadline);
                send(current, CallEvent.RING);
                if (current.isAnswered()) {
                    send(current, CallEvent.ANSWER);
                    startHeartbeats(current);
                } else {
                    scheduleRingEnd(current);
                }
                listener.callChanged(current);
                return;
            }
            trySend(new CallMessage(CallEvent.BUSY, localId, panelId, message.sessionId(), message.timeout(),
                    message.callType(), message.extra(), ""));
            remember(message.sessionId());
            listener.callRefused(message, CallError.ON_CALLING);
            return;
        }
        Call incoming = new Call(panelId, localId, message.sessionId(), deadline, message.extra(), message.callType(),
                false, now, CallState.RINGING);
        call = incoming;
        if (!send(incoming, CallEvent.RING)) {
            return;
        }
        incoming.accepted = true;
        scheduleRingEnd(incoming);
        listener.callChanged(incoming);
        listener.callOutcome(incoming, CallOutcome.RING);
    }

    // ------------------------------------------------------------------------------------------- local requests

    /** A visitor pressed the doorbell (data point): rings at once unless a call is already active. */
    public synchronized void doorbellRing() {
        if (disposed || call != null) {
            return;
        }
        Instant now = timers.now();
        Call ringing = Call.fromDoorbell(panelId, localId, now, now.plus(settings.ringTimeout()));
        call = ringing;
        scheduleRingEnd(ringing);
        listener.callChanged(ringing);
        listener.callOutcome(ringing, CallOutcome.RING);
    }

    /**
     * Answers the ringing call; with media the call is CONNECTING until {@link #mediaConnected()}. The first of
     * several concurrent answers wins; the others get {@link CallError#ANSWERED_BY_OTHERS}.
     */
    public synchronized CallResult answer(boolean withMedia) {
        Call current = call;
        if (current == null) {
            return CallResult.failed(CallError.UNDEFINED_SESSION_ID);
        }
        if (current.isOutgoing()) {
            return CallResult.failed(CallError.INVALID_PARAMS);
        }
        if (current.isAnswered()) {
            return CallResult.failed(CallError.ANSWERED_BY_OTHERS);
        }
        if (!current.isFromDoorbellOnly() && !send(current, CallEvent.ANSWER)) {
            return CallResult.failed(CallError.REQUEST_FAILED);
        }
        answered(current, withMedia);
        return CallResult.SUCCESS;
    }

    public synchronized CallResult reject() {
        Call current = call;
        if (current == null) {
            return CallResult.failed(CallError.UNDEFINED_SESSION_ID);
        }
        if (current.isOutgoing() || current.isAnswered()) {
            return CallResult.failed(CallError.INVALID_PARAMS);
        }
        if (!current.isFromDoorbellOnly()) {
            trySend(message(current, CallEvent.REJECT));
        }
        end(current, CallOutcome.REJECTED, null);
        return CallResult.SUCCESS;
    }

    /** Ends the call whatever its state: hangs up an answered call, rejects a ringing one, cancels an outgoing one. */
    public synchronized CallResult hangUp() {
        Call current = call;
        if (current == null) {
            return CallResult.failed(CallError.UNDEFINED_SESSION_ID);
        }
        if (!current.isAnswered()) {
            return current.isOutgoing() ? cancelCall() : reject();
        }
        if (!current.isFromDoorbellOnly()) {
            trySend(message(current, CallEvent.HANG_UP));
        }
        end(current, CallOutcome.HUNG_UP, null);
        return CallResult.SUCCESS;
    }

    /** Calls the panel without media of its own (a rule); see {@link #startCall(Duration, boolean)}. */
    public synchronized CallResult startCall(Duration timeout) {
        return startCall(timeout, false);
    }

    /**
     * Calls the panel; it rings until it answers, rejects, is busy, or the timeout passes. With media (a call page
     * calls), the media must connect within the media connect timeout of the panel's answer, as for an answer.
     */
    public synchronized CallResult startCall(Duration timeout, boolean withMedia) {
        if (disposed) {
            return CallResult.failed(CallError.REQUEST_FAILED);
        }
        if (call != null) {
            return CallResult.failed(CallError.ON_CALLING);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            return CallResult.failed(CallError.INVALID_PARAMS);
        }
        Instant now = timers.now();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("bizType", "screen_ipc");
        extra.put("channelType", 2);
        extra.put("category", settings.category());
        extra.put("keepConnect", false);
        Call outgoing = new Call(localId, panelId, newSessionId(), now.plus(timeout), extra, CallType.ONE_TO_ONE, true,
                now, CallState.CALLING);
        call = outgoing;
        outgoingWithMedia = withMedia;
        if (!send(outgoing, CallEvent.CALL)) {
            return CallResult.failed(CallError.REQUEST_FAILED);
        }
        deadlineTimer = timers.schedule(() -> outgoingNotAnswered(outgoing), timeout);
        listener.callChanged(outgoing);
        return CallResult.SUCCESS;
    }

    public synchronized CallResult cancelCall() {
        Call current = call;
        if (current == null || !current.isOutgoing() || current.isAnswered()) {
            return CallResult.failed(CallError.UNDEFINED_SESSION_ID);
        }
        trySend(message(current, CallEvent.CANCEL));
        end(current, CallOutcome.CANCELLED, null);
        return CallResult.SUCCESS;
    }

    /** The media session of the answered call is up. */
    public synchronized void mediaConnected() {
        Call current = call;
        if (current != null && current.isAnswered() && !current.isConnected()) {
            current.connected = true;
            current.state = CallState.IN_CALL;
            cancelMediaTimer();
            listener.callChanged(current);
            listener.callOutcome(current, CallOutcome.CONNECTED);
        }
    }

    /** The media session of the answered call could not be set up or broke down. */
    public synchronized void mediaFailed(CallError reason) {
        Call current = call;
        if (current != null && current.isAnswered()) {
            trySend(message(current, CallEvent.HANG_UP));
            end(current, CallOutcome.FAILED, reason);
        }
    }

    /**
     * The panel ended the media session of the answered call (302 {@code disconnect}). Where the call is known only
     * from the doorbell data point (no 308 reached us), this is how the panel hangs up; a call with 308 signalling
     * hangs up by 308, so there the media broke down.
     */
    public synchronized void mediaEndedByPanel() {
        Call current = call;
        if (current == null || !current.isAnswered()) {
            return;
        }
        if (current.isFromDoorbellOnly()) {
            end(current, CallOutcome.HUNG_UP, CallError.PEER_HANG_UP);
        } else {
            trySend(message(current, CallEvent.HANG_UP));
            end(current, CallOutcome.FAILED, CallError.DISCONNECT);
        }
    }

    /** The link to the cloud broke; an active call cannot go on. */
    public synchronized void connectionLost() {
        Call current = call;
        if (current != null) {
            end(current, CallOutcome.FAILED, CallError.NETWORK_CHANGED);
        }
    }

    /** Ends an active call (telling the panel) and stops all timers; the engine takes no more calls. */
    public synchronized void dispose() {
        Call current = call;
        if (current != null) {
            if (!current.isFromDoorbellOnly()) {
                CallEvent event = current.isAnswered() ? CallEvent.HANG_UP
                        : current.isOutgoing() ? CallEvent.CANCEL : CallEvent.REJECT;
                trySend(message(current, event));
            }
            end(current, CallOutcome.FAILED, CallError.STOP);
        }
        disposed = true;
        cancelTimers();
    }

    // ------------------------------------------------------------------------------------------- internals

    private void answered(Call current, boolean withMedia) {
        current.answered = true;
        current.accepted = true;
        current.answeredAt = timers.now();
        current.state = withMedia ? CallState.CONNECTING : CallState.IN_CALL;
        cancelDeadline();
        if (!current.isFromDoorbellOnly()) {
            startHeartbeats(current);
        }
        if (withMedia) {
            watchMedia(current);
        }
        listener.callChanged(current);
        listener.callOutcome(current, CallOutcome.ANSWERED);
    }

    /** The answered call's media must connect within the bound, with one repair; else the call ends. */
    private void watchMedia(Call answered) {
        cancelMediaTimer();
        mediaTimer = timers.schedule(() -> mediaOverdue(answered, true), settings.mediaConnectTimeout());
    }

    private synchronized void mediaOverdue(Call watched, boolean firstTime) {
        if (!isCurrent(watched) || watched.isConnected()) {
            return;
        }
        CallError error = listener.mediaOverdue(watched, firstTime);
        if (error == null && firstTime) {
            mediaTimer = timers.schedule(() -> mediaOverdue(watched, false), settings.mediaConnectTimeout());
            return;
        }
        if (!watched.isFromDoorbellOnly()) {
            trySend(message(watched, CallEvent.HANG_UP));
        }
        end(watched, CallOutcome.FAILED, error == null ? CallError.CONNECT_FAIL : error);
    }

    private void scheduleRingEnd(Call ringing) {
        cancelDeadline();
        Instant now = timers.now();
        Instant ringEnd = now.plus(settings.ringTimeout());
        if (ringing.deadline().isBefore(ringEnd)) {
            ringEnd = ringing.deadline();
        }
        deadlineTimer = timers.schedule(() -> incomingNotAnswered(ringing), Duration.between(now, ringEnd));
    }

    private synchronized void incomingNotAnswered(Call ringing) {
        if (isCurrent(ringing) && !ringing.isAnswered()) {
            if (!ringing.isFromDoorbellOnly()) {
                trySend(message(ringing, CallEvent.NOT_ANSWERED));
            }
            end(ringing, CallOutcome.MISSED, CallError.TIMEOUT);
        }
    }

    private synchronized void outgoingNotAnswered(Call outgoing) {
        if (isCurrent(outgoing) && !outgoing.isAnswered()) {
            trySend(message(outgoing, CallEvent.CANCEL));
            end(outgoing, CallOutcome.MISSED, CallError.NOT_ANSWERED);
        }
    }

    /**
     * Whether a timer's call is still the engine's call. Identity on purpose: a timer set for one call never acts on
     * a later one.
     */
    @SuppressWarnings("PMD.CompareObjectsWithEquals")
    private boolean isCurrent(Call timersCall) {
        return call == timersCall;
    }

    private void startHeartbeats(Call active) {
        lastPeerHeartbeat = timers.now();
        scheduleHeartbeat(active);
    }

    private void scheduleHeartbeat(Call active) {
        CallTimers.Timer old = heartbeatTimer;
        if (old != null) {
            old.cancel();
        }
        heartbeatTimer = timers.schedule(() -> heartbeat(active), settings.heartbeatInterval());
    }

    private synchronized void heartbeat(Call active) {
        if (!isCurrent(active) || active.isEnded()) {
            return;
        }
        if (Duration.between(lastPeerHeartbeat, timers.now()).compareTo(settings.heartbeatTimeout()) >= 0) {
            trySend(message(active, CallEvent.HANG_UP));
            end(active, CallOutcome.FAILED, CallError.DISCONNECT);
            return;
        }
        trySend(message(active, CallEvent.HEARTBEAT));
        scheduleHeartbeat(active);
    }

    private void end(Call current, CallOutcome outcome, @Nullable CallError error) {
        current.ended = true;
        current.endedAt = timers.now();
        current.endOutcome = outcome;
        current.endError = error;
        current.state = CallState.IDLE;
        cancelTimers();
        if (!current.sessionId().isEmpty()) {
            remember(current.sessionId());
        }
        call = null;
        listener.callChanged(current);
        listener.callOutcome(current, outcome);
    }

    private void remember(String sessionId) {
        endedSessions.addLast(sessionId);
        while (endedSessions.size() > REMEMBERED_SESSIONS) {
            endedSessions.removeFirst();
        }
    }

    private void cancelDeadline() {
        CallTimers.Timer timer = deadlineTimer;
        if (timer != null) {
            timer.cancel();
        }
        deadlineTimer = null;
    }

    private void cancelMediaTimer() {
        CallTimers.Timer timer = mediaTimer;
        if (timer != null) {
            timer.cancel();
        }
        mediaTimer = null;
    }

    private void cancelTimers() {
        cancelDeadline();
        cancelMediaTimer();
        CallTimers.Timer timer = heartbeatTimer;
        if (timer != null) {
            timer.cancel();
        }
        heartbeatTimer = null;
    }

    private CallMessage message(Call current, CallEvent event) {
        return new CallMessage(event, localId, panelId, current.sessionId(), current.deadline().toEpochMilli(),
                current.callType(), current.extra(), "");
    }

    /** Sends; on failure the call ends with {@link CallError#REQUEST_FAILED}. */
    private boolean send(Call current, CallEvent event) {
        if (trySend(message(current, event))) {
            return true;
        }
        end(current, CallOutcome.FAILED, CallError.REQUEST_FAILED);
        return false;
    }

    private boolean trySend(CallMessage message) {
        try {
            signaller.send(message);
            return true;
        } catch (MessageNotSentException e) {
            return false;
        }
    }

    private String newSessionId() {
        StringBuilder id = new StringBuilder(localId);
        for (int i = 0; i < SESSION_SUFFIX_LENGTH; i++) {
            id.append(SESSION_ALPHABET.charAt(random.nextInt(SESSION_ALPHABET.length())));
        }
        return id.toString();
    }
}
