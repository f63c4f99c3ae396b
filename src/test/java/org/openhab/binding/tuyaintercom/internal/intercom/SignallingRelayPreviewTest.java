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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;

/**
 * Previews while a call rings: they share the live views' limit, one of them becomes the call's media without a new
 * offer, and the rest are closed (the panel is told) when the call stops ringing.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class SignallingRelayPreviewTest {
    private final List<String> disconnects = new ArrayList<>();
    private final List<String> offers = new ArrayList<>();

    private final SignallingRelay.Transport transport = new SignallingRelay.Transport() {
        @Override
        public void sendOffer(String sessionId, String sdp) {
            offers.add(sessionId);
        }

        @Override
        public void sendCandidate(String sessionId, String candidate) {
        }

        @Override
        public void sendDisconnect(String sessionId) {
            disconnects.add(sessionId);
        }
    };

    private final SignallingRelay relay = new SignallingRelay(transport, Clock.systemUTC(), session -> {
    });

    private SignallingRelay.Session open(SignallingRelay.Kind kind, String owner) throws Exception {
        return relay.open(kind, owner, Duration.ofSeconds(30), QuietListeners.MEDIA);
    }

    @Test
    void aPromotedPreviewIsTheCallMediaAndTheOtherPreviewsClose() throws Exception {
        SignallingRelay.Session mine = open(SignallingRelay.Kind.PREVIEW, "page-a");
        SignallingRelay.Session other = open(SignallingRelay.Kind.PREVIEW, "page-b");
        SignallingRelay.Session live = open(SignallingRelay.Kind.LIVE_VIEW, "page-c");

        assertTrue(relay.promote(mine));
        assertEquals(SignallingRelay.Kind.CALL, mine.kind());
        assertSame(mine, relay.callSession());
        assertFalse(relay.promote(mine), "only a preview can be promoted");

        relay.closePreviews();
        assertTrue(other.isClosed());
        assertFalse(mine.isClosed(), "the call's media goes on");
        assertFalse(live.isClosed(), "a live view is no preview");
        assertEquals(List.of(other.id()), disconnects, "the panel is told about the closed preview only");
        assertTrue(offers.isEmpty(), "no offer was sent by the promotion");
    }

    @Test
    void previewsShareTheLiveViewLimit() throws Exception {
        for (int i = 0; i < SignallingRelay.MAX_LIVE_VIEWS - 1; i++) {
            open(SignallingRelay.Kind.LIVE_VIEW, "page-" + i);
        }
        open(SignallingRelay.Kind.PREVIEW, "ringing");
        assertThrows(SignallingRelay.LimitReachedException.class, () -> open(SignallingRelay.Kind.PREVIEW, "late"));
        open(SignallingRelay.Kind.CALL, "answering"); // the call's media is never refused
    }

    @Test
    void aClosedPreviewIsNotPromoted() throws Exception {
        SignallingRelay.Session preview = open(SignallingRelay.Kind.PREVIEW, "page-a");
        relay.close(preview);
        assertFalse(relay.promote(preview));
        assertNull(relay.callSession());
    }

    @Test
    void ohVideoViewsThePanelDidNotAnswerGiveWayAtOnce() throws Exception {
        for (int i = 0; i < SignallingRelay.MAX_LIVE_VIEWS; i++) {
            relay.open(SignallingRelay.Kind.LIVE_VIEW, "", Duration.ofMinutes(10), QuietListeners.MEDIA); // oh-video
        }
        SignallingRelay.Session preview = open(SignallingRelay.Kind.PREVIEW, "page-a");
        SignallingRelay.Session live = open(SignallingRelay.Kind.LIVE_VIEW, "page-b");
        assertFalse(preview.isClosed() || live.isClosed());
        assertEquals(2, disconnects.size(), "two unanswered oh-video views gave way");
    }

    @Test
    void sessionsOfARevokedCredentialAreClosed() throws Exception {
        PageCredential old = PageCredential.video("old-video-link");
        SignallingRelay.Session revoked = relay.open(SignallingRelay.Kind.LIVE_VIEW, "", old, Duration.ofMinutes(10),
                QuietListeners.MEDIA);
        SignallingRelay.Session kept = relay.open(SignallingRelay.Kind.LIVE_VIEW, "page-a", QuietListeners.CREDENTIAL,
                Duration.ofSeconds(30), QuietListeners.MEDIA);
        assertEquals(List.of(revoked), relay.closeRevoked(c -> !c.equals(old)));
        assertTrue(revoked.isClosed());
        assertFalse(kept.isClosed());
        assertEquals(List.of(revoked.id()), disconnects, "the panel is told");
    }
}
