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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay;
import org.openhab.binding.tuyaintercom.internal.test.PanelRig;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.test.RecordingPage;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;
import org.openhab.binding.tuyaintercom.internal.web.PageController;

/**
 * No media event is lost to a page whose event stream reconnects: the panel's answer and candidates of the page's
 * open media sessions are sent again on the new stream (the page ignores what it has already).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class PageReconnectTest {
    @Test
    void aReconnectingPageGetsTheAnswerAndCandidatesOfItsMediaAgain() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of())) {
            PanelSession session = rig.session;
            RecordingPage first = new RecordingPage("phone");
            new PageController(session).addPage(first, QuietListeners.CREDENTIAL);
            PageController.MediaGrant grant = MediaBoundTest.startMedia(session, null, "phone");
            new PageController(session).offer(grant.media(), "phone", SdpAdapterTestData.LIVE_VIEW_OFFER);
            SignallingRelay.Session media = session.relay().session(grant.media());
            assertNotNull(media);
            MediaBoundTest.waitFor(() -> media.answer() != null && !media.candidates().isEmpty(),
                    Duration.ofSeconds(10), "the panel answered with candidates");
            // the stream broke while all this was sent (say the first page got none of it); the page reconnects
            // with its id and gets it again
            RecordingPage again = new RecordingPage("phone");
            new PageController(session).addPage(again, QuietListeners.CREDENTIAL);
            assertTrue(again.events.get(0).startsWith("state "), "the state comes first: " + again.events);
            assertTrue(again.got("\"type\":\"answer\""), again.events.toString());
            for (String candidate : media.candidates()) {
                assertTrue(
                        again.events.stream()
                                .anyMatch(e -> e.contains("\"type\":\"candidate\"")
                                        && e.contains(candidate.substring(0, Math.min(30, candidate.length())))),
                        candidate);
            }
            // another page gets nothing of it
            RecordingPage stranger = new RecordingPage("someone-else");
            new PageController(session).addPage(stranger, QuietListeners.CREDENTIAL);
            assertFalse(stranger.got("\"media\""), stranger.events.toString());
        }
    }
}
