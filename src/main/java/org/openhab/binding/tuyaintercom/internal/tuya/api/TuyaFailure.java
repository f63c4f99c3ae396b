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
package org.openhab.binding.tuyaintercom.internal.tuya.api;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What a Tuya error code means for the user, each with the i18n key of its thing status message.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public enum TuyaFailure {
    /** 1001 secret invalid, 1004 sign invalid, 1005 client id invalid. */
    WRONG_CREDENTIALS("offline.cloud.wrong-credentials", true, Set.of(1001, 1004, 1005)),
    /** 1010 token invalid, 1011 token expired: re-authenticate. */
    TOKEN_INVALID("offline.cloud.token-invalid", false, Set.of(1010, 1011, 1012)),
    /** 1013 request time invalid: the openHAB clock is wrong. */
    CLOCK("offline.cloud.clock", true, Set.of(1013)),
    /** 1106 permission deny: the app account is not linked to the project or the device is not in it. */
    NOT_LINKED("offline.cloud.not-linked", true, Set.of(1106)),
    /** 288411xx / 28841002: the API service (e.g. IoT Video Live Stream) is not subscribed or has expired. */
    SERVICE_NOT_SUBSCRIBED("offline.cloud.service-not-subscribed", true, Set.of(28841002, 28841101, 28841105)),
    /** The cloud could not be reached. */
    NETWORK("offline.cloud.network", false, Set.of(TuyaApiException.NETWORK)),
    OTHER("offline.cloud.error", false, Set.of());

    private final String messageKey;
    private final boolean configurationError;
    private final Set<Integer> codes;

    TuyaFailure(String messageKey, boolean configurationError, Set<Integer> codes) {
        this.messageKey = messageKey;
        this.configurationError = configurationError;
        this.codes = codes;
    }

    /** The i18n key of the thing status description for this failure. */
    public String messageKey() {
        return messageKey;
    }

    /** Whether the user must change something (configuration or cloud project) before retrying helps. */
    public boolean isConfigurationError() {
        return configurationError;
    }

    public static TuyaFailure of(int code) {
        for (TuyaFailure failure : values()) {
            if (failure.codes.contains(code)) {
                return failure;
            }
        }
        return OTHER;
    }
}
