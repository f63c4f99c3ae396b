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

import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A device's timestamp: Tuya messages carry epoch seconds or epoch milliseconds (as a number or a string of digits).
 * Anything else, and any time before 2001 or after 2100, is no timestamp.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DeviceTime {
    /** 2001-09-09 in epoch seconds: smaller numbers are no timestamp (counters, flags such as "1"). */
    private static final long MIN_SECONDS = 1_000_000_000L;
    /** 2100-01-01 in epoch seconds. */
    private static final long MAX_SECONDS = 4_102_444_800L;

    private DeviceTime() {
    }

    /** The instant of an epoch value in seconds or milliseconds, or null if the value is none. */
    public static @Nullable Instant of(long epoch) {
        if (epoch >= MIN_SECONDS && epoch <= MAX_SECONDS) {
            return Instant.ofEpochSecond(epoch);
        }
        if (epoch >= MIN_SECONDS * 1000 && epoch <= MAX_SECONDS * 1000) {
            return Instant.ofEpochMilli(epoch);
        }
        return null;
    }

    /** The instant of a JSON number or a string of 10 to 13 digits, or null. */
    public static @Nullable Instant of(JsonNode value) {
        if (value.isIntegralNumber()) {
            return of(value.asLong());
        }
        if (value.isTextual()) {
            return parse(value.asText());
        }
        return null;
    }

    /** The instant of a string of 10 to 13 digits, or null. */
    public static @Nullable Instant parse(String text) {
        String digits = text.trim();
        if (digits.length() < 10 || digits.length() > 13 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return of(Long.parseLong(digits));
    }
}
