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

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * An OpenAPI access token with its refresh token and the time both stop working.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record TokenInfo(String accessToken, String refreshToken, String uid, Instant issuedAt, Instant expiresAt) {

    /** When to replace the token: a fifth of its lifetime, at most 5 minutes, before it expires. */
    public Instant renewAt() {
        Duration lifetime = Duration.between(issuedAt, expiresAt);
        Duration margin = lifetime.dividedBy(5);
        if (margin.compareTo(Duration.ofMinutes(5)) > 0) {
            margin = Duration.ofMinutes(5);
        }
        return expiresAt.minus(margin);
    }

    @Override
    public String toString() {
        return "TokenInfo[expiresAt=" + expiresAt + "]";
    }
}
