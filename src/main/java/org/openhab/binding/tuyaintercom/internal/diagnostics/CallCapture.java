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
package org.openhab.binding.tuyaintercom.internal.diagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Records the wire traffic of the next calls for a bug report from a real installation: every MQTT message to and
 * from the cloud (topic, protocol number, field names and values) as one JSON line, with every secret redacted —
 * keys, tokens, passwords, signatures, {@code auth}, TURN credentials (user names too), SDP fingerprints and ICE
 * passwords, and the picture data points (which carry file keys and signed links). The capture ends after the given
 * number of calls ended.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class CallCapture {
    /** Field names (lower case, without {@code _} and {@code -}) whose values are secrets, wherever they occur. */
    private static final Set<String> SECRET_FIELDS = Set.of("accesssecret", "secret", "password", "passwd",
            "accesstoken", "refreshtoken", "token", "credential", "credentials", "auth", "sign", "signature",
            "localkey", "targetlocalkey", "key", "username", "icepwd", "entrykey");
    /** Data points whose values carry picture keys or signed download links. */
    private static final Set<String> PICTURE_DATA_POINTS = Set.of("doorbell_pic", "movement_detect_pic",
            "initiative_message", "alarm_message");
    public static final String REDACTED = "<redacted>";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;
    private @Nullable Path file;
    private int remainingCalls;

    public CallCapture(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** Starts capturing the next {@code calls} calls into a new file, whose path is returned. */
    public synchronized Path start(int calls) throws IOException {
        Files.createDirectories(folder);
        Path created = folder.resolve("capture-" + FILE_TIME.format(clock.instant()) + ".jsonl");
        Files.writeString(created, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        file = created;
        remainingCalls = Math.max(1, calls);
        write(TuyaJson.object().put("event", "capture-started").put("calls", remainingCalls));
        return created;
    }

    public synchronized boolean isActive() {
        return file != null && remainingCalls > 0;
    }

    public synchronized @Nullable Path file() {
        return file;
    }

    /** A message on the wire: {@code direction} "in" or "out"; the payload is redacted before it is written. */
    public synchronized void message(String direction, String topic, byte[] payload) {
        if (!isActive()) {
            return;
        }
        ObjectNode line = TuyaJson.object().put("direction", direction).put("topic", topic);
        try {
            JsonNode json = TuyaJson.parse(new String(payload, StandardCharsets.UTF_8));
            line.put("protocol", json.path("protocol").asInt(-1));
            line.set("message", redact(json));
        } catch (IllegalArgumentException e) {
            line.put("bytes", payload.length); // binary (e.g. the wake-up of a low-power panel)
        }
        write(line);
    }

    /** Something the binding learnt that is not a message itself, e.g. a decrypted data point report. */
    public synchronized void note(String event, JsonNode details) {
        if (isActive()) {
            ObjectNode line = TuyaJson.object().put("event", event);
            line.set("details", redact(details));
            write(line);
        }
    }

    /**
     * A call ended; returns the capture file when this was the last call to capture (the capture is then over).
     */
    public synchronized @Nullable Path callEnded() {
        if (!isActive()) {
            return null;
        }
        remainingCalls--;
        write(TuyaJson.object().put("event", "call-ended").put("remainingCalls", remainingCalls));
        return remainingCalls == 0 ? file : null;
    }

    private void write(ObjectNode line) {
        Path target = file;
        if (target == null) {
            return;
        }
        line.put("time", clock.instant().toString());
        try {
            Files.writeString(target, TuyaJson.write(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            file = null; // the folder went away: stop quietly rather than fail calls
        }
    }

    /** A copy of the JSON with every secret replaced by {@value #REDACTED}. */
    public static JsonNode redact(JsonNode node) {
        JsonNode copy = node.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    private static void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean pictureDataPoint = PICTURE_DATA_POINTS.contains(object.path("code").asText(""));
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
                JsonNode value = field.getValue();
                if (SECRET_FIELDS.contains(name) || (pictureDataPoint && "value".equals(field.getKey()))) {
                    field.setValue(new TextNode(value.isTextual() && value.asText().isEmpty() ? "" : REDACTED));
                } else if (value.isTextual()) {
                    field.setValue(new TextNode(redactText(value.asText())));
                } else {
                    redactInPlace(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual()) {
                    array.set(i, new TextNode(redactText(element.asText())));
                } else {
                    redactInPlace(element);
                }
            }
        }
    }

    /** SDP: fingerprints and ICE passwords redacted; JSON inside a string redacted too; anything else as it is. */
    static String redactText(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            try {
                return TuyaJson.write(redact(TuyaJson.parse(trimmed)));
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
        if (!text.contains("a=fingerprint:") && !text.contains("a=ice-pwd:")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("(?<=\n)")) {
            if (line.startsWith("a=fingerprint:") || line.startsWith("a=ice-pwd:")) {
                String ending = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
                out.append(line, 0, line.indexOf(':') + 1).append(REDACTED).append(ending);
            } else {
                out.append(line);
            }
        }
        return out.toString();
    }
}
