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
package org.openhab.binding.tuyaintercom.internal.web;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.call.CallError;
import org.openhab.binding.tuyaintercom.internal.call.CallOutcome;
import org.openhab.binding.tuyaintercom.internal.call.CallState;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelView;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The page's state event carries the fields {@code call.js} reads, enum values by their exact names.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class PageStateJsonTest {

    @Test
    void anIdlePanelTellsItsSettingsAndNoCall() {
        ObjectNode json = PageStateJson.of(new PanelView("Front door", false, "call-page", true, 0, null));
        assertEquals("Front door", json.path("panel").asText());
        assertEquals("IDLE", json.path("state").asText());
        assertEquals("", json.path("outcome").asText());
        assertEquals("call-page", json.path("webUnlock").asText());
        assertTrue(json.path("preview").asBoolean());
        assertFalse(json.has("video"), "H.264: nothing to say");
        assertFalse(json.has("callId"));
    }

    @Test
    void aCallIsShownWithItsExactEnumNames() {
        PanelView.CallView call = new PanelView.CallView(CallState.IDLE, "c1", false, "Gate", CallOutcome.FAILED,
                "connect_fail", CallError.CONNECT_FAIL, false, true, 1234);
        ObjectNode json = PageStateJson.of(new PanelView("Door", true, "off", false, 99, call));
        assertEquals("h265-only", json.path("video").asText());
        assertEquals(99, json.path("snapshot").asLong());
        assertEquals("IDLE", json.path("state").asText());
        assertEquals("c1", json.path("callId").asText());
        assertEquals("INCOMING", json.path("direction").asText());
        assertEquals("Gate", json.path("station").asText());
        assertEquals("FAILED", json.path("outcome").asText());
        assertEquals("CONNECT_FAIL", json.path("endError").asText());
        assertEquals(1234, json.path("started").asLong());
        assertTrue(json.path("answered").asBoolean());
        assertFalse(json.path("connected").asBoolean());
    }

    @Test
    void noFieldCarriesMoreThanTheView() {
        ObjectNode json = PageStateJson.of(new PanelView("Door", false, "off", false, 0,
                new PanelView.CallView(CallState.RINGING, "c2", true, "", null, "", null, false, false, 1)));
        assertEquals(List.of("panel", "webUnlock", "preview", "snapshot", "state", "callId", "direction", "station",
                "outcome", "endReason", "endError", "connected", "answered", "started"), fieldNames(json));
        assertEquals("OUTGOING", json.path("direction").asText());
        assertEquals("", json.path("endError").asText());
    }

    private static List<String> fieldNames(ObjectNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
