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

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Makes one press ring once, however many sources report it and however late: a panel may report a press as several
 * data points, as a call notice and as a message-service event, each possibly twice and seconds late. A report is
 * the press that rang last (a duplicate) when
 * <ul>
 * <li>both carry the device's time: the two times lie within the {@link #WINDOW} (device time against device time,
 * so lateness and the device clock's offset do not matter), and, once the call of that press has ended, the report's
 * time lies before that end (translated into device time with the offset the ringing report had), so a new visitor
 * right after a call rings at once while a late report of the old press stays silent;</li>
 * <li>otherwise: it arrives within the window after the report that rang, and that press's call has not ended.</li>
 * </ul>
 * It also measures the delay of a report (its arrival minus the device's time of the press), and lets one picture
 * per press be fetched: a repeated report's picture only if no report of the press had one before.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class RingFilter {
    /** Reports of one press arrive within this time of each other (public reports: up to 5–7 s late). */
    public static final Duration WINDOW = Duration.ofSeconds(10);

    /**
     * What to do with a report: ring or not, its delay (arrival minus the device's time; null where the report has
     * no device time), and whether to fetch its picture.
     */
    public record Decision(boolean rings, @Nullable Duration delay, boolean fetchPicture) {
    }

    private final Duration window;
    private @Nullable Instant lastPressed;
    private @Nullable Instant lastArrival;
    /** When the call of the last ringing press ended, null while it lasts. */
    private @Nullable Instant endedAt;
    /** Whether a report of the last ringing press came with a picture. */
    private boolean pictured;

    public RingFilter() {
        this(WINDOW);
    }

    public RingFilter(Duration window) {
        this.window = window;
    }

    /**
     * Decides about a report of a press the device says happened at {@code pressedAt} (null: unknown), with a
     * picture or without.
     */
    public synchronized Decision offer(@Nullable Instant pressedAt, Instant now, boolean withPicture) {
        Duration delay = pressedAt == null ? null : Duration.between(pressedAt, now);
        if (isDuplicate(pressedAt, now)) {
            boolean fetch = withPicture && !pictured;
            pictured |= withPicture;
            return new Decision(false, delay, fetch);
        }
        lastPressed = pressedAt;
        lastArrival = now;
        endedAt = null;
        pictured = withPicture;
        return new Decision(true, delay, withPicture);
    }

    private boolean isDuplicate(@Nullable Instant pressedAt, Instant now) {
        Instant arrival = lastArrival;
        if (arrival == null) {
            return false;
        }
        Instant pressed = lastPressed;
        Instant ended = endedAt;
        if (pressedAt != null && pressed != null) {
            if (Duration.between(pressed, pressedAt).abs().compareTo(window) > 0) {
                return false;
            }
            // the end of the call in the device's time: as long after the press as it was after the ring
            return ended == null || !pressedAt.isAfter(pressed.plus(Duration.between(arrival, ended)));
        }
        return ended == null && Duration.between(arrival, now).compareTo(window) <= 0;
    }

    /** The call of the last ringing press (or any call) ended: a new press rings however soon it comes. */
    public synchronized void callEnded(Instant at) {
        if (lastArrival != null && endedAt == null) {
            endedAt = at;
        }
    }
}
