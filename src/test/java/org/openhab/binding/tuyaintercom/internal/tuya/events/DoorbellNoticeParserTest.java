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
package org.openhab.binding.tuyaintercom.internal.tuya.events;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

/**
 * The call notices of classic doorbells: protocol 43 and the message-service form {@code event_notify}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class DoorbellNoticeParserTest {
    private static final long T = 1767261600123L;

    @Test
    void protocol43IsAPressAtTheMessagesTime() {
        DoorbellPress press = DoorbellNoticeParser
                .parse(43, TuyaJson.parse("{\"devId\":\"d1\",\"etype\":\"ac_doorbell\",\"edata\":\"m1\"}"), T)
                .orElseThrow();
        assertEquals(DoorbellNoticeParser.SOURCE_PROTOCOL_43, press.dataPoint());
        assertEquals(Instant.ofEpochMilli(T), press.pressedAt());
        assertTrue(DoorbellNoticeParser.parse(43, TuyaJson.parse("{\"devId\":\"d1\",\"etype\":\"ac_doorbell\"}"), 0)
                .orElseThrow().pressedAt() == null, "no time at all");
    }

    @Test
    void eventNotifyIsAPressAtItsOwnTime() {
        DoorbellPress press = DoorbellNoticeParser.parse(20, TuyaJson.parse("{\"bizCode\":\"event_notify\","
                + "\"ts\":1767261590000,\"bizData\":{\"devId\":\"d1\",\"etype\":\"ac_doorbell\",\"edata\":\"m1\"}}"), T)
                .orElseThrow();
        assertEquals(DoorbellNoticeParser.SOURCE_EVENT_NOTIFY, press.dataPoint());
        assertEquals(Instant.ofEpochSecond(1767261590), press.pressedAt(), "ts, not the message's t");
        assertEquals("d1", DoorbellNoticeParser.deviceId(TuyaJson.parse("{\"bizData\":{\"devId\":\"d1\"}}")));
    }

    @Test
    void otherNoticesAreNoPress() {
        assertTrue(DoorbellNoticeParser
                .parse(20, TuyaJson.parse(
                        "{\"bizCode\":\"event_notify\"," + "\"bizData\":{\"devId\":\"d1\",\"etype\":\"motion\"}}"), T)
                .isEmpty());
        assertTrue(DoorbellNoticeParser
                .parse(20, TuyaJson.parse("{\"bizCode\":\"nameUpdate\",\"bizData\":{\"etype\":\"ac_doorbell\"}}"), T)
                .isEmpty());
        assertTrue(DoorbellNoticeParser.parse(43, TuyaJson.parse("{\"devId\":\"d1\",\"etype\":42}"), T).isEmpty());
        assertTrue(DoorbellNoticeParser.parse(4, TuyaJson.parse("{\"etype\":\"ac_doorbell\"}"), T).isEmpty());
        assertTrue(DoorbellNoticeParser.parse(43, TuyaJson.parse("[]"), T).isEmpty());
    }
}
