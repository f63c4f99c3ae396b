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

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * When the web pages may open the door (panel setting {@code webUnlock}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public enum WebUnlock {
    /** Only inside an answered incoming call, by the client that answered it (never in a call a page started). */
    IN_CALL,
    /** Never from the web; the unlock channel and rule action still work. */
    NEVER,
    /** Whenever a page link or the entry link is held (a leaked link opens the door). */
    ALWAYS;

    /** Parses the configuration value ({@code in-call}, {@code never}, {@code always}); unknown values are IN_CALL. */
    public static WebUnlock parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "never" -> NEVER;
            case "always" -> ALWAYS;
            default -> IN_CALL;
        };
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
