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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Credentials and topics of Tuya's open-hub MQTT access ({@code open-hub/access/config}). The password is a secret
 * (it is also the key of encrypted device messages) and never part of {@link #toString()}. {@code url} is the broker
 * address to try first; {@code fallbackUrls} are tried in turn when it cannot be reached (the web client's
 * {@code wss://} form behind its {@code ssl://} one).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record MqttAccessConfig(String url, String clientId, String username, String password,
        Map<String, String> sourceTopics, Map<String, String> sinkTopics, Instant issuedAt, Instant expiresAt,
        String encryptionVersion, List<String> fallbackUrls) {

    /** Access with one broker address. */
    public MqttAccessConfig(String url, String clientId, String username, String password,
            Map<String, String> sourceTopics, Map<String, String> sinkTopics, Instant issuedAt, Instant expiresAt,
            String encryptionVersion) {
        this(url, clientId, username, password, sourceTopics, sinkTopics, issuedAt, expiresAt, encryptionVersion,
                List.of());
    }

    public MqttAccessConfig {
        fallbackUrls = List.copyOf(fallbackUrls);
    }

    /** Every broker address, in the order to try them. */
    public List<String> urls() {
        List<String> urls = new ArrayList<>();
        urls.add(url);
        fallbackUrls.stream().filter(fallback -> !urls.contains(fallback)).forEach(urls::add);
        return List.copyOf(urls);
    }

    public static MqttAccessConfig from(JsonNode node, Instant now, String encryptionVersion) {
        return new MqttAccessConfig(node.path("url").asText(""), node.path("client_id").asText(""),
                node.path("username").asText(""), node.path("password").asText(""), topics(node.path("source_topic")),
                topics(node.path("sink_topic")), now,
                now.plusSeconds(lifetimeSeconds(node.path("expire_time").asLong(7200))), encryptionVersion);
    }

    /** A lifetime the cloud gave, kept between 1 s and 30 days whatever it says. */
    static long lifetimeSeconds(long seconds) {
        return Math.max(1, Math.min(seconds, 30L * 24 * 3600));
    }

    private static Map<String, String> topics(JsonNode node) {
        Map<String, String> topics = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> topics.put(e.getKey(), e.getValue().asText("")));
        return Map.copyOf(topics);
    }

    /**
     * The id this client signs its 302/308 messages with: the last segment of the ipc source topic
     * ({@code /av/u/<id>}), which is not the account uid.
     */
    public String mqttUid() {
        String source = sourceTopics.getOrDefault("ipc", "");
        String[] parts = source.split("/");
        return parts.length == 0 ? "" : parts[parts.length - 1];
    }

    /** The ipc publish topic for one device: {@code moto_id} and {@code {device_id}} filled in. */
    public String ipcSinkTopic(String motoId, String deviceId) {
        return sinkTopics.getOrDefault("ipc", "/av/moto/moto_id/u/{device_id}").replace("moto_id", motoId)
                .replace("{device_id}", deviceId);
    }

    /** When to replace this access: a fifth of its lifetime, at most 60 s, before it expires. */
    public Instant renewAt() {
        long lifetime = expiresAt.getEpochSecond() - issuedAt.getEpochSecond();
        long marginMillis = Math.min(60_000L, lifetime * 1000 / 5);
        return expiresAt.minusMillis(marginMillis);
    }

    @Override
    public String toString() {
        return "MqttAccessConfig[urls=" + urls() + ", clientId=" + clientId + ", topics=" + sourceTopics.keySet()
                + ", expiresAt=" + expiresAt + "]";
    }
}
