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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The last calls of a panel, newest first, bounded in size.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class CallHistory {
    /** One finished or refused call. */
    public record Entry(Instant time, String direction, String peer, String result, long durationSeconds) {
    }

    private final int size;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public CallHistory(int size) {
        this.size = Math.max(0, size);
    }

    /** Records an ended call: result is its outcome, duration counts from the answer (0 if never answered). */
    public synchronized void add(Call call) {
        Instant ended = call.endedAt() != null ? call.endedAt() : call.startedAt();
        Instant answered = call.answeredAt();
        long duration = answered == null ? 0 : Math.max(0, Duration.between(answered, ended).toSeconds());
        CallOutcome outcome = call.endOutcome();
        add(new Entry(call.startedAt(), call.isOutgoing() ? "OUTGOING" : "INCOMING", call.peerId(),
                outcome == null ? "" : outcome.name(), duration));
    }

    public synchronized void add(Entry entry) {
        if (size == 0) {
            return;
        }
        entries.addFirst(entry);
        while (entries.size() > size) {
            entries.removeLast();
        }
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
