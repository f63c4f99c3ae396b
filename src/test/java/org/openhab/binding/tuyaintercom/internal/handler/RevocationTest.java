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
import org.openhab.binding.tuyaintercom.internal.intercom.PageCredential;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.test.PanelRig;
import org.openhab.binding.tuyaintercom.internal.test.RecordingPage;
import org.openhab.binding.tuyaintercom.internal.web.PageController;

/**
 * A renewal that revokes the link a page answered with ends what that page holds: its stream (told first), its
 * media, and the call it answered, which is hung up; pages of valid credentials go on.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class RevocationTest {
    @Test
    void aCallAnsweredWithALinkThatARenewalRevokesIsHungUp() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of("ringPreview", false))) {
            PanelSession session = rig.session;
            RecordingPage phone = new RecordingPage("phone");
            RecordingPage owner = new RecordingPage("owner");
            new PageController(session).addPage(phone, PageCredential.page(session.links().pageToken(), null));
            rig.device.pressCallButton(3, Duration.ofSeconds(60));
            rig.home.await(PanelScenarioTest.RING);
            Call call = session.engine().current();
            assertNotNull(call);
            String token = new PageController(session).answer(call.id(), "phone", null).callToken();
            MediaBoundTest.startMedia(session, token, "phone");
            assertEquals(1, session.relay().sessionCount());

            session.renewLinks();
            assertFalse(phone.closed, "one renewal keeps the previous link");
            new PageController(session).addPage(owner, PageCredential.page(session.links().pageToken(), null)); // a
                                                                                                                // link
                                                                                                                // issued
                                                                                                                // now
            session.renewLinks();
            assertTrue(phone.closed && phone.got("link {\"valid\":false}"), phone.events.toString());
            assertFalse(owner.closed);
            assertTrue(call.isEnded(), "the call answered with the revoked link was hung up");
            rig.home.await("call-end-reason=HUNG_UP", Duration.ofSeconds(5));
            assertEquals(0, session.relay().sessionCount(), "its media is closed");
            assertEquals(1, session.pages().size());
        }
    }
}
