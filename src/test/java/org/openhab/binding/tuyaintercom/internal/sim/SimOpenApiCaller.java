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
package org.openhab.binding.tuyaintercom.internal.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.OpenApiSigner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends OpenAPI requests to the simulator the way a given client forms them, for tests of the simulator itself: the
 * exact body bytes, the headers and the signature chosen by the test.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class SimOpenApiCaller {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TuyaCloudSimulator cloud;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    SimOpenApiCaller(TuyaCloudSimulator cloud) {
        this.cloud = cloud;
    }

    static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    /**
     * The signature of the current algorithm: over client id, the access token (none for token calls), t, no nonce
     * and the string to sign of the method, the body bytes and the path with its query sorted by key.
     */
    String sign(String method, String path, Map<String, String> query, @Nullable String body,
            @Nullable String accessToken, String t) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return OpenApiSigner.sign(cloud.accessId(), cloud.accessSecret(), accessToken, t, "",
                OpenApiSigner.stringToSign(method, bytes, Map.of(), OpenApiSigner.canonicalUrl(path, query)));
    }

    /** A request signed with the current algorithm (token calls: {@code accessToken} null). */
    JsonNode call(String method, String path, @Nullable String body, @Nullable String accessToken)
            throws IOException, InterruptedException {
        String t = now();
        return send(method, path, Map.of(), body, accessToken == null ? "" : accessToken,
                sign(method, path, Map.of(), body, accessToken, t), t, Map.of());
    }

    /** A request signed with the current algorithm, answered with its HTTP status. */
    HttpResponse<String> exchange(String method, String path, Map<String, String> query, @Nullable String body,
            @Nullable String accessToken) throws IOException, InterruptedException {
        String t = now();
        return response(method, path, query, body, accessToken == null ? "" : accessToken,
                sign(method, path, query, body, accessToken, t), t, Map.of());
    }

    /** Sends exactly this: the headers of every OpenAPI client plus {@code extraHeaders}. */
    JsonNode send(String method, String path, Map<String, String> query, @Nullable String body, String accessToken,
            String sign, String t, Map<String, String> extraHeaders) throws IOException, InterruptedException {
        return TuyaJson.parse(response(method, path, query, body, accessToken, sign, t, extraHeaders).body());
    }

    private HttpResponse<String> response(String method, String path, Map<String, String> query, @Nullable String body,
            String accessToken, String sign, String t, Map<String, String> extraHeaders)
            throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(cloud.baseUrl()).append(path);
        char separator = '?';
        for (Map.Entry<String, String> entry : new LinkedHashMap<>(query).entrySet()) {
            uri.append(separator).append(entry.getKey()).append('=').append(entry.getValue());
            separator = '&';
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(TIMEOUT)
                .header("client_id", cloud.accessId()).header("sign", sign).header("sign_method", "HMAC-SHA256")
                .header("t", t).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        request.header("access_token", accessToken); // empty on token calls, as Tuya's clients send it
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        extraHeaders.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
