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
package org.openhab.binding.tuyaintercom.internal.tuya.smart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Cipher;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.BytesContentProvider;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.openhab.binding.tuyaintercom.internal.tuya.BoundedHttp;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartApiException.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tuya's web client for cameras (the regional {@code protect-*.ismartlife.me} hosts), signed in with the e-mail (or
 * phone number) and password of a Tuya Smart app account: sign-in with an RSA-encrypted password, a cookie session,
 * the device lists of the homes, the WebRTC configuration of a device ({@code jarvis/config}) and the MQTT access of
 * the web client ({@code jarvis/mqtt}).
 * <p>
 * The password leaves this class only RSA-encrypted in the sign-in request; neither it nor the session cookies are
 * ever part of a message, exception or {@link #toString()}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class SmartWebClient {
    /** How long a session lives when the cookies do not say (about two days, as public clients assume). */
    public static final Duration DEFAULT_SESSION = Duration.ofHours(48);
    /** An automatic re-sign-in after a session error is not tried more often than this. */
    static final Duration MIN_RELOGIN_INTERVAL = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
    private static final String SESSION_PUBLISH_TOPIC = "/av/moto/moto_id/u/{device_id}";

    private final String baseUrl;
    private final String countryCode;
    private final String userName;
    private final String password;
    private final HttpClient http;
    private final Clock clock;

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private @Nullable Instant cookieExpiry;
    private Instant sessionExpiresAt = Instant.MIN;
    private Instant lastLogin = Instant.MIN;
    private String uid = "";
    private List<String> mqttUrls = List.of();

    public SmartWebClient(String baseUrl, String countryCode, String userName, String password, HttpClient http,
            Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.countryCode = countryCode;
        this.userName = userName.trim();
        this.password = password;
        this.http = http;
        this.clock = clock;
    }

    /** Signs in: a login token with an RSA public key, then the encrypted password; keeps the session cookies. */
    public synchronized void login() throws SmartApiException {
        cookies.clear();
        cookieExpiry = null;
        sessionExpiresAt = Instant.MIN;
        lastLogin = clock.instant();
        ObjectNode tokenRequest = TuyaJson.object().put("countryCode", countryCode).put("username", userName)
                .put("isUid", false);
        JsonNode token = post("/api/login/token", tokenRequest, true);
        String loginToken = token.path("token").asText("");
        String publicKey = token.path("pbKey").asText(token.path("publicKey").asText(""));
        if (loginToken.isEmpty() || publicKey.isEmpty()) {
            throw new SmartApiException(Kind.OTHER, "the login token answer has no token or public key");
        }
        boolean email = userName.contains("@");
        ObjectNode login = TuyaJson.object().put("countryCode", countryCode);
        login.put(email ? "email" : "mobile", userName);
        login.put("passwd", encryptPassword(password, publicKey)).put("token", loginToken).put("ifencrypt", 1)
                .put("options", "{\"group\":1}");
        JsonNode result = post(email ? "/api/private/email/login" : "/api/private/phone/login", login, true);
        uid = result.path("uid").asText("");
        mqttUrls = mqttUrls(result.path("domain"));
        Instant now = clock.instant();
        Instant expiry = cookieExpiry;
        sessionExpiresAt = expiry != null ? expiry : now.plus(DEFAULT_SESSION);
    }

    /**
     * Starts a sign-in by QR code: a new code token (the QR code's text is {@link QrPollAnswer#qrText(String)}). The
     * session, if any, is forgotten; the cookies this answer sets are kept for the polls.
     */
    public String qrToken() throws SmartApiException {
        synchronized (this) {
            cookies.clear();
            cookieExpiry = null;
            sessionExpiresAt = Instant.MIN;
        }
        return QrPollAnswer.token(post("/api/login/security/QCtoken", null, true));
    }

    /**
     * Asks whether the QR code was scanned and confirmed. Once it was, the client is signed in as after
     * {@link #login()} (uid, broker addresses, session cookies). A network failure is thrown.
     */
    public QrPollAnswer.State pollQr(String token) throws SmartApiException {
        JsonNode result;
        try {
            result = post("/api/login/poll", TuyaJson.object().put("token", token), true);
        } catch (SmartApiException e) {
            if (e.kind() == Kind.NETWORK) {
                throw e;
            }
            return QrPollAnswer.ofError(String.valueOf(e.getMessage()));
        }
        QrPollAnswer.State state = QrPollAnswer.ofResult(result);
        if (state == QrPollAnswer.State.SIGNED_IN) {
            synchronized (this) {
                uid = result.path("uid").asText("");
                mqttUrls = mqttUrls(result.path("domain"));
                lastLogin = clock.instant();
                Instant expiry = cookieExpiry;
                sessionExpiresAt = expiry != null ? expiry : lastLogin.plus(DEFAULT_SESSION);
            }
        }
        return state;
    }

    /**
     * Keeps a session without a password (QR sign-in): a request of the session; when its answer renews the cookies
     * with a later end, the session lasts until then.
     *
     * @return whether the session now ends later than before
     */
    public boolean refreshSession() throws SmartApiException {
        Instant before;
        synchronized (this) {
            before = sessionExpiresAt;
            cookieExpiry = null;
        }
        post("/api/customized/web/app/info", null, false);
        synchronized (this) {
            Instant expiry = cookieExpiry;
            if (expiry != null && expiry.isAfter(before)) {
                lastLogin = clock.instant();
                sessionExpiresAt = expiry;
                return true;
            }
            return false;
        }
    }

    /**
     * The session (cookies, end, uid, broker addresses) as text to keep across restarts: it is a secret, like a
     * password; empty when not signed in.
     */
    public synchronized String sessionState() {
        if (!signedIn()) {
            return "";
        }
        ObjectNode state = TuyaJson.object();
        ObjectNode jar = state.putObject("cookies");
        cookies.forEach(jar::put);
        state.put("expires", sessionExpiresAt.getEpochSecond());
        state.put("uid", uid);
        mqttUrls.forEach(state.putArray("mqttUrls")::add);
        return TuyaJson.write(state);
    }

    /** Takes a session kept by {@link #sessionState()}; false (and nothing changed) if it is unusable or over. */
    public synchronized boolean restoreSession(String state) {
        JsonNode json;
        try {
            json = TuyaJson.parse(state);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Instant expires = Instant.ofEpochSecond(Math.max(0, json.path("expires").asLong(0)));
        Map<String, String> jar = new LinkedHashMap<>();
        json.path("cookies").fields().forEachRemaining(e -> jar.put(e.getKey(), e.getValue().asText("")));
        List<String> urls = new ArrayList<>();
        json.path("mqttUrls").forEach(url -> urls.add(url.asText("")));
        if (jar.isEmpty() || jar.containsValue("") || !clock.instant().isBefore(expires)) {
            return false;
        }
        cookies.clear();
        cookies.putAll(jar);
        sessionExpiresAt = expires;
        lastLogin = clock.instant();
        uid = json.path("uid").asText("");
        mqttUrls = List.copyOf(urls);
        return true;
    }

    /**
     * The broker addresses of the web client, in the order to try them: MQTT over TLS,
     * {@code ssl://<mobileMqttsUrl>:<mqttsPort>}, as go2rtc connects since November 2025, then MQTT over
     * WebSocket/TLS, {@code wss://<mobileMqttsUrl>/mqtt}, its earlier form (still tuya-ipc-terminal's), on the HTTPS
     * port the sign-in names (443 when it names none).
     */
    static List<String> mqttUrls(JsonNode domain) {
        String host = domain.path("mobileMqttsUrl").asText("").trim();
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.-]+")) {
            return List.of();
        }
        int mqttsPort = port(domain.path("mqttsPort"), 8883);
        int httpsPort = port(domain.path("httpsPort"), 443);
        return List.of("ssl://" + host + ":" + mqttsPort,
                "wss://" + host + (httpsPort == 443 ? "" : ":" + httpsPort) + "/mqtt");
    }

    private static int port(JsonNode value, int otherwise) {
        int port = value.asInt(otherwise);
        return port > 0 && port <= 65535 ? port : otherwise;
    }

    /** Forgets the session (cookies) without a request. */
    public synchronized void logout() {
        cookies.clear();
        sessionExpiresAt = Instant.MIN;
    }

    public synchronized boolean signedIn() {
        return !cookies.isEmpty() && clock.instant().isBefore(sessionExpiresAt);
    }

    public synchronized Instant sessionExpiresAt() {
        return sessionExpiresAt;
    }

    /** When to sign in anew: a fifth of the session's lifetime (at most an hour, at least a second) before its end. */
    public synchronized Instant renewAt() {
        long lifetime = Math.max(1, Duration.between(lastLogin, sessionExpiresAt).toMillis());
        long margin = Math.max(1000, Math.min(Duration.ofHours(1).toMillis(), lifetime / 5));
        return sessionExpiresAt.minusMillis(Math.min(margin, lifetime / 2));
    }

    /** The account's uid from the sign-in answer. */
    public synchronized String uid() {
        return uid;
    }

    /** The devices of all homes (by room) and the devices shared with the account. */
    public List<DeviceInfo> devices() throws SmartApiException {
        Map<String, DeviceInfo> devices = new LinkedHashMap<>();
        for (JsonNode home : call("/api/new/common/homeList", null)) {
            String homeId = home.path("gid").asText(home.path("id").asText(""));
            if (homeId.isEmpty()) {
                continue;
            }
            for (JsonNode room : call("/api/new/common/roomList", TuyaJson.object().put("homeId", homeId))) {
                for (JsonNode device : room.path("deviceList")) {
                    addDevice(devices, device);
                }
            }
        }
        JsonNode shared = call("/api/new/playback/shareList", null);
        for (JsonNode share : shared.path("securityWebCShareInfoList")) {
            for (JsonNode device : share.path("deviceInfoList")) {
                addDevice(devices, device);
            }
        }
        return new ArrayList<>(devices.values());
    }

    private void addDevice(Map<String, DeviceInfo> devices, JsonNode node) {
        String id = node.path("deviceId").asText("");
        if (!id.isEmpty()) {
            devices.putIfAbsent(id,
                    new DeviceInfo(id, node.path("deviceName").asText(""), node.path("category").asText(""),
                            node.path("productId").asText(""), node.path("productName").asText(""),
                            node.path("online").asBoolean(true), uid(), "", Map.of()));
        }
    }

    /** The WebRTC configuration of a device and its local key. */
    public record DeviceWebRtc(WebRtcConfig config, String localKey) {
        @Override
        public String toString() {
            return config.toString();
        }
    }

    public DeviceWebRtc webRtcConfig(String deviceId) throws SmartApiException {
        JsonNode result = call("/api/jarvis/config",
                TuyaJson.object().put("devId", deviceId).put("clientTraceId", clientTraceId()));
        // the web API names the fields of the OpenAPI's configuration in camel case
        ObjectNode shape = TuyaJson.object();
        shape.put("id", result.path("id").asText(deviceId));
        shape.put("moto_id", result.path("motoId").asText(""));
        shape.put("auth", result.path("auth").asText(""));
        shape.put("supports_webrtc", result.path("supportsWebrtc").asBoolean(false));
        shape.put("skill", result.path("skill").asText(""));
        shape.set("p2p_config", result.path("p2pConfig").deepCopy());
        shape.set("audio_attributes", result.path("audioAttributes").deepCopy());
        return new DeviceWebRtc(WebRtcConfig.from(shape), result.path("localKey").asText(""));
    }

    /**
     * A new {@code clientTraceId} in go2rtc's form ({@code fmt.Sprintf("%x", rand.Int63())}): the lower-case hex of a
     * random non-negative 63-bit number, never of a negative one.
     */
    static String clientTraceId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    /** The MQTT access of the web client: client id and user {@code web_<msid>}, topic {@code /av/u/<msid>}. */
    public MqttAccessConfig mqttAccess() throws SmartApiException {
        JsonNode result = call("/api/jarvis/mqtt", null);
        String msid = result.path("msid").asText("");
        String mqttPassword = result.path("password").asText("");
        List<String> urls;
        Instant expiresAt;
        synchronized (this) {
            urls = mqttUrls;
            expiresAt = sessionExpiresAt;
        }
        if (msid.isEmpty() || mqttPassword.isEmpty() || urls.isEmpty()) {
            throw new SmartApiException(Kind.OTHER, "no MQTT access in the answer of jarvis/mqtt or the sign-in");
        }
        Instant now = clock.instant();
        return new MqttAccessConfig(urls.get(0), "web_" + msid, "web_" + msid, mqttPassword,
                Map.of("ipc", "/av/u/" + msid), Map.of("ipc", SESSION_PUBLISH_TOPIC), now,
                expiresAt.isAfter(now) ? expiresAt : now.plusSeconds(1), "1.0", urls.subList(1, urls.size()));
    }

    /**
     * A request of the signed-in session; on a session error signs in again once with the password and repeats it
     * (without a password, signed in by QR code, the session error is thrown).
     */
    public JsonNode call(String path, @Nullable JsonNode body) throws SmartApiException {
        synchronized (this) {
            if (!signedIn() && password.isEmpty()) {
                throw new SmartApiException(Kind.SESSION, "the session has ended: sign in with a QR code again");
            }
            if (!signedIn() && reloginAllowed()) {
                login();
            }
        }
        try {
            return post(path, body, false);
        } catch (SmartApiException e) {
            if (e.kind() != Kind.SESSION) {
                throw e;
            }
            synchronized (this) {
                if (password.isEmpty() || !reloginAllowed()) {
                    throw e;
                }
                login();
            }
            return post(path, body, false);
        }
    }

    private boolean reloginAllowed() {
        return !clock.instant().isBefore(lastLogin.plus(MIN_RELOGIN_INTERVAL));
    }

    private JsonNode post(String path, @Nullable JsonNode body, boolean login) throws SmartApiException {
        byte[] bytes = body == null ? new byte[0] : TuyaJson.write(body).getBytes(StandardCharsets.UTF_8);
        Request request = http.newRequest(baseUrl + path).method(HttpMethod.POST)
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "*/*")
                .header("Origin", baseUrl).content(new BytesContentProvider(bytes));
        String cookieHeader = cookieHeader();
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        // the session cookies are this account's: kept here, never in the shared client's cookie store
        List<String> setCookies = new ArrayList<>();
        request.onResponseHeader((response, field) -> {
            if (field.getHeader() == HttpHeader.SET_COOKIE) {
                setCookies.add(field.getValue());
                return false;
            }
            return true;
        });
        ContentResponse response;
        try {
            response = BoundedHttp.send(request, REQUEST_TIMEOUT, MAX_RESPONSE_BYTES);
        } catch (IOException e) {
            throw new SmartApiException("request " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmartApiException(Kind.NETWORK, "interrupted");
        }
        keepCookies(setCookies);
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            throw new SmartApiException(login ? Kind.REFUSED : Kind.SESSION, path + ": HTTP " + status);
        }
        if (status != 200) {
            throw new SmartApiException(Kind.NETWORK, path + ": HTTP " + status);
        }
        JsonNode envelope;
        try {
            envelope = TuyaJson.parse(new String(response.getContent(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SmartApiException(Kind.OTHER, path + ": not a JSON answer");
        }
        if (!envelope.path("success").asBoolean(false)) {
            String code = envelope.path("errorCode").asText(envelope.path("code").asText(""));
            String msg = envelope.path("errorMsg").asText(envelope.path("msg").asText(""));
            throw new SmartApiException(SmartApiException.classify(code, msg, login),
                    path + ": " + code + (msg.isEmpty() ? "" : " (" + msg + ")"));
        }
        return envelope.path("result");
    }

    private synchronized String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> {
            if (header.length() > 0) {
                header.append("; ");
            }
            header.append(name).append('=').append(value);
        });
        return header.toString();
    }

    private synchronized void keepCookies(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            Long maxAge = null;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                if (attribute.startsWith("max-age=")) {
                    try {
                        maxAge = Long.parseLong(attribute.substring(8).trim());
                    } catch (NumberFormatException e) {
                        // ignored: the default lifetime applies
                    }
                }
            }
            if (value.isEmpty() || maxAge != null && maxAge <= 0) {
                cookies.remove(name);
                continue;
            }
            cookies.put(name, value);
            if (maxAge != null) {
                Instant expiry = clock.instant().plusSeconds(maxAge);
                Instant known = cookieExpiry;
                cookieExpiry = known == null || expiry.isBefore(known) ? expiry : known;
            }
        }
    }

    /** The password as the sign-in wants it: MD5 (hex) of it, RSA (PKCS#1 v1.5) encrypted with the key, hex. */
    static String encryptPassword(String password, String publicKeyBase64) throws SmartApiException {
        try {
            String md5 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8)));
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(publicKeyBase64)));
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return HexFormat.of().formatHex(cipher.doFinal(md5.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SmartApiException(Kind.OTHER, "cannot encrypt the password: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "SmartWebClient[" + baseUrl + "]";
    }
}
