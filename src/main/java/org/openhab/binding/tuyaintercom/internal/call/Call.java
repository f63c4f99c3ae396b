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

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One call, as the SDK models it: caller and target ids, session id, deadline, extra, and the flags accepted (the
 * callee rang), answered, ended, connected (media flows), outgoing, plus its state and how it ended. Owned and changed
 * by the {@link CallEngine} only; listeners read it while they are called.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Call {
    /** Stable local id of this call: unlike the session id it does not change when a doorbell call learns its 308. */
    private final String id = UUID.randomUUID().toString();
    private final String callerId;
    private final String targetId;
    private String sessionId;
    private Instant deadline;
    private Map<String, Object> extra;
    private CallType callType;
    private final boolean outgoing;
    private final Instant startedAt;
    private boolean fromDoorbellOnly;

    boolean accepted;
    boolean answered;
    boolean ended;
    boolean connected;
    CallState state;
    @Nullable
    Instant answeredAt;
    @Nullable
    Instant endedAt;
    @Nullable
    CallOutcome endOutcome;
    @Nullable
    CallError endError;

    Call(String callerId, String targetId, String sessionId, Instant deadline, Map<String, Object> extra,
            CallType callType, boolean outgoing, Instant startedAt, CallState state) {
        this.callerId = callerId;
        this.targetId = targetId;
        this.sessionId = sessionId;
        this.deadline = deadline;
        this.extra = Map.copyOf(extra);
        this.callType = callType;
        this.outgoing = outgoing;
        this.startedAt = startedAt;
        this.state = state;
    }

    /** The call announced by a doorbell data point, before (or without) a 308 session. */
    static Call fromDoorbell(String panelId, String localId, Instant now, Instant deadline) {
        Call call = new Call(panelId, localId, "", deadline, Map.of(), CallType.ONE_TO_MANY_SPECIAL, false, now,
                CallState.RINGING);
        call.fromDoorbellOnly = true;
        return call;
    }

    /** A doorbell call learns its 308 session. */
    void adopt(CallMessage message, Instant deadline) {
        sessionId = message.sessionId();
        this.deadline = deadline;
        extra = Map.copyOf(message.extra());
        callType = message.callType();
        fromDoorbellOnly = false;
    }

    void extendDeadline(Instant deadline) {
        this.deadline = deadline;
    }

    public String id() {
        return id;
    }

    public String callerId() {
        return callerId;
    }

    public String targetId() {
        return targetId;
    }

    /** The other side: the panel. */
    public String peerId() {
        return outgoing ? targetId : callerId;
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant deadline() {
        return deadline;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    public CallType callType() {
        return callType;
    }

    public boolean isOutgoing() {
        return outgoing;
    }

    public boolean isAccepted() {
        return accepted;
    }

    public boolean isAnswered() {
        return answered;
    }

    public boolean isEnded() {
        return ended;
    }

    public boolean isConnected() {
        return connected;
    }

    /** True while the call is known only from a doorbell data point, without a 308 session to answer. */
    public boolean isFromDoorbellOnly() {
        return fromDoorbellOnly;
    }

    public CallState state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant answeredAt() {
        return answeredAt;
    }

    public @Nullable Instant endedAt() {
        return endedAt;
    }

    public @Nullable CallOutcome endOutcome() {
        return endOutcome;
    }

    public @Nullable CallError endError() {
        return endError;
    }

    /** The end reason as shown to users: the SDK error "NAME (code)", or the outcome for ends without error. */
    public String endReason() {
        CallError error = endError;
        CallOutcome outcome = endOutcome;
        return error != null ? error.describe() : outcome != null ? outcome.name() : "";
    }

    @Override
    public String toString() {
        return "Call[" + (outgoing ? "to " : "from ") + peerId() + ", session=" + sessionId + ", state=" + state
                + (ended ? ", ended " + endReason() : "") + "]";
    }
}
