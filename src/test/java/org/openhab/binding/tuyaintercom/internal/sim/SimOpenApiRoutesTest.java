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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.tuyaintercom.internal.tuya.api.OpenApiSigner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI routes that Tuya's own clients use beside the binding's, over the simulator's real HTTP server: device
 * status and the iot-03 device, v1.0 commands, unknown devices, the Node connector's short signature of a token
 * refresh (accepted there only, wrong ones refused), and live stream addresses that are served or refused.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class SimOpenApiRoutesTest {
    private static final String DEVICE = "routespanel1";

    @RegisterExtension
    final SimOpenApiExtension api = new SimOpenApiExtension(DEVICE);

    @Test
    void statusInBothFormsAndTheIot03DeviceAreAnswered() throws Exception {
        String token = api.accessToken();
        for (String path : List.of("/v1.0/devices/" + DEVICE + "/status",
                "/v1.0/iot-03/devices/" + DEVICE + "/status")) {
            JsonNode answer = api.caller().call("GET", path, null, token);
            assertTrue(answer.path("success").asBoolean(), path + ": " + answer);
            List<String> entries = new ArrayList<>();
            answer.path("result").forEach(e -> entries.add(e.path("code").asText() + "=" + e.path("value")));
            assertEquals(List.of("doorbell_active=\"\"", "accessory_lock=false"), entries, path);
        }
        JsonNode device = api.caller().call("GET", "/v1.0/iot-03/devices/" + DEVICE, null, token);
        assertTrue(device.path("success").asBoolean(), device.toString());
        assertEquals(DEVICE, device.path("result").path("id").asText());
        assertEquals("sp_dpsxj", device.path("result").path("category").asText());
        assertEquals(api.sim().userId(), device.path("result").path("uid").asText());
        assertTrue(device.path("result").path("status").isArray());
    }

    @Test
    void v10CommandsChangeTheDeviceAsIot03CommandsDo() throws Exception {
        String token = api.accessToken();
        List<String> commands = new CopyOnWriteArrayList<>();
        api.sim().onCommand((device, dataPoints) -> commands.add(device + " " + dataPoints));
        JsonNode answer = api.caller().call("POST", "/v1.0/devices/" + DEVICE + "/commands",
                "{\"commands\":[{\"code\":\"accessory_lock\",\"value\":true}]}", token);
        assertTrue(answer.path("success").asBoolean(), answer.toString());
        assertTrue(answer.path("result").asBoolean());
        assertEquals(List.of(DEVICE + " {accessory_lock=true}"), commands);
        assertEquals(2008,
                api.caller()
                        .call("POST", "/v1.0/devices/" + DEVICE + "/commands",
                                "{\"commands\":[{\"code\":\"no_such_code\",\"value\":1}]}", token)
                        .path("code").asInt());
        assertEquals(1109,
                api.caller().call("POST", "/v1.0/devices/" + DEVICE + "/commands", "{\"commands\":[]}", token)
                        .path("code").asInt());
    }

    @Test
    void anUnknownDeviceIsRefusedOnEveryRoute() throws Exception {
        String token = api.accessToken();
        for (String[] route : List.of(new String[] { "GET", "/v1.0/devices/nosuchdevice/status" },
                new String[] { "GET", "/v1.0/iot-03/devices/nosuchdevice" },
                new String[] { "GET", "/v1.0/iot-03/devices/nosuchdevice/status" },
                new String[] { "POST", "/v1.0/devices/nosuchdevice/commands" },
                new String[] { "POST", "/v1.0/iot-03/devices/nosuchdevice/commands" },
                new String[] { "POST", "/v1.0/devices/nosuchdevice/stream/actions/allocate" })) {
            String body = "POST".equals(route[0]) ? "{\"commands\":[{\"code\":\"switch\",\"value\":true}]}" : null;
            JsonNode answer = api.caller().call(route[0], route[1], body, token);
            assertFalse(answer.path("success").asBoolean(), route[1]);
            assertEquals(1106, answer.path("code").asInt(), route[1] + ": " + answer);
            assertEquals("permission deny", answer.path("msg").asText());
        }
        assertEquals(1108, api.caller().call("GET", "/v1.0/iot-03/devices/" + DEVICE + "/nothing-here", null, token)
                .path("code").asInt());
    }

    @Test
    void theNodeConnectorsShortRefreshSignatureIsAcceptedThereAndWrongOnesAreRefused() throws Exception {
        JsonNode first = api.token();
        String refreshPath = "/v1.0/token/" + first.path("refresh_token").asText();
        String oldToken = first.path("access_token").asText();
        String t = SimOpenApiCaller.now();

        // wrong: another secret, another t, the access token included, the short form on other calls
        String otherSecret = OpenApiSigner.sign(api.sim().accessId(), "not-the-secret", null, t, "", "");
        assertEquals(1004, api.caller().send("GET", refreshPath, Map.of(), null, oldToken, otherSecret, t, Map.of())
                .path("code").asInt());
        String shortSign = OpenApiSigner.sign(api.sim().accessId(), api.sim().accessSecret(), null, t, "", "");
        String otherT = Long.toString(Long.parseLong(t) - 1);
        assertEquals(1004, api.caller().send("GET", refreshPath, Map.of(), null, oldToken, shortSign, otherT, Map.of())
                .path("code").asInt());
        String withToken = OpenApiSigner.sign(api.sim().accessId(), api.sim().accessSecret(), oldToken, t, "", "");
        assertEquals(1004, api.caller().send("GET", refreshPath, Map.of(), null, oldToken, withToken, t, Map.of())
                .path("code").asInt());
        assertEquals(1004,
                api.caller().send("GET", "/v1.0/token", Map.of("grant_type", "1"), null, "", shortSign, t, Map.of())
                        .path("code").asInt(),
                "a new token needs the full signature");
        String businessShort = OpenApiSigner.sign(api.sim().accessId(), api.sim().accessSecret(), oldToken, t, "", "");
        assertEquals(1004, api.caller().send("GET", "/v1.0/devices/" + DEVICE + "/status", Map.of(), null, oldToken,
                businessShort, t, Map.of()).path("code").asInt(), "business calls need the full signature");
        assertEquals(0, api.sim().tokenRefreshes());

        // the connector's form: client id + t, its headers (the old access token, an empty Signature-Headers)
        JsonNode refreshed = api.caller().send("GET", refreshPath, Map.of(), null, oldToken, shortSign, t,
                Map.of("Signature-Headers", "", "Dev_lang", "Nodejs", "Dev_channel", "SaaSFramework"));
        assertTrue(refreshed.path("success").asBoolean(), refreshed.toString());
        assertEquals(1, api.sim().tokenRefreshes());
        String newToken = refreshed.path("result").path("access_token").asText();
        assertTrue(api.caller().call("GET", "/v1.0/devices/" + DEVICE + "/status", null, newToken).path("success")
                .asBoolean());
        assertEquals(1010,
                api.caller().call("GET", "/v1.0/devices/" + DEVICE + "/status", null, oldToken).path("code").asInt(),
                "the old access token is gone");

        // the full form (the binding's, tuya-iot-python-sdk's) still works on the new refresh token
        JsonNode again = api.caller().call("GET",
                "/v1.0/token/" + refreshed.path("result").path("refresh_token").asText(), null, null);
        assertTrue(again.path("success").asBoolean(), again.toString());
        assertEquals(2, api.sim().tokenRefreshes());
    }

    @Test
    void hlsAndRtspAddressesAreServedAndOtherTypesRefused() throws Exception {
        String token = api.accessToken();
        String allocate = "/v1.0/devices/" + DEVICE + "/stream/actions/allocate";
        for (String type : List.of("flv", "rtmp", "webrtc", "")) {
            JsonNode answer = api.caller().call("POST", allocate, "{\"type\":\"" + type + "\"}", token);
            assertFalse(answer.path("success").asBoolean(), type);
            assertEquals(1109, answer.path("code").asInt(), type);
            assertEquals("param is illegal", answer.path("msg").asText());
        }
        assertEquals(List.of(), api.sim().streamAllocations());

        String hls = api.caller().call("POST", allocate, "{\"type\":\"hls\"}", token).path("result").path("url")
                .asText();
        HttpResponse<String> playlist = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(hls)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, playlist.statusCode(), hls);
        assertTrue(playlist.body().startsWith("#EXTM3U"));

        JsonNode rtspAnswer = api.caller().call("POST", allocate, "{\"type\":\"rtsp\"}", token);
        String rtsp = rtspAnswer.path("result").path("url").asText();
        assertTrue(rtsp.startsWith("rtsps://127.0.0.1:"), rtsp);
        List<String> session = rtspSession(rtsp);
        assertEquals(List.of("OPTIONS 200", "DESCRIBE 200 application/sdp", "SETUP 200", "PLAY 200", "TEARDOWN 200"),
                session);

        // an address it never issued, and one that expired
        String unknown = rtsp.substring(0, rtsp.lastIndexOf('/') + 1) + "neverissued";
        assertEquals(List.of("OPTIONS 200", "DESCRIBE 404"), rtspSession(unknown).subList(0, 2));
        api.sim().streamLifetime = Duration.ZERO;
        String expired = api.caller().call("POST", allocate, "{\"type\":\"rtsp\"}", token).path("result").path("url")
                .asText();
        assertEquals("DESCRIBE 404", rtspSession(expired).get(1));
        assertEquals(List.of("hls:" + DEVICE, "rtsp:" + DEVICE, "rtsp:" + DEVICE), api.sim().streamAllocations());
    }

    /** OPTIONS, DESCRIBE, SETUP (TCP), PLAY and TEARDOWN over TLS with host-name check: "METHOD status [type]". */
    private static List<String> rtspSession(String url) throws IOException {
        URI uri = URI.create(url);
        List<String> results = new ArrayList<>();
        try (SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket(uri.getHost(), uri.getPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String session = "";
            int cseq = 0;
            for (String method : List.of("OPTIONS", "DESCRIBE", "SETUP", "PLAY", "TEARDOWN")) {
                String target = "SETUP".equals(method) ? url + "/trackID=0" : url;
                String extra = switch (method) {
                    case "SETUP" -> "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n";
                    case "DESCRIBE" -> "Accept: application/sdp\r\n";
                    default -> session.isEmpty() ? "" : "Session: " + session + "\r\n";
                };
                out.write((method + " " + target + " RTSP/1.0\r\nCSeq: " + ++cseq + "\r\n" + extra + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                String status = in.readLine();
                assertNotNull(status, method);
                String code = status.split(" ")[1];
                String type = "";
                int length = 0;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    String lower = line.toLowerCase();
                    if (lower.startsWith("content-type:")) {
                        type = " " + line.substring(13).trim();
                    } else if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    } else if (lower.startsWith("session:")) {
                        session = line.substring(8).trim().split(";")[0];
                    } else if (lower.startsWith("cseq:")) {
                        assertEquals(Integer.toString(cseq), line.substring(5).trim());
                    }
                }
                char[] body = new char[length];
                for (int read = 0; read < length;) {
                    int n = in.read(body, read, length - read);
                    assertTrue(n > 0, "body of " + method);
                    read += n;
                }
                if (length > 0) {
                    assertTrue(new String(body).contains("m=video"), new String(body));
                }
                results.add(method + " " + code + type);
                if (!"200".equals(code)) {
                    break;
                }
            }
        }
        return results;
    }
}
