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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * How many WebRTC sessions the simulated panel serves at a time, and what it does with an offer beyond that: many
 * cameras and panels serve one or two. Switchable per panel; no limit by default.
 * <p>
 * What a full device does is not documented. {@link WhenFull#REFUSE} answers the new offer with a 302
 * {@code disconnect} of its session: the form go2rtc reports as {@code webrtc/offer: streams: tuya: mqtt: disconnect}
 * (AlexxIT/go2rtc #2014, where the cause was not found; that a full device sends it is inferred).
 * {@link WhenFull#IGNORE}
 * leaves the offer unanswered (what the simulator's panel does with offers it refuses for other reasons).
 * {@link WhenFull#DROP_OLDEST} ends the oldest session with a 302 {@code disconnect} and answers the new one (inferred
 * as
 * well).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimSessionLimit {
    /** What a full panel does with a new offer. */
    public enum WhenFull {
        /** Sends a 302 {@code disconnect} for the new session instead of an answer. */
        REFUSE,
        /** Leaves the new offer unanswered. */
        IGNORE,
        /** Ends its oldest session (302 {@code disconnect}) and answers the new one. */
        DROP_OLDEST
    }

    /** What the panel does with one offer. */
    enum Decision {
        ANSWER,
        REFUSE,
        IGNORE,
        DROP_OLDEST_THEN_ANSWER
    }

    /** Sessions served at a time; 0: no limit (the default). */
    public volatile int max;
    public volatile WhenFull whenFull = WhenFull.REFUSE;
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> dropped = new CopyOnWriteArrayList<>();

    /** Sets the limit and the behaviour of a full panel. */
    public void set(int max, WhenFull whenFull) {
        this.whenFull = whenFull;
        this.max = max;
    }

    /** The sessions whose offer was refused or ignored because the panel was full, in order. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** The sessions the panel ended to serve a newer one, in order. */
    public List<String> dropped() {
        return List.copyOf(dropped);
    }

    /** What to do with the offer of {@code sessionId} while {@code open} sessions are served. */
    Decision decide(String sessionId, int open) {
        int limit = max;
        if (limit <= 0 || open < limit) {
            return Decision.ANSWER;
        }
        return switch (whenFull) {
            case REFUSE -> {
                refused.add(sessionId);
                yield Decision.REFUSE;
            }
            case IGNORE -> {
                refused.add(sessionId);
                yield Decision.IGNORE;
            }
            case DROP_OLDEST -> Decision.DROP_OLDEST_THEN_ANSWER;
        };
    }

    void droppedSession(String sessionId) {
        dropped.add(sessionId);
    }
}
