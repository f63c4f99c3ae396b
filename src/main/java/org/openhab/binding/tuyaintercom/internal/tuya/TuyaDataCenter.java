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
package org.openhab.binding.tuyaintercom.internal.tuya;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The Tuya cloud data centres and their OpenAPI hosts.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public enum TuyaDataCenter {
    CN("https://openapi.tuyacn.com"),
    US("https://openapi.tuyaus.com"),
    US_EAST("https://openapi-ueaz.tuyaus.com"),
    EU("https://openapi.tuyaeu.com"),
    EU_WEST("https://openapi-weaz.tuyaeu.com"),
    IN("https://openapi.tuyain.com"),
    CUSTOM("");

    private final String baseUrl;

    TuyaDataCenter(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The data centre of a configuration value, or null when the value names none. */
    public static @Nullable TuyaDataCenter of(String value) {
        for (TuyaDataCenter center : values()) {
            if (center.name().equalsIgnoreCase(value.trim())) {
                return center;
            }
        }
        return null;
    }
}
