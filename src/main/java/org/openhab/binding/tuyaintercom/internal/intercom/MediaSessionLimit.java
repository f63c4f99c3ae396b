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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * How many WebRTC sessions the panel serves at a time (the panel setting {@code maxMediaSessions}; 0: no limit), and
 * who gets one when they are all taken. Many cameras and panels serve one or two; a full one refuses the next offer
 * or drops its oldest session, which could be the call's.
 * <p>
 * The call's media always gets its session: the live views and previews that would leave no room are closed (their
 * {@code disconnect} goes to the panel before the call's offer). A live view or preview is refused when the sessions
 * are all taken, counting the call's as taken from the moment a page answered or started the call until it ends (so
 * a view opened in between does not take the call's place).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class MediaSessionLimit {
    /** The reason a page or oh-video gets when a view is refused for want of a free session. */
    public static final String REFUSED = "media-session-limit";

    private final int max;
    private final BooleanSupplier callHoldsSession;

    /** No limit. */
    public static MediaSessionLimit unlimited() {
        return new MediaSessionLimit(0, () -> false);
    }

    /**
     * @param max sessions the panel serves at a time; 0 or less: no limit
     * @param callHoldsSession whether a call needs a session now (answered or started on a page, not ended), whether
     *            its media is open yet or not
     */
    public MediaSessionLimit(int max, BooleanSupplier callHoldsSession) {
        this.max = Math.max(0, max);
        this.callHoldsSession = callHoldsSession;
    }

    public int max() {
        return max;
    }

    public boolean isUnlimited() {
        return max == 0;
    }

    /**
     * Whether one more live view or preview fits.
     *
     * @param open the open sessions (of every kind)
     */
    boolean admitsView(List<SignallingRelay.Session> open) {
        if (isUnlimited()) {
            return true;
        }
        boolean callOpen = open.stream().anyMatch(s -> s.kind() == SignallingRelay.Kind.CALL);
        int taken = open.size() + (!callOpen && callHoldsSession.getAsBoolean() ? 1 : 0);
        return taken < max;
    }

    /**
     * The views to close so that the call's new session fits: previews first, then live views, the oldest first.
     *
     * @param others the open sessions other than a call session (the call's earlier session is replaced anyway)
     */
    List<SignallingRelay.Session> displacedByCall(List<SignallingRelay.Session> others) {
        int excess = others.size() + 1 - max;
        if (isUnlimited() || excess <= 0) {
            return List.of();
        }
        List<SignallingRelay.Session> order = new ArrayList<>(others);
        order.sort(Comparator.comparing((SignallingRelay.Session s) -> s.kind() != SignallingRelay.Kind.PREVIEW)
                .thenComparing(SignallingRelay.Session::openedAt));
        return List.copyOf(order.subList(0, Math.min(excess, order.size())));
    }
}
