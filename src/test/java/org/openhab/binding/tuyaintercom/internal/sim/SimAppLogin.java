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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sign-in of an app account through the OpenAPI, as tuya-iot-python-sdk's {@code TuyaOpenAPI.connect} does it:
 * {@code POST /v1.0/iot-01/associated-users/actions/authorized-login {username, password: hex(MD5), country_code,
 * schema}} for the app account linked to the cloud project ("smart home" projects), {@code POST
 * /v1.0/iot-03/users/login {username, password: hex(SHA-256)}} for "custom" projects, and the custom refresh
 * {@code POST /v1.0/iot-03/users/token/{refresh_token}}. All three are signed like token calls (no access token). A
 * sign-in answers {@code {access_token, refresh_token, expire_time, uid, platform_url}} (the shape of a logged real
 * answer); a wrong user name or password 2401 "username or password wrong", an app schema other than the account's
 * 2406 "skill id invalid" (the codes users of the SDK report), a body without them 1109 "param is illegal".
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimAppLogin {
    static final String SMART_HOME_LOGIN = "/v1.0/iot-01/associated-users/actions/authorized-login";
    static final String CUSTOM_LOGIN = "/v1.0/iot-03/users/login";
    static final String CUSTOM_REFRESH = "/v1.0/iot-03/users/token/";

    /** The app account's user name (e-mail or phone number). */
    public volatile String username = "visitor@example.com";
    /** The app account's password (the simulator compares its MD5 or SHA-256). */
    public volatile String password = "sim-app-password";
    /** The app the account belongs to: {@code tuyaSmart} or {@code smartlife}. */
    public volatile String schema = "tuyaSmart";

    private final TuyaCloudSimulator cloud;

    SimAppLogin(TuyaCloudSimulator cloud) {
        this.cloud = cloud;
    }

    /** Whether the path is one of the sign-in routes, which take no access token. */
    static boolean isSignIn(String path) {
        return path.equals(SMART_HOME_LOGIN) || path.equals(CUSTOM_LOGIN)
                || path.startsWith(CUSTOM_REFRESH) && path.length() > CUSTOM_REFRESH.length();
    }

    /** The answer to a request on a sign-in route whose signature was checked, or null for another method. */
    @Nullable
    ObjectNode answer(String method, String path, @Nullable JsonNode body) {
        if (!"POST".equals(method)) {
            return null;
        }
        if (path.startsWith(CUSTOM_REFRESH)) {
            return cloud.refreshToken(path.substring(CUSTOM_REFRESH.length()));
        }
        boolean smartHome = path.equals(SMART_HOME_LOGIN);
        String user = body == null ? "" : body.path("username").asText("");
        String hash = body == null ? "" : body.path("password").asText("");
        if (user.isEmpty() || hash.isEmpty() || smartHome && body != null && !body.path("schema").isTextual()) {
            return TuyaCloudSimulator.failure(1109, "param is illegal");
        }
        String expected = hex(smartHome ? "MD5" : "SHA-256", password);
        if (!user.equals(username) || !expected.equalsIgnoreCase(hash)) {
            return TuyaCloudSimulator.failure(2401, "username or password wrong");
        }
        if (smartHome && body != null && !schema.equalsIgnoreCase(body.path("schema").asText(""))) {
            return TuyaCloudSimulator.failure(2406, "skill id invalid");
        }
        ObjectNode result = cloud.grantToken();
        result.put("uid", cloud.userId());
        result.put("platform_url", cloud.baseUrl());
        return TuyaCloudSimulator.success(result);
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
