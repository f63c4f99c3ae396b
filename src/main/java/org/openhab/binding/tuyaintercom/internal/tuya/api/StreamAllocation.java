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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A live stream address allocated by the cloud ({@code POST /v1.0/devices/{id}/stream/actions/allocate}, IoT Video
 * Live Stream service): {@code result.url}, and how long it is valid when the cloud says so ({@code expire_time} in
 * seconds; public clients report about 30 s when it does not).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record StreamAllocation(String url, @Nullable Duration lifetime) {

    static StreamAllocation from(JsonNode result) throws TuyaApiException {
        String url = result.isTextual() ? result.asText() : result.path("url").asText("");
        if (url.isBlank()) {
            throw new TuyaApiException(0, "no stream url in the answer");
        }
        long seconds = result.path("expire_time").asLong(0);
        return new StreamAllocation(url, seconds > 0 ? Duration.ofSeconds(seconds) : null);
    }
}
