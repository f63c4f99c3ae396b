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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells doorbell presses from other data point reports of a panel and finds their picture:
 * {@code doorbell_active}, {@code doorbell_call}, {@code doorbell_pic} (base64 of a URL or of an event JSON),
 * {@code alarm_message} (base64 of UTF-16BE text such as "DoorBell", or of an event JSON with a doorbell {@code cmd}),
 * {@code initiative_message} (base64 event JSON with a doorbell {@code cmd}), and one vendor data point by code or id.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DoorbellEventParser {
    private final String vendorDataPoint;

    /** @param vendorDataPoint an extra data point (code, or numeric id) that signals a press; empty for none */
    public DoorbellEventParser(String vendorDataPoint) {
        this.vendorDataPoint = vendorDataPoint.trim();
    }

    /** The press one status entry {@code {code, value, t, "<dpId>": value}} reports, if any. */
    public Optional<DoorbellPress> parse(JsonNode entry) {
        String code = entry.path("code").asText("");
        JsonNode value = entry.path("value");
        if (!vendorDataPoint.isEmpty() && (vendorDataPoint.equals(code) || entry.has(vendorDataPoint))) {
            JsonNode vendorValue = entry.has(vendorDataPoint) && !vendorDataPoint.equals(code)
                    ? entry.path(vendorDataPoint)
                    : value;
            return isSet(vendorValue) ? Optional.of(new DoorbellPress(vendorDataPoint, picture(vendorValue)))
                    : Optional.empty();
        }
        switch (code) {
            case "doorbell_active", "doorbell_call":
                return isSet(value) ? Optional.of(new DoorbellPress(code, null)) : Optional.empty();
            case "doorbell_pic": {
                if (!isSet(value)) {
                    return Optional.empty();
                }
                return Optional.of(new DoorbellPress(code, picture(value)));
            }
            case "alarm_message", "initiative_message": {
                String text = decodeBase64(value.asText(""));
                if (text == null) {
                    return Optional.empty();
                }
                JsonNode event = json(text);
                if (event != null) {
                    String cmd = event.path("cmd").asText("").toLowerCase(Locale.ROOT);
                    return cmd.contains("doorbell") ? Optional.of(new DoorbellPress(code, filePicture(event)))
                            : Optional.empty();
                }
                String utf16 = decodeUtf16(value.asText(""));
                return utf16.toLowerCase(Locale.ROOT).contains("doorbell") ? Optional.of(new DoorbellPress(code, null))
                        : Optional.empty();
            }
            default:
                return Optional.empty();
        }
    }

    private static boolean isSet(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.asLong() != 0;
        }
        return !value.asText("").isBlank();
    }

    private static @Nullable PictureRef picture(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        String raw = value.asText();
        if (raw.startsWith("http://") || raw.startsWith("https://")) {
            return new PictureRef.Url(raw);
        }
        String text = decodeBase64(raw);
        if (text == null) {
            return null;
        }
        if (text.startsWith("http://") || text.startsWith("https://")) {
            return new PictureRef.Url(text.trim());
        }
        JsonNode event = json(text);
        return event == null ? null : filePicture(event);
    }

    private static @Nullable PictureRef filePicture(JsonNode event) {
        JsonNode file = event.path("files").path(0);
        String bucket = event.path("bucket").asText("");
        String path = file.path(0).asText("");
        String key = file.path(1).asText("");
        if (bucket.isEmpty() || path.isEmpty() || key.length() != 16) {
            return null;
        }
        return new PictureRef.Encrypted(bucket, path, key);
    }

    private static @Nullable String decodeBase64(String value) {
        try {
            return new String(Base64.getDecoder().decode(value.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decodeUtf16(String value) {
        try {
            return new String(Base64.getDecoder().decode(value.trim()), StandardCharsets.UTF_16BE);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static @Nullable JsonNode json(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            return TuyaJson.parse(trimmed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
