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
package org.openhab.binding.tuyaintercom.internal.tuya.smart;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The {@code clientTraceId} of {@code /api/jarvis/config} in go2rtc's form, {@code fmt.Sprintf("%x", rand.Int63())}:
 * lower-case hex of a non-negative number below 2^63, without padding; Java's {@code toHexString} of a random
 * {@code long} was the two's-complement hex of a negative number half of the time (16 digits from 8 to f).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class ClientTraceIdTest {

    @Test
    void isTheHexOfANonNegative63BitNumber() {
        Set<String> seen = new HashSet<>();
        boolean sixteenDigits = false;
        for (int i = 0; i < 20_000; i++) {
            String id = SmartWebClient.clientTraceId();
            assertTrue(id.matches("[0-9a-f]{1,16}"), id);
            assertFalse(id.length() > 1 && id.startsWith("0"), "no padding: " + id);
            // parseLong refuses anything of 2^63 or more, which is what the hex of a negative long reads as
            long value = Long.parseLong(id, 16);
            assertTrue(value >= 0, id);
            sixteenDigits |= id.length() == 16;
            seen.add(id);
        }
        assertTrue(sixteenDigits, "the whole 63-bit range is used");
        assertEquals(20_000, seen.size(), "random");
    }
}
