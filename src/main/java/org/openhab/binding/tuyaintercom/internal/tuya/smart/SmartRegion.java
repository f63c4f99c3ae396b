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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The regions of Tuya's web client for cameras ("protect" hosts) with the country code its sign-in expects.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public enum SmartRegion {
    EU("protect-eu.ismartlife.me", "EU"),
    EU_WEST("protect-we.ismartlife.me", "EU"),
    US_WEST("protect-us.ismartlife.me", "AZ"),
    US_EAST("protect-ue.ismartlife.me", "AZ"),
    CN("protect.ismartlife.me", "AY"),
    IN("protect-in.ismartlife.me", "IN");

    private final String host;
    private final String countryCode;

    SmartRegion(String host, String countryCode) {
        this.host = host;
        this.countryCode = countryCode;
    }

    public String baseUrl() {
        return "https://" + host;
    }

    public String countryCode() {
        return countryCode;
    }

    /** The region of a configuration value, or null when the value names none. */
    public static @Nullable SmartRegion of(String value) {
        for (SmartRegion region : values()) {
            if (region.name().equalsIgnoreCase(value.trim())) {
                return region;
            }
        }
        return null;
    }
}
