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
    @Test
    void pagesAreCappedPerPanelAndInTotal() throws Exception {
        PageLimits limits = new PageLimits(3);
        PageClients first = new PageClients(limits, 2);
        PageClients second = new PageClients(limits, 2);
        first.add(new RecordingPage("a"));
        first.add(new RecordingPage("b"));
        Refusal perPanel = assertThrows(Refusal.class, () -> first.add(new RecordingPage("c")));
        assertEquals(Refusal.Kind.TOO_MANY_PAGES, perPanel.kind());
        second.add(new RecordingPage("d"));
        assertThrows(Refusal.class, () -> second.add(new RecordingPage("e")), "the total cap");
        RecordingPage b = new RecordingPage("b");
        first.add(b);
        assertEquals(3, limits.open(), "a reconnect with the same id takes no new place");
        first.remove(b);
        second.add(new RecordingPage("e"));
        assertEquals(3, limits.open());
    }

    @Test
    void stateReachesEveryPageAndMediaOnlyItsOwner() throws Exception {
        PageClients pages = new PageClients(new PageLimits(10), 10);
        RecordingPage a = new RecordingPage("a");
        RecordingPage b = new RecordingPage("b");
        pages.add(a);
        pages.add(b);
        assertTrue(a.events.get(0).startsWith("state "), "a new page gets the current state at once");
        pages.publishState(TuyaJson.object().put("state", "RINGING"));
        assertTrue(a.events.get(1).contains("RINGING") && b.events.get(1).contains("RINGING"));
        pages.sendTo("a", "media", TuyaJson.object().put("type", "answer"));
        assertEquals(3, a.events.size());
        assertEquals(2, b.events.size());
        RecordingPage replacement = new RecordingPage("a");
        pages.add(replacement);
        assertTrue(a.closed, "the old stream of a reconnecting page is closed");
    }
}
