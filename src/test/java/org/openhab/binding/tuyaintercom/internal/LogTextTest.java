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
package org.openhab.binding.tuyaintercom.internal;

import static org.junit.jupiter.api.Assertions.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.test.LogCapture;
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
    /** Whether a log text still carries a character that must not reach a log line raw. */
    private static boolean hasRawDangerous(String text) {
        return text.codePoints().anyMatch(LogCapture::dangerous);
    }

    @Test
    void controlCharactersNeverReachALogLine() {
        String forged = "panel1\n2026-11-26 10:00:00 INFO [security] door opened by admin";
        String safe = LogText.safe(forged);
        assertFalse(safe.contains("\n"));
        assertEquals("panel1\\u000A2026-11-26 10:00:00 INFO [security] door opened by admin", safe);
        assertFalse(LogText.safe("a\rb\u2028c\u0000").chars().anyMatch(Character::isISOControl));
        assertEquals("", LogText.safe(null));
    }

    @Test
    void everyDangerousCharacterIsEscapedNotDropped() {
        for (char c : LogCapture.DANGEROUS) {
            String safe = LogText.safe("a" + c + "b");
            assertEquals("a" + LogCapture.escaped(c) + "b", safe, () -> "U+" + Integer.toHexString(c));
            assertFalse(hasRawDangerous(safe));
        }
        // a backslash is doubled, so text cannot imitate an escape
        assertEquals("\\\\u000A", LogText.safe("\\u000A"));
        // unpaired surrogates are escaped; pairs, accents and other scripts stay readable
        assertEquals("\\uD800x", LogText.safe("\ud800x"));
        assertEquals("Tür 🔔 門", LogText.safe("Tür 🔔 門"));
        // Unicode tag characters (invisible, supplementary) are escaped unit by unit
        assertEquals("\\uDB40\\uDC01", LogText.safe(new String(Character.toChars(0xE0001))));
    }

    @Test
    void theLengthIsCappedWithoutCuttingAnEscape() {
        assertEquals("x".repeat(LogText.MAX_LENGTH) + "…", LogText.safe("x".repeat(1000)));
        assertEquals("x".repeat(LogText.MAX_LENGTH), LogText.safe("x".repeat(LogText.MAX_LENGTH)));
        String capped = LogText.safe("\n".repeat(1000));
        assertTrue(capped.length() <= LogText.MAX_LENGTH + 6, capped);
        assertTrue(capped.matches("(\\\\u000A)+…"), capped);
        String pairs = LogText.safe("a" + "🔔".repeat(300));
        assertTrue(pairs.endsWith("🔔…"), "a surrogate pair is never cut");
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
