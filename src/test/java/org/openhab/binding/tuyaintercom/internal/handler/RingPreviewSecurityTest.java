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
import org.openhab.binding.tuyaintercom.internal.call.Call;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay;
import org.openhab.binding.tuyaintercom.internal.test.PanelRig;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.web.PageController;
import org.openhab.binding.tuyaintercom.internal.web.Refusal;

/**
 * What a preview while ringing may not do: start outside a ringing call, for a page without an event stream, or with
 * the setting off; exceed the live views' limit; become the call's media for another page that answers; or outlive
 * the ring.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(90)
class RingPreviewSecurityTest {

    /** A preview, retried while the WebRTC configuration is being fetched (the page would retry as well). */
    private static PageController.MediaGrant preview(PanelSession session, String callId, String client)
            throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                return new PageController(session).startPreview(callId, client);
            } catch (Refusal e) {
                if (e.kind() != Refusal.Kind.UNAVAILABLE || String.valueOf(e.getMessage()).contains("too many")
                        || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void previewsAreBoundToTheRingingCallAndToThePageThatOpenedThem() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of())) {
            PanelSession session = rig.session;
            for (String page : new String[] { "a", "b", "c", "d" }) {
                session.pages().add(QuietListeners.page(page), QuietListeners.CREDENTIAL);
            }
            Refusal idle = assertThrows(Refusal.class, () -> new PageController(session).startPreview("no-call", "a"));
            assertEquals(Refusal.Kind.CONFLICT, idle.kind(), "no preview outside a ringing call");

            rig.device.pressCallButton(3, Duration.ofSeconds(30));
            rig.home.await(PanelScenarioTest.RING);
            Call call = session.engine().current();
            assertNotNull(call);
            Refusal stranger = assertThrows(Refusal.class,
                    () -> new PageController(session).startPreview(call.id(), "nobody"));
            assertEquals(Refusal.Kind.BAD_REQUEST, stranger.kind(), "only a page with an event stream");
            assertEquals(Refusal.Kind.CONFLICT,
                    assertThrows(Refusal.class, () -> new PageController(session).startPreview("other-call", "a"))
                            .kind());

            PageController.MediaGrant a = preview(session, call.id(), "a");
            preview(session, call.id(), "b");
            preview(session, call.id(), "c");
            Refusal fourth = assertThrows(Refusal.class,
                    () -> new PageController(session).startPreview(call.id(), "d"));
            assertEquals(Refusal.Kind.UNAVAILABLE, fourth.kind(), "previews share the live views' limit");

            SignallingRelay.Session aMedia = session.relay().session(a.media());
            assertNotNull(aMedia);
            // page d answers naming page a's preview: d gets the call, not a's connection
            PageController.AnswerGrant answered = new PageController(session).answer(call.id(), "d", a.media());
            assertNull(answered.media(), "another page's preview does not become this page's call");
            long deadline = System.currentTimeMillis() + 5_000;
            while (session.relay().sessionCount() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(aMedia.isClosed(), "the previews end when the call stops ringing");
            assertEquals(0, session.relay().sessionCount());
            assertEquals(Refusal.Kind.CONFLICT,
                    assertThrows(Refusal.class, () -> new PageController(session).startPreview(call.id(), "a")).kind(),
                    "no preview of an answered call");
        }
    }

    @Test
    void withThePreviewSwitchedOffNoneIsOpened() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of("ringPreview", false))) {
            PanelSession session = rig.session;
            session.pages().add(QuietListeners.page("a"), QuietListeners.CREDENTIAL);
            rig.device.pressCallButton(3, Duration.ofSeconds(30));
            rig.home.await(PanelScenarioTest.RING);
            Call call = session.engine().current();
            assertNotNull(call);
            assertEquals(Refusal.Kind.FORBIDDEN,
                    assertThrows(Refusal.class, () -> new PageController(session).startPreview(call.id(), "a")).kind());
        }
    }
}
