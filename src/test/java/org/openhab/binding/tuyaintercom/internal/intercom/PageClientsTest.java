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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.call.CallState;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.test.RecordingPage;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

/**
 * Open call pages are capped per panel and in total; a page that reconnects with its id replaces its old stream;
 * every page gets each state change, media events reach only their page.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class PageClientsTest {
    static final PanelView IDLE = new PanelView("Door", false, "off", false, 0, null);
    static final PanelView RINGING = new PanelView("Door", false, "off", false, 0,
            new PanelView.CallView(CallState.RINGING, "c1", false, "", null, "", null, false, false, 1));

    @Test
    void pagesAreCappedPerPanelAndInTotal() throws Exception {
        PageLimits limits = new PageLimits(3);
        PageClients first = new PageClients(limits, 2);
        PageClients second = new PageClients(limits, 2);
        first.add(new RecordingPage("a"), QuietListeners.CREDENTIAL);
        first.add(new RecordingPage("b"), QuietListeners.CREDENTIAL);
        PageClients.TooManyPages perPanel = assertThrows(PageClients.TooManyPages.class,
                () -> first.add(new RecordingPage("c"), QuietListeners.CREDENTIAL));
        assertTrue(String.valueOf(perPanel.getMessage()).contains("of this panel"));
        second.add(new RecordingPage("d"), QuietListeners.CREDENTIAL);
        assertThrows(PageClients.TooManyPages.class,
                () -> second.add(new RecordingPage("e"), QuietListeners.CREDENTIAL), "the total cap");
        RecordingPage b = new RecordingPage("b");
        first.add(b, QuietListeners.CREDENTIAL);
        assertEquals(3, limits.open(), "a reconnect with the same id takes no new place");
        first.remove(b);
        second.add(new RecordingPage("e"), QuietListeners.CREDENTIAL);
        assertEquals(3, limits.open());
    }

    @Test
    void stateReachesEveryPageAndMediaOnlyItsOwner() throws Exception {
        PageClients pages = new PageClients(new PageLimits(10), 10);
        pages.publishState(IDLE);
        RecordingPage a = new RecordingPage("a");
        RecordingPage b = new RecordingPage("b");
        pages.add(a, QuietListeners.CREDENTIAL);
        pages.add(b, QuietListeners.CREDENTIAL);
        assertTrue(a.events.get(0).startsWith("state "), "a new page gets the current state at once");
        pages.publishState(RINGING);
        assertTrue(a.events.get(1).contains("RINGING") && b.events.get(1).contains("RINGING"));
        pages.sendTo("a", "media", TuyaJson.object().put("type", "answer"));
        assertEquals(3, a.events.size());
        assertEquals(2, b.events.size());
        RecordingPage replacement = new RecordingPage("a");
        pages.add(replacement, QuietListeners.CREDENTIAL);
        assertTrue(a.closed, "the old stream of a reconnecting page is closed");
    }

    @Test
    void oneCredentialHoldsAtMostItsShareAndTheOthersKeepWorking() throws Exception {
        PageClients pages = new PageClients(new PageLimits(100), 50, 3);
        PageCredential leaked = PageCredential.page("leaked-link", null);
        for (int i = 0; i < 3; i++) {
            pages.add(new RecordingPage("leaked" + i), leaked);
        }
        PageClients.TooManyPages refused = assertThrows(PageClients.TooManyPages.class,
                () -> pages.add(new RecordingPage("leaked3"), leaked));
        assertTrue(String.valueOf(refused.getMessage()).contains("with this link"));
        pages.add(new RecordingPage("leaked0"), leaked); // a reconnect with its id takes no new place
        pages.add(new RecordingPage("owner"), PageCredential.page("leaked-link", "the-entry-key"));
        pages.add(new RecordingPage("item"), PageCredential.page("current-item-link", null));
        assertEquals(5, pages.size());
    }

    @Test
    void revokedPagesAreToldAndClosedAndTheirSlotsFreedAtOnce() throws Exception {
        PageLimits limits = new PageLimits(10);
        PageClients pages = new PageClients(limits, 10);
        PageCredential old = PageCredential.page("old-link", null);
        RecordingPage revoked = new RecordingPage("revoked");
        RecordingPage kept = new RecordingPage("kept");
        pages.add(revoked, old);
        pages.add(kept, QuietListeners.CREDENTIAL);
        assertEquals(java.util.Set.of("revoked"), pages.closeRevoked(c -> !c.equals(old)));
        assertTrue(revoked.closed);
        assertTrue(revoked.got("link {\"valid\":false}"), "told why, last: " + revoked.events);
        assertFalse(kept.closed);
        assertEquals(1, limits.open(), "its slot is free");
        pages.publishState(RINGING);
        assertFalse(revoked.got("RINGING"), "a revoked page gets no more events");
        assertTrue(kept.got("RINGING"));
    }
}
