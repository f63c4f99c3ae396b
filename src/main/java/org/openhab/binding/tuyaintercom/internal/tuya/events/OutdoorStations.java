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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outdoor stations of a multi-station intercom panel and which one calls. Such panels (Novicam, Tantos, panels
 * on Tuya's "KOCOM"-style firmware; ha_tuya_doorbell #24, tuya-local #5757) report the calling station in a vendor
 * data point (typically 231) as {@code {"res":1,"err":0,"cc":2,"chs":[{"id":1,"n":"DOOR1"},…]}}: {@code cc} is the
 * calling station's id, {@code chs} the list of stations; another data point (typically 233) holds the list alone.
 * The value may come as a JSON object, as JSON text, or as base64 of JSON text (a raw data point). Names are
 * remembered from every list seen, so a call without the list still gets its station's name.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class OutdoorStations {
    private static final int MAX_STATIONS = 64;
    private static final int MAX_NAME_LENGTH = 64;

    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** Remembers the station names a list value (or a call value with its list) gives. */
    public void learn(JsonNode value) {
        JsonNode object = object(value);
        if (object != null) {
            learnList(object);
        }
    }

    /**
     * The calling station's name (its id where no name is known) if the value says a station calls ({@code cc} is
     * set and not 0), else empty.
     */
    public Optional<String> calling(JsonNode value) {
        JsonNode object = object(value);
        if (object == null) {
            return Optional.empty();
        }
        learnList(object);
        JsonNode cc = object.path("cc");
        String id = cc.isIntegralNumber() || cc.isTextual() ? cc.asText("").trim() : "";
        if (id.isEmpty() || "0".equals(id)) {
            return Optional.empty();
        }
        return Optional.of(names.getOrDefault(id, id));
    }

    /** The names known so far by station id. */
    public Map<String, String> known() {
        return Map.copyOf(names);
    }

    private void learnList(JsonNode object) {
        for (JsonNode station : object.path("chs")) {
            String id = station.path("id").asText("").trim();
            String name = station.path("n").asText("").trim();
            if (!id.isEmpty() && !name.isEmpty() && (names.size() < MAX_STATIONS || names.containsKey(id))) {
                names.put(id, name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name);
            }
        }
    }

    private static @Nullable JsonNode object(JsonNode value) {
        if (value.isObject()) {
            return value;
        }
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText().trim();
        if (!text.startsWith("{")) {
            try {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8).trim();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode parsed = TuyaJson.parse(text);
            return parsed.isObject() ? parsed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
