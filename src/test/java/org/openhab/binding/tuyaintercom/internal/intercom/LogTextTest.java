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
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaIds;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.signalling.RtcCallCodec;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling;

/**
 * Text from the cloud cannot forge a log line, and ids of the wrong shape never reach the call model.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class LogTextTest {
    @Test
    void controlCharactersNeverReachALogLine() {
        String forged = "panel1\n2026-11-26 10:00:00 INFO [security] door opened by admin";
        String safe = LogText.safe(forged);
        assertFalse(safe.contains("\n"));
        assertFalse(LogText.safe("a\rb\u2028c\u0000").chars().anyMatch(Character::isISOControl));
        assertTrue(LogText.safe("x".repeat(1000)).length() <= LogText.MAX_LENGTH + 1);
        assertEquals("<malformed id>", TuyaIds.forLog("evil\nid"));
    }

    @Test
    void idsOfTheWrongShapeAreRefused() {
        assertTrue(TuyaIds.isValid("bf0123456789abcdef_-X"));
        assertFalse(TuyaIds.isValid("a b"));
        assertFalse(TuyaIds.isValid("x".repeat(129)));
        assertThrows(IllegalArgumentException.class, () -> RtcCallCodec.decode(TuyaJson.parse(
                "{\"type\":\"rtc\",\"data\":{\"event\":\"call\",\"curId\":\"panel1\\nINFO forged\",\"sessionId\":\"s1\"}}")));
        assertThrows(IllegalArgumentException.class, () -> RtcCallCodec.decode(TuyaJson.parse(
                "{\"type\":\"rtc\",\"data\":{\"event\":\"call\",\"curId\":\"panel1\",\"sessionId\":\"s 1/../x\"}}")));
        assertThrows(IllegalArgumentException.class, () -> WebRtcSignalling.decode(TuyaJson
                .parse("{\"header\":{\"type\":\"answer\",\"sessionid\":\"s\\u0000\",\"from\":\"p\"},\"msg\":{}}")));
    }
}
