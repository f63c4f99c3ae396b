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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * tuya-iot-python-sdk's sign-in ({@code TuyaOpenAPI.connect}) against the simulator over HTTP, in the request form of
 * the SDK's {@code openapi.py}: the body as Python's {@code json.dumps} writes it (", " and ": "), the MD5 (smart home
 * project) or SHA-256 (custom project) of the password in hex, signed over client id, t and the string to sign with
 * no access token (its {@code access_token} header empty), {@code lang} and the {@code dev_*} headers; then a device
 * call with the token, and the SDK's refresh ({@code GET /v1.0/token/{refresh_token}}, or {@code POST
 * /v1.0/iot-03/users/token/{refresh_token}} for custom projects) signed without the access token. A refused sign-in
 * must never answer 1010: the SDK signs in again on 1010, from within its sign-in, without end.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class PythonSdkSignInTest {
    private static final String DEVICE = "sdkpanel1";
    private static final String SMART_HOME_LOGIN = "/v1.0/iot-01/associated-users/actions/authorized-login";
    private static final Map<String, String> SDK_HEADERS = Map.of("lang", "en", "dev_lang", "python", "dev_version",
            "0.6.6", "dev_channel", "");

    @RegisterExtension
    final SimOpenApiExtension api = new SimOpenApiExtension(DEVICE);

    @BeforeEach
    void addAppAccount() {
        TuyaCloudSimulator cloud = api.sim();
        cloud.appLogin.username = "visitor@example.com";
        cloud.appLogin.password = "correct horse";
        cloud.appLogin.schema = "smartlife";
    }

    /** A request as the SDK sends it: signed with the access token it holds, or none ("" in the header). */
    private JsonNode sdk(String method, String path, @Nullable String body, String accessToken) throws Exception {
        SimOpenApiCaller c = api.caller();
        String t = SimOpenApiCaller.now();
        String sign = c.sign(method, path, Map.of(), body, accessToken.isEmpty() ? null : accessToken, t);
        return c.send(method, path, Map.of(), body, accessToken, sign, t, SDK_HEADERS);
    }

    private static String smartHomeBody(String username, String password, String schema) throws Exception {
        return "{\"username\": \"" + username + "\", \"password\": \"" + hex("MD5", password)
                + "\", \"country_code\": \"49\", \"schema\": \"" + schema + "\"}";
    }

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void smartHomeSignInThenDeviceCallsThenRefresh() throws Exception {
        JsonNode login = sdk("POST", SMART_HOME_LOGIN,
                smartHomeBody("visitor@example.com", "correct horse", "smartlife"), "");
        assertTrue(login.path("success").asBoolean(), login.toString());
        JsonNode result = login.path("result");
        assertEquals(api.sim().userId(), result.path("uid").asText());
        assertEquals(api.sim().baseUrl(), result.path("platform_url").asText());
        assertTrue(result.path("expire_time").asLong() > 0);
        assertTrue(login.path("t").asLong() > 0, "the SDK computes the expiry from the envelope's t");
        String accessToken = result.path("access_token").asText();
        String refreshToken = result.path("refresh_token").asText();
        assertFalse(accessToken.isEmpty() || refreshToken.isEmpty());

        JsonNode device = sdk("GET", "/v1.0/iot-03/devices/" + DEVICE, null, accessToken);
        assertTrue(device.path("success").asBoolean(), device.toString());
        assertEquals(DEVICE, device.path("result").path("id").asText());
        assertTrue(sdk("GET", "/v1.0/iot-03/devices/" + DEVICE + "/status", null, accessToken).path("success")
                .asBoolean());

        // the SDK empties its access token before it refreshes, so the refresh is signed without one
        JsonNode refreshed = sdk("GET", "/v1.0/token/" + refreshToken, null, "");
        assertTrue(refreshed.path("success").asBoolean(), refreshed.toString());
        assertEquals(1, api.sim().tokenRefreshes());
        String fresh = refreshed.path("result").path("access_token").asText();
        assertTrue(sdk("GET", "/v1.0/devices/" + DEVICE + "/status", null, fresh).path("success").asBoolean());
        assertEquals(1010, sdk("GET", "/v1.0/devices/" + DEVICE + "/status", null, accessToken).path("code").asInt());
    }

    @Test
    void refusedSignInsAnswerTheirOwnCodesNever1010() throws Exception {
        JsonNode wrongPassword = sdk("POST", SMART_HOME_LOGIN,
                smartHomeBody("visitor@example.com", "wrong horse", "smartlife"), "");
        assertEquals(2401, wrongPassword.path("code").asInt(), wrongPassword.toString());
        assertEquals("username or password wrong", wrongPassword.path("msg").asText());
        assertEquals(2401,
                sdk("POST", SMART_HOME_LOGIN, smartHomeBody("nobody@example.com", "correct horse", "smartlife"), "")
                        .path("code").asInt());
        JsonNode otherApp = sdk("POST", SMART_HOME_LOGIN,
                smartHomeBody("visitor@example.com", "correct horse", "tuyaSmart"), "");
        assertEquals(2406, otherApp.path("code").asInt(), otherApp.toString());
        assertEquals("skill id invalid", otherApp.path("msg").asText());
        assertEquals(1109,
                sdk("POST", SMART_HOME_LOGIN, "{\"username\": \"visitor@example.com\"}", "").path("code").asInt());
        assertEquals(1109, sdk("POST", SMART_HOME_LOGIN, null, "").path("code").asInt());

        // a signature over something else is refused before the password is looked at
        SimOpenApiCaller c = api.caller();
        assertNotNull(c);
        String body = smartHomeBody("visitor@example.com", "correct horse", "smartlife");
        String t = SimOpenApiCaller.now();
        String signedOtherBody = c.sign("POST", SMART_HOME_LOGIN, Map.of(), body + " ", null, t);
        assertEquals(1004, c.send("POST", SMART_HOME_LOGIN, Map.of(), body, "", signedOtherBody, t, SDK_HEADERS)
                .path("code").asInt());
        assertEquals(0, api.sim().tokenGrants(), "no token for a refused sign-in");
    }

    @Test
    void customProjectSignInAndRefresh() throws Exception {
        String body = "{\"username\": \"visitor@example.com\", \"password\": \"" + hex("SHA-256", "correct horse")
                + "\"}";
        JsonNode login = sdk("POST", "/v1.0/iot-03/users/login", body, "");
        assertTrue(login.path("success").asBoolean(), login.toString());
        String md5Instead = "{\"username\": \"visitor@example.com\", \"password\": \"" + hex("MD5", "correct horse")
                + "\"}";
        assertEquals(2401, sdk("POST", "/v1.0/iot-03/users/login", md5Instead, "").path("code").asInt());

        JsonNode refreshed = sdk("POST",
                "/v1.0/iot-03/users/token/" + login.path("result").path("refresh_token").asText(), null, "");
        assertTrue(refreshed.path("success").asBoolean(), refreshed.toString());
        String fresh = refreshed.path("result").path("access_token").asText();
        assertTrue(sdk("GET", "/v1.0/iot-03/devices/" + DEVICE, null, fresh).path("success").asBoolean());
        assertEquals(1010, sdk("POST", "/v1.0/iot-03/users/token/not-a-refresh-token", null, "").path("code").asInt());
    }
}
