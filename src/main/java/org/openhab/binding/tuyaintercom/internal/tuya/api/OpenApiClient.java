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

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.BytesContentProvider;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.tuya.BoundedHttp;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Signed calls to the Tuya OpenAPI of one cloud project: project token ({@code grant_type=1}) with refresh before
 * expiry, and on code 1010 one re-authentication and retry.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class OpenApiClient {
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100;

    private final Logger logger = LoggerFactory.getLogger(OpenApiClient.class);
    private final String baseUrl;
    private final String clientId;
    private final String secret;
    private final HttpClient http;
    private final Clock clock;

    private @Nullable TokenInfo token;

    public OpenApiClient(String baseUrl, String clientId, String secret, HttpClient http, Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clientId = clientId;
        this.secret = secret;
        this.http = http;
        this.clock = clock;
    }

    /** A valid token: the current one, a refreshed one shortly before expiry, or a new one. */
    public synchronized TokenInfo token() throws TuyaApiException {
        TokenInfo current = token;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.renewAt())) {
            return current;
        }
        TokenInfo fresh = null;
        if (current != null && now.isBefore(current.expiresAt())) {
            try {
                fresh = parseToken(send("GET", "/v1.0/token/" + current.refreshToken(), Map.of(), null, null));
                logger.debug("Tuya access token refreshed");
            } catch (TuyaApiException e) {
                logger.debug("Refreshing the Tuya token failed ({}), requesting a new one",
                        LogText.safe(e.getMessage()));
            }
        }
        if (fresh == null) {
            fresh = parseToken(send("GET", "/v1.0/token", Map.of("grant_type", "1"), null, null));
            logger.debug("New Tuya access token, valid until {}", fresh.expiresAt());
        }
        token = fresh;
        return fresh;
    }

    /** Forgets the token so that the next call authenticates again. */
    public synchronized void invalidateToken() {
        token = null;
    }

    private TokenInfo parseToken(JsonNode result) throws TuyaApiException {
        String accessToken = result.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new TuyaApiException(TuyaApiException.NETWORK, "token response without access_token");
        }
        Instant now = clock.instant();
        return new TokenInfo(accessToken, result.path("refresh_token").asText(""), result.path("uid").asText(""), now,
                now.plusSeconds(MqttAccessConfig.lifetimeSeconds(result.path("expire_time").asLong(7200))));
    }

    /** A business call; on an invalid token (1010) it authenticates once more and retries. */
    public JsonNode call(String method, String path, Map<String, String> query, @Nullable JsonNode body)
            throws TuyaApiException {
        try {
            return send(method, path, query, body, token().accessToken());
        } catch (TuyaApiException e) {
            if (e.failure() != TuyaFailure.TOKEN_INVALID) {
                throw e;
            }
            logger.debug("Tuya rejected the access token ({}); authenticating again", e.code());
            invalidateToken();
            return send(method, path, query, body, token().accessToken());
        }
    }

    public List<DeviceInfo> userDevices(String uid) throws TuyaApiException {
        // Two shapes: a plain array paged with page_no (what public clients read from the real API), or
        // {devices, has_more, last_row_key} paged with last_row_key (documented for some projects)
        List<DeviceInfo> devices = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String lastRowKey = "";
        for (int page = 1; page <= MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("last_row_key", lastRowKey);
            query.put("page_no", Integer.toString(page));
            query.put("page_size", Integer.toString(PAGE_SIZE));
            JsonNode result = call("GET", "/v1.0/users/" + uid + "/devices", query, null);
            JsonNode list = result.isArray() ? result : result.path("devices");
            int added = 0;
            for (JsonNode node : list) {
                DeviceInfo device = DeviceInfo.from(node);
                if (seen.add(device.id())) {
                    devices.add(device);
                    added++;
                }
            }
            if (result.isArray()) {
                if (list.size() < PAGE_SIZE || added == 0) {
                    break; // the last page (or a server that ignores page_no)
                }
                continue;
            }
            String next = result.path("last_row_key").asText("");
            if (!result.path("has_more").asBoolean(false) || next.isEmpty() || next.equals(lastRowKey)) {
                break;
            }
            lastRowKey = next;
        }
        return devices;
    }

    public DeviceInfo device(String deviceId) throws TuyaApiException {
        return DeviceInfo.from(call("GET", "/v1.0/devices/" + deviceId, Map.of(), null));
    }

    public WebRtcConfig webRtcConfig(String uid, String deviceId) throws TuyaApiException {
        return WebRtcConfig
                .from(call("GET", "/v1.0/users/" + uid + "/devices/" + deviceId + "/webrtc-configs", Map.of(), null));
    }

    /** Open-hub MQTT access for {@code topics} "ipc" (WebRTC and call signalling) or "device" (DP status). */
    public MqttAccessConfig mqttAccessConfig(String uid, String linkId, String topics, String encryptionVersion)
            throws TuyaApiException {
        ObjectNode body = TuyaJson.object();
        body.put("uid", uid);
        body.put("link_id", linkId);
        body.put("link_type", "mqtt");
        body.put("topics", topics);
        if ("device".equals(topics)) {
            body.put("msg_encrypted_version", encryptionVersion);
        }
        JsonNode result;
        try {
            result = call("POST", "/v1.0/open-hub/access/config", Map.of(), body);
        } catch (TuyaApiException v1Failure) {
            // newer public clients (go2rtc, tuya-ipc-terminal) use the v2 form with unique_id
            ObjectNode v2 = body.deepCopy();
            v2.remove("link_id");
            v2.put("unique_id", linkId);
            try {
                result = call("POST", "/v2.0/open-iot-hub/access/config", Map.of(), v2);
            } catch (TuyaApiException v2Failure) {
                throw v1Failure;
            }
        }
        return MqttAccessConfig.from(result, clock.instant(), encryptionVersion);
    }

    /** Sends data point commands, e.g. {@code accessory_lock = true}. */
    public void sendCommand(String deviceId, String code, Object value) throws TuyaApiException {
        ObjectNode body = TuyaJson.object();
        ArrayNode commands = body.putArray("commands");
        commands.addObject().put("code", code).putPOJO("value", value);
        call("POST", "/v1.0/iot-03/devices/" + deviceId + "/commands", Map.of(), body);
    }

    /**
     * Allocates a live stream address of a camera or panel ({@code type} {@code hls} or {@code rtsp}; IoT Video Live
     * Stream service). The address is a capability: it is never logged.
     */
    public StreamAllocation allocateStream(String deviceId, String type) throws TuyaApiException {
        ObjectNode body = TuyaJson.object();
        body.put("type", type);
        return StreamAllocation
                .from(call("POST", "/v1.0/devices/" + deviceId + "/stream/actions/allocate", Map.of(), body));
    }

    /** The download URL of an encrypted event picture ({@code movement-configs}). */
    public String snapshotUrl(String deviceId, String bucket, String filePath) throws TuyaApiException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("bucket", bucket);
        query.put("file_path", filePath);
        return call("GET", "/v1.0/devices/" + deviceId + "/movement-configs", query, null).asText("");
    }

    private JsonNode send(String method, String path, Map<String, String> query, @Nullable JsonNode body,
            @Nullable String accessToken) throws TuyaApiException {
        byte[] bodyBytes = body == null ? new byte[0] : TuyaJson.write(body).getBytes(StandardCharsets.UTF_8);
        String t = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString();
        String signedUrl = OpenApiSigner.canonicalUrl(path, query);
        String sign = OpenApiSigner.sign(clientId, secret, accessToken, t, nonce,
                OpenApiSigner.stringToSign(method, bodyBytes, Map.of(), signedUrl));

        Request request = http.newRequest(baseUrl + path + encodedQuery(query)).method(method)
                .header("client_id", clientId).header("sign", sign).header("t", t).header("nonce", nonce)
                .header("sign_method", OpenApiSigner.SIGN_METHOD).header("Content-Type", "application/json");
        if (accessToken != null) {
            request.header("access_token", accessToken);
        }
        if (bodyBytes.length > 0) {
            request.content(new BytesContentProvider(bodyBytes));
        }

        String text;
        int status;
        try {
            ContentResponse response = BoundedHttp.send(request, REQUEST_TIMEOUT, MAX_RESPONSE_BYTES);
            status = response.getStatus();
            text = new String(response.getContent(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TuyaApiException("cannot reach the Tuya cloud: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TuyaApiException("interrupted", e);
        }
        JsonNode envelope;
        try {
            envelope = TuyaJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TuyaApiException(TuyaApiException.NETWORK,
                    "HTTP " + status + " from " + safe(path) + " is not a Tuya response: " + e.getMessage());
        }
        if (!envelope.path("success").asBoolean(false)) {
            int code = envelope.path("code").asInt(TuyaApiException.NETWORK);
            throw new TuyaApiException(code,
                    safe(path) + ": " + envelope.path("msg").asText("HTTP " + status) + " (" + code + ")");
        }
        return envelope.path("result");
    }

    /** The path as it may be logged: the refresh token in a refresh call's path is replaced. */
    static String safe(String path) {
        return path.startsWith("/v1.0/token/") ? "/v1.0/token/{refresh_token}" : path;
    }

    private static String encodedQuery(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return "?" + query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
