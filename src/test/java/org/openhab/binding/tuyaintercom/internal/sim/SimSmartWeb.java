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
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The simulator's side of Tuya's web client for cameras ({@code protect-*.ismartlife.me}): sign-in with a login token
 * and an RSA-encrypted password (decrypted and checked here), a cookie session with an expiry, the home and room device
 * lists, {@code jarvis/config} and {@code jarvis/mqtt} (an MQTT credential per session, valid until the session ends,
 * that may read only its own {@code /av/u/<msid>}), and the sign-in by QR code ({@code login/security/QCtoken},
 * {@code login/poll}) with test controls for the app's side: scan, confirm, refuse, cancel; codes expire after
 * {@link #qrLifetime}. Its error codes are the simulator's own: the real ones are not
 * documented (see {@code SmartApiException.classify}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimSmartWeb {
    public static final String DEFAULT_USER = "intercom@example.com";
    public static final String DEFAULT_PASSWORD = "sim-Passw0rd!tuya";
    public static final String SESSION_COOKIE = "SID";

    /** Switches for failures. */
    public static final class Faults {
        /** Every password is wrong. */
        public volatile boolean wrongPassword;
        /** Sign-ins are refused as when the cloud wants a captcha. */
        public volatile boolean refuseLogin;
        /** The {@code errorMsg} of those refusals (a hostile cloud may put anything in it). */
        public volatile String captchaMessage = "please verify with the captcha";
        /** The password sign-in's requests answer HTTP 503, as in an outage of that service; the rest works. */
        public volatile boolean signInUnavailable;
    }

    private record Account(String password, String uid, boolean smartLife) {
    }

    private record Session(String account, Instant expiresAt) {
    }

    /** Where a QR code of the sign-in stands (the real cloud's answers before the confirmation are not public). */
    public enum QrState {
        WAITING,
        SCANNED,
        APPROVED,
        REFUSED,
        CANCELLED
    }

    private static final class QrCode {
        final Instant expiresAt;
        volatile QrState state = QrState.WAITING;
        volatile String account = "";

        QrCode(Instant expiresAt) {
            this.expiresAt = expiresAt;
        }
    }

    public final Faults faults = new Faults();
    /** How long a session (and its MQTT credential) lives. */
    public volatile Duration sessionLifetime = Duration.ofHours(48);
    /** How long a QR code of the sign-in can be scanned and confirmed. */
    public volatile Duration qrLifetime = Duration.ofSeconds(60);
    /**
     * Whether a request of the session ({@code /api/customized/web/app/info}) renews its cookies for another
     * {@link #sessionLifetime} (whether the real cloud does is not known).
     */
    public volatile boolean renewOnRequest;
    /** Wrong passwords in a row after which an account is locked (as real services do). */
    public volatile int lockAfter = 5;

    private final TuyaCloudSimulator cloud;
    private final KeyPair keys;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Instant> loginTokens = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, QrCode> qrCodes = new ConcurrentHashMap<>();
    private volatile String latestQr = "";
    private final Map<String, AtomicInteger> wrongTries = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger loginAttempts = new AtomicInteger();
    private final AtomicInteger unavailableAnswers = new AtomicInteger();
    private final List<String> paths = java.util.Collections.synchronizedList(new ArrayList<>());

    SimSmartWeb(TuyaCloudSimulator cloud) {
        this.cloud = cloud;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        addAccount(DEFAULT_USER, DEFAULT_PASSWORD, false);
    }

    /** Adds an app account; a Smart Life account is refused by the web client. */
    public void addAccount(String user, String password, boolean smartLife) {
        SimSecrets.record(password);
        accounts.put(user, new Account(password, "az17" + SimCrypto.randomToken(14), smartLife));
    }

    /** Successful sign-ins so far. */
    public int logins() {
        return logins.get();
    }

    /** Sign-in requests answered 503 by {@link Faults#signInUnavailable}. */
    public int unavailableAnswers() {
        return unavailableAnswers.get();
    }

    /** Password sign-in requests so far (successful or not). */
    public int loginAttempts() {
        return loginAttempts.get();
    }

    /** The paths requested so far. */
    public List<String> requestedPaths() {
        return List.copyOf(paths);
    }

    /** QR codes of the sign-in issued so far. */
    public int qrCodesIssued() {
        return qrCodes.size();
    }

    /** The token of the QR code issued last (empty before the first). */
    public String latestQrToken() {
        return latestQr;
    }

    /** The app scans the latest QR code (it then waits for the confirmation). */
    public void scanQr() {
        qr().state = QrState.SCANNED;
    }

    /** The app scans the latest QR code and confirms the sign-in of the account. */
    public void approveQr(String user) {
        QrCode code = qr();
        code.account = user;
        code.state = QrState.APPROVED;
    }

    /** The app refuses the sign-in of the latest QR code. */
    public void refuseQr() {
        qr().state = QrState.REFUSED;
    }

    /** The app scanned the latest QR code, then the sign-in was cancelled. */
    public void cancelQr() {
        qr().state = QrState.CANCELLED;
    }

    private QrCode qr() {
        QrCode code = qrCodes.get(latestQr);
        if (code == null) {
            throw new IllegalStateException("no QR code issued");
        }
        return code;
    }

    /** Ends every session now (the broker drops their MQTT connections too). */
    public void expireSessionsNow() {
        sessions.replaceAll((id, s) -> new Session(s.account(), Instant.now()));
        cloud.expireMqttCredentialsNow();
    }

    /** Answers one request; the server's {@link SimHttpGuard} closes the exchange. */
    void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(TuyaCloudSimulator.MAX_BODY_BYTES + 1);
        }
        String path = exchange.getRequestURI().getPath();
        paths.add(path);
        if (faults.signInUnavailable && ("/api/login/token".equals(path) || path.startsWith("/api/private/"))) {
            unavailableAnswers.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        ObjectNode answer;
        if (!"POST".equals(exchange.getRequestMethod()) || body.length > TuyaCloudSimulator.MAX_BODY_BYTES) {
            answer = failure("PARAM_ILLEGAL", "bad request");
        } else {
            JsonNode json = TuyaJson.object();
            if (body.length > 0) {
                try {
                    json = TuyaJson.parse(new String(body, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    json = TuyaJson.object();
                }
            }
            answer = route(exchange, path, json);
        }
        byte[] bytes = TuyaJson.write(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ObjectNode route(HttpExchange exchange, String path, JsonNode body) {
        switch (path) {
            case "/api/login/token":
                return loginToken(body);
            case "/api/private/email/login":
                return login(exchange, body.path("email").asText(""), body);
            case "/api/private/phone/login":
                return login(exchange, body.path("mobile").asText(""), body);
            case "/api/login/security/QCtoken":
                return qrToken();
            case "/api/login/poll":
                return qrPoll(exchange, body);
            default:
                break;
        }
        Session session = session(exchange);
        if (session == null) {
            return failure("USER_SESSION_LOSS", "session invalid, please login again");
        }
        Account account = accounts.get(session.account());
        if (account == null) {
            return failure("USER_SESSION_LOSS", "session invalid, please login again");
        }
        return switch (path) {
            case "/api/new/common/homeList" -> success(TuyaJson.object().arrayNode().add(
                    TuyaJson.object().put("gid", 4711).put("id", 4711).put("name", "Home").put("uid", account.uid())));
            case "/api/new/common/roomList" -> rooms(body);
            case "/api/new/playback/shareList" -> {
                ObjectNode result = TuyaJson.object();
                result.putArray("securityWebCShareInfoList");
                yield success(result);
            }
            case "/api/jarvis/config" -> jarvisConfig(body);
            case "/api/jarvis/mqtt" -> jarvisMqtt(session);
            case "/api/customized/web/app/info" -> appInfo(exchange, session);
            default -> failure("API_NOT_FOUND", "unknown api");
        };
    }

    private ObjectNode loginToken(JsonNode body) {
        if (body.path("username").asText("").isEmpty() || body.path("countryCode").asText("").isEmpty()) {
            return failure("PARAM_ILLEGAL", "username and countryCode required");
        }
        String token = SimCrypto.randomToken(32);
        loginTokens.put(token, Instant.now().plusSeconds(60));
        String key = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        ObjectNode result = TuyaJson.object();
        result.put("token", token);
        result.put("pbKey", key);
        result.put("publicKey", key);
        result.put("exponent", "65537");
        return success(result);
    }

    private ObjectNode login(HttpExchange exchange, String user, JsonNode body) {
        loginAttempts.incrementAndGet();
        Instant tokenExpiry = loginTokens.remove(body.path("token").asText(""));
        if (tokenExpiry == null || Instant.now().isAfter(tokenExpiry)) {
            return failure("LOGIN_TOKEN_INVALID", "token invalid");
        }
        if (faults.refuseLogin) {
            return failure("USER_LOGIN_NEED_CAPTCHA", faults.captchaMessage);
        }
        Account account = accounts.get(user);
        if (account == null) {
            return failure("USER_NOT_EXISTS", "account does not exist");
        }
        AtomicInteger tries = wrongTries.computeIfAbsent(user, u -> new AtomicInteger());
        if (tries.get() >= lockAfter) {
            return failure("USER_LOCKED_TOO_MANY_TRIES", "too many wrong passwords, account locked");
        }
        if (account.smartLife()) {
            return failure("SMART_LIFE_ACCOUNT_NOT_SUPPORTED", "please use the Tuya Smart app account");
        }
        if (body.path("ifencrypt").asInt(0) != 1 || faults.wrongPassword
                || !md5Hex(account.password()).equals(decrypt(body.path("passwd").asText("")))) {
            tries.incrementAndGet();
            return failure("USER_PASSWD_WRONG", "wrong password");
        }
        tries.set(0);
        return startSession(exchange, user, account, body.path("countryCode").asText(""));
    }

    /**
     * The QR code's token: what the app scans as {@code tuyaSmart--qrLogin?token=<token>}. The answer's shape is
     * tuya-ipc-terminal's ({@code result} is the token itself).
     */
    private ObjectNode qrToken() {
        String token = SimCrypto.randomToken(32);
        SimSecrets.record(token);
        qrCodes.put(token, new QrCode(Instant.now().plus(qrLifetime)));
        latestQr = token;
        return success(TuyaJson.object().textNode(token));
    }

    /**
     * A poll of the QR sign-in: the sign-in's result (as after the password) once the app confirmed it, else an error
     * whose code and message are the simulator's own (the real ones are not public).
     */
    private ObjectNode qrPoll(HttpExchange exchange, JsonNode body) {
        String token = body.path("token").asText("");
        QrCode code = qrCodes.get(token);
        if (code == null || Instant.now().isAfter(code.expiresAt)) {
            return failure("QR_CODE_EXPIRED", "the QR code has expired");
        }
        return switch (code.state) {
            case WAITING -> failure("QR_WAITING", "waiting for the app");
            case SCANNED -> failure("QR_SCANNED", "scanned, waiting for the confirmation in the app");
            case REFUSED -> {
                qrCodes.put(token, new QrCode(Instant.MIN));
                yield failure("QR_LOGIN_REFUSED", "the sign-in was refused in the app");
            }
            case CANCELLED -> {
                qrCodes.put(token, new QrCode(Instant.MIN));
                yield failure("QR_LOGIN_CANCELLED", "the sign-in was cancelled in the app");
            }
            case APPROVED -> {
                qrCodes.put(token, new QrCode(Instant.MIN)); // a code signs in once
                Account account = accounts.get(code.account);
                if (account == null || account.smartLife()) {
                    yield failure("USER_NOT_EXISTS", "account does not exist");
                }
                yield startSession(exchange, code.account, account, "EU");
            }
        };
    }

    /** A request of the session; renews its cookies when {@link #renewOnRequest}. */
    private ObjectNode appInfo(HttpExchange exchange, Session session) {
        if (renewOnRequest) {
            for (Map.Entry<String, Session> entry : sessions.entrySet()) {
                if (entry.getValue().equals(session)) {
                    Session renewed = new Session(session.account(), Instant.now().plus(sessionLifetime));
                    sessions.put(entry.getKey(), renewed);
                    exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + entry.getKey()
                            + "; Path=/; Max-Age=" + Math.max(1, sessionLifetime.toSeconds()) + "; HttpOnly; Secure");
                }
            }
        }
        return success(TuyaJson.object().put("appId", 1).put("appName", "Tuya Smart").put("clientId", "simweb"));
    }

    private ObjectNode startSession(HttpExchange exchange, String user, Account account, String countryCode) {
        String sid = "sid" + SimCrypto.randomToken(29);
        String csrf = "csrf" + SimCrypto.randomToken(20);
        SimSecrets.record(sid);
        SimSecrets.record(csrf);
        sessions.put(sid, new Session(user, Instant.now().plus(sessionLifetime)));
        logins.incrementAndGet();
        long maxAge = Math.max(1, sessionLifetime.toSeconds());
        exchange.getResponseHeaders().add("Set-Cookie",
                SESSION_COOKIE + "=" + sid + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; Secure");
        exchange.getResponseHeaders().add("Set-Cookie", "csrf-token=" + csrf + "; Path=/; Max-Age=" + maxAge);
        ObjectNode result = TuyaJson.object();
        result.put("uid", account.uid());
        result.put("email", user.contains("@") ? user : "");
        ObjectNode domain = result.putObject("domain");
        // the broker as the real domain block names it: a host name its certificate names, the MQTT-over-TLS port,
        // and the HTTPS port of its WebSocket/TLS service (443 at the real cloud)
        domain.put("mobileMqttsUrl", cloud.broker().host());
        domain.put("mqttsPort", cloud.broker().sslPort());
        domain.put("httpsPort", cloud.broker().wssPort());
        domain.put("regionCode", countryCode);
        return success(result);
    }

    private @Nullable Session session(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.trim().split("=", 2);
                if (pair.length == 2 && SESSION_COOKIE.equals(pair[0])) {
                    Session session = sessions.get(pair[1]);
                    if (session != null && Instant.now().isBefore(session.expiresAt())) {
                        return session;
                    }
                }
            }
        }
        return null;
    }

    private ObjectNode rooms(JsonNode body) {
        if (!"4711".equals(body.path("homeId").asText(""))) {
            return failure("PARAM_ILLEGAL", "unknown home");
        }
        ArrayNode rooms = TuyaJson.object().arrayNode();
        ObjectNode room = rooms.addObject().put("roomId", "r1").put("roomName", "Hall");
        ArrayNode list = room.putArray("deviceList");
        for (SimDevice device : cloud.devices()) {
            list.addObject().put("deviceId", device.id).put("deviceName", device.name).put("category", device.category)
                    .put("productId", device.productId).put("uuid", "uuid" + device.id).put("p2pType", 4);
        }
        room.put("deviceCount", list.size());
        return success(rooms);
    }

    /**
     * The {@code clientTraceId} go2rtc sends: {@code %x} of {@code rand.Int63()}, lower-case hex of a non-negative
     * number (at most 63 bits: 16 digits only when the first is below 8).
     */
    static final java.util.regex.Pattern GO2RTC_TRACE_ID = java.util.regex.Pattern
            .compile("[1-9a-f][0-9a-f]{0,14}|[1-7][0-9a-f]{15}|0");

    /** The OpenAPI's WebRTC configuration with the web API's camel-case names, plus the local key. */
    private ObjectNode jarvisConfig(JsonNode body) {
        SimDevice device = cloud.device(body.path("devId").asText(""));
        if (device == null || !GO2RTC_TRACE_ID.matcher(body.path("clientTraceId").asText("")).matches()) {
            return failure("DEVICE_NOT_EXISTS", "device not found");
        }
        ObjectNode open = cloud.webrtcConfigFor(device);
        ObjectNode result = TuyaJson.object();
        result.put("id", device.id);
        result.put("motoId", open.path("moto_id").asText());
        result.put("auth", open.path("auth").asText());
        result.put("supportsWebrtc", open.path("supports_webrtc").asBoolean());
        result.put("protocolVersion", open.path("protocol_version").asText());
        result.put("skill", open.path("skill").asText());
        result.put("localKey", device.localKey);
        result.set("p2pConfig", open.path("p2p_config"));
        result.set("audioAttributes", open.path("audio_attributes"));
        return success(result);
    }

    private ObjectNode jarvisMqtt(Session session) {
        String msid = "websim" + SimCrypto.randomToken(12);
        String password = SimCrypto.randomToken(24);
        cloud.addCredential(new TuyaCloudSimulator.Credential("web", "ipc", "web_" + msid, "web_" + msid, password,
                "/av/u/" + msid, "/av/moto/", "1.0", session.expiresAt()));
        SimSecrets.record(password);
        return success(TuyaJson.object().put("msid", msid).put("password", password));
    }

    private String decrypt(String hex) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.DECRYPT_MODE, keys.getPrivate());
            return new String(cipher.doFinal(HexFormat.of().parseHex(hex)), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "";
        }
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode success(JsonNode result) {
        ObjectNode envelope = TuyaJson.object();
        envelope.put("success", true);
        envelope.set("result", result);
        envelope.put("t", System.currentTimeMillis());
        return envelope;
    }

    private static ObjectNode failure(String code, String msg) {
        ObjectNode envelope = TuyaJson.object();
        envelope.put("success", false);
        envelope.put("errorCode", code);
        envelope.put("errorMsg", msg);
        envelope.put("t", System.currentTimeMillis());
        return envelope;
    }
}
