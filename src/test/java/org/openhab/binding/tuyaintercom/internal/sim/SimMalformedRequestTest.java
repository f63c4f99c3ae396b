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

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.tuyaintercom.internal.test.LogCapture;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Malformed requests always get an HTTP answer from the simulator, never a dropped connection: what the HTTP server
 * cannot parse gets 400, bodies the cloud cannot use get Tuya's refusal, and a bug of the simulator (an exception of
 * its code) gets 500 and is logged with its stack, without the secrets the simulator issued.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class SimMalformedRequestTest {
    private static final String DEVICE = "malformedpanel1";

    @RegisterExtension
    final SimOpenApiExtension api = new SimOpenApiExtension(DEVICE);

    /**
     * Sends the request exactly as given over TLS and reads until the server closes: the status line. Fails when the
     * connection ends without one (what a swallowed exception looked like to a client).
     */
    private String statusLine(String request) throws IOException {
        URI base = URI.create(api.sim().baseUrl());
        try (SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket(base.getHost(),
                base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (IOException e) {
                // a reset after the answer: what arrived counts
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            assertFalse(text.isEmpty(), "no answer at all to " + request.lines().findFirst().orElse(""));
            return text.lines().findFirst().orElse("");
        }
    }

    @Test
    void requestsTheServerCannotParseGet400() throws Exception {
        for (String request : List.of("GET /v1.0/devices/%zz/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /v1.0/token?grant_type=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /storage/b/p?X-Amz-Signature=% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /sim/ring?device=%G1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GARBAGE\r\n\r\n",
                "GET /v1.0/token HTTP/1.1\r\nno colon in this header\r\n\r\n")) {
            String status = statusLine(request);
            assertTrue(status.startsWith("HTTP/1.1 400"), request + " → " + status);
        }
    }

    @Test
    void bodiesTheCloudCannotUseGetItsRefusal() throws Exception {
        String token = api.accessToken();
        List<String> bodies = List.of("{", "[", "{\"commands\":", "null", "[]", "\"text\"", "42", "{\"commands\":{}}",
                "{\"commands\":[null]}", "{\"commands\":[{\"code\":null}]}", "{\"commands\":[{\"code\":[]}]}",
                "[".repeat(5000), "{\"a\":".repeat(3000), "\u0000\u001b\u202e", "{\"type\":" + "9".repeat(400) + "}");
        for (String path : List.of("/v1.0/devices/" + DEVICE + "/commands",
                "/v1.0/devices/" + DEVICE + "/stream/actions/allocate", "/v2.0/open-iot-hub/access/config")) {
            for (String body : bodies) {
                HttpResponse<String> response = api.caller().exchange("POST", path, Map.of(), body, token);
                String what = path + " " + body.substring(0, Math.min(40, body.length()));
                assertEquals(200, response.statusCode(), what);
                JsonNode answer = TuyaJson.parse(response.body());
                assertFalse(answer.path("success").asBoolean(), what + ": " + answer);
                assertTrue(answer.path("code").asInt() > 1000, what + ": " + answer);
            }
        }
        HttpResponse<String> tooLarge = api.caller().exchange("POST", "/v1.0/devices/" + DEVICE + "/commands", Map.of(),
                "x".repeat(TuyaCloudSimulator.MAX_BODY_BYTES + 1), token);
        assertEquals(413, tooLarge.statusCode());
    }

    @Test
    void aPageNumberNearIntegerMaxGetsAnEmptyPage() throws Exception {
        String token = api.accessToken();
        String path = "/v1.0/users/" + api.sim().userId() + "/devices";
        // (page_no - 1) * page_size wrapped round to a negative index: the connection was dropped
        HttpResponse<String> response = api.caller().exchange("GET", path,
                Map.of("page_no", "2147483647", "page_size", "100"), null, token);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = TuyaJson.parse(response.body());
        assertTrue(answer.path("success").asBoolean(), answer.toString());
        assertEquals(0, answer.path("result").size(), answer.toString());
    }

    @Test
    void aBugOfTheSimulatorIsAnswered500AndLoggedWithoutSecrets() throws Exception {
        String token = api.accessToken();
        String secret = api.sim().accessSecret();
        api.sim().onCommand((device, dataPoints) -> {
            throw new IllegalStateException("a bug of the simulator, near " + secret);
        });
        try (LogCapture log = LogCapture.start()) {
            HttpResponse<String> response = api.caller().exchange("POST", "/v1.0/devices/" + DEVICE + "/commands",
                    Map.of(), "{\"commands\":[{\"code\":\"accessory_lock\",\"value\":true}]}", token);
            assertEquals(500, response.statusCode(), response.body());
            JsonNode answer = TuyaJson.parse(response.body());
            assertFalse(answer.path("success").asBoolean());
            assertEquals(500, answer.path("code").asInt());
            assertEquals("simulator error: IllegalStateException", answer.path("msg").asText());
            log.await("a bug of the simulator", java.time.Duration.ofSeconds(10));
            String text = log.text();
            assertTrue(text.contains("WARN " + SimHttpGuard.class.getName()
                    + " - simulator: request POST /v1.0/devices/" + DEVICE + "/commands failed"), text);
            assertTrue(text.contains("java.lang.IllegalStateException: a bug of the simulator, near <secret>"), text);
            assertTrue(text.contains("at " + SimMalformedRequestTest.class.getName()), "the stack is logged: " + text);
            assertFalse(text.contains(secret), "the access secret was logged");
        }
    }
}
