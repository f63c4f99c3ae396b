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
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells doorbell presses from other data point reports of a panel and finds their picture:
 * {@code doorbell_active}, {@code doorbell_call}, {@code doorbell_pic} (base64 of a URL or of an event JSON),
 * {@code alarm_message} (base64 of UTF-16BE text such as "DoorBell", or of an event JSON with a doorbell {@code cmd}),
 * {@code initiative_message} (base64 event JSON with a doorbell {@code cmd}), {@code lock_alarm_kit} of video locks
 * (see {@link #isDoorbellAlarm}), the calling-station data point of multi-station panels (see
 * {@link OutdoorStations}), and one vendor data point by code or id. {@code doorbell_active} may hold the press time
 * as epoch seconds (a string of digits, tinytuya #161); otherwise the entry's {@code t} is the device's time.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DoorbellEventParser {
    /** The data point ids multi-station panels are known to use for the calling station and the station list. */
    public static final String DEFAULT_STATION_DP = "231";
    public static final String DEFAULT_STATION_LIST_DP = "233";
    /** The video locks' alarm data point that also reports doorbell presses (xtend_tuya #957). */
    public static final String LOCK_ALARM_KIT = "lock_alarm_kit";

    private final String vendorDataPoint;
    private final String stationDataPoint;
    private final String stationListDataPoint;
    private final OutdoorStations stations = new OutdoorStations();

    /** @param vendorDataPoint an extra data point (code, or numeric id) that signals a press; empty for none */
    public DoorbellEventParser(String vendorDataPoint) {
        this(vendorDataPoint, DEFAULT_STATION_DP, DEFAULT_STATION_LIST_DP);
    }

    /**
     * @param vendorDataPoint an extra data point (code, or numeric id) that signals a press; empty for none
     * @param stationDataPoint the data point (code or id) that says which outdoor station calls; empty for none
     * @param stationListDataPoint the data point (code or id) with the outdoor stations' names; empty for none
     */
    public DoorbellEventParser(String vendorDataPoint, String stationDataPoint, String stationListDataPoint) {
        this.vendorDataPoint = vendorDataPoint.trim();
        this.stationDataPoint = stationDataPoint.trim();
        this.stationListDataPoint = stationListDataPoint.trim();
    }

    /** The outdoor stations known so far (multi-station panels). */
    public OutdoorStations stations() {
        return stations;
    }

    /** Learns what it can from the device's status as the device list gives it (data point code to value). */
    public void learn(Map<String, JsonNode> status) {
        JsonNode list = status.get(stationListDataPoint);
        if (list != null) {
            stations.learn(list);
        }
        JsonNode call = status.get(stationDataPoint);
        if (call != null) {
            stations.learn(call);
        }
    }

    /** The press one status entry {@code {code, value, t, "<dpId>": value}} reports, if any. */
    public Optional<DoorbellPress> parse(JsonNode entry) {
        Instant entryTime = DeviceTime.of(entry.path("t"));
        return parseEntry(entry).map(press -> press.pressedAt() == null
                ? new DoorbellPress(press.dataPoint(), press.picture(), entryTime, press.station())
                : press);
    }

    /** The value of a data point in the entry, if the entry is that data point (by code or by id). */
    private static @Nullable JsonNode valueOf(JsonNode entry, String dataPoint) {
        if (dataPoint.isEmpty()) {
            return null;
        }
        if (dataPoint.equals(entry.path("code").asText(""))) {
            return entry.path("value");
        }
        return entry.has(dataPoint) ? entry.path(dataPoint) : null;
    }

    private Optional<DoorbellPress> parseEntry(JsonNode entry) {
        String code = entry.path("code").asText("");
        JsonNode value = entry.path("value");
        JsonNode vendorValue = valueOf(entry, vendorDataPoint);
        if (vendorValue != null) {
            return isSet(vendorValue) ? Optional.of(new DoorbellPress(vendorDataPoint, picture(vendorValue)))
                    : Optional.empty();
        }
        JsonNode stationValue = valueOf(entry, stationDataPoint);
        if (stationValue != null) {
            return stations.calling(stationValue)
                    .map(station -> new DoorbellPress(stationDataPoint, null, null, station));
        }
        JsonNode listValue = valueOf(entry, stationListDataPoint);
        if (listValue != null) {
            stations.learn(listValue);
            return Optional.empty();
        }
        switch (code) {
            case "doorbell_active":
                // some doorbells report the press time in epoch seconds instead of a flag
                return isSet(value) ? Optional.of(new DoorbellPress(code, null, DeviceTime.of(value), ""))
                        : Optional.empty();
            case "doorbell_call":
                return isSet(value) ? Optional.of(new DoorbellPress(code, null)) : Optional.empty();
            case "doorbell_pic": {
                if (!isSet(value)) {
                    return Optional.empty();
                }
                return Optional.of(new DoorbellPress(code, picture(value)));
            }
            case LOCK_ALARM_KIT:
                return isDoorbellAlarm(value) ? Optional.of(new DoorbellPress(code, null)) : Optional.empty();
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

    /**
     * Whether a {@code lock_alarm_kit} value is a doorbell press rather than one of the lock's alarms. The data point
     * is an alarm list of video locks (values such as {@code wrong_finger}, {@code pry}, {@code low_battery}); which
     * value a press sends is not public. Inferred: a press is a value (plain, or base64 text) whose words, without
     * {@code _}, {@code -} and blanks, contain "doorbell" ({@code doorbell}, {@code door_bell},
     * {@code doorbell_call}, {@code ring_doorbell}), or that is exactly {@code ring}; every other value is an alarm.
     */
    static boolean isDoorbellAlarm(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        String raw = value.asText().trim();
        if (doorbellWord(raw)) {
            return true;
        }
        String decoded = decodeBase64(raw);
        return decoded != null && doorbellWord(decoded.trim());
    }

    private static boolean doorbellWord(String text) {
        String word = text.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]", "");
        return word.contains("doorbell") || "ring".equals(word);
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
