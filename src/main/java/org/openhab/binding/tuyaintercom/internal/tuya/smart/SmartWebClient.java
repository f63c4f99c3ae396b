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
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>
 * No lock is held while a request waits for its answer: the session is a {@link SmartSession} replaced whole, so
 * {@link #signedIn()}, {@link #uid()} and the like answer at once even while a sign-in is under way. Sign-ins with the
 * password run one at a time; a caller that wants one while one is under way waits for that one's outcome (at most
 * {@link #SIGN_IN_WAIT}) instead of signing in again.
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
    /** How long a caller waits for the sign-in under way: its two requests, each bounded, and some slack. */
    static final Duration SIGN_IN_WAIT = REQUEST_TIMEOUT.multipliedBy(2).plusSeconds(10);
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
    private static final String SESSION_PUBLISH_TOPIC = "/av/moto/moto_id/u/{device_id}";

    private final String baseUrl;
    private final String countryCode;
    private final String userName;
    private final String password;
    private final HttpClient http;
    private final Clock clock;

    private final AtomicLong sessionIds = new AtomicLong();
    /** The current session: read without a lock; replaced whole (never changed) by whoever changes it. */
    private final AtomicReference<SmartSession> session = new AtomicReference<>(SmartSession.none(0));
    /** Guards {@link #signingIn} and {@link #lastSignIn}; never held while a request waits for its answer. */
    private final Object signInGuard = new Object();
    /** The password sign-in under way, if any: its outcome for the callers that wait for it. */
    private @Nullable CompletableFuture<@Nullable Void> signingIn;
    private Instant lastSignIn = Instant.MIN;

    public SmartWebClient(String baseUrl, String countryCode, String userName, String password, HttpClient http,
            Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.countryCode = countryCode;
        this.userName = userName.trim();
        this.password = password;
        this.http = http;
        this.clock = clock;
    }

    /**
     * Signs in: a login token with an RSA public key, then the encrypted password; keeps the session cookies. The new
     * session replaces the current one once it is signed in (until then the current one serves). After a failed
     * sign-in there is none, except when it failed for a {@link #isTransient transient} reason: then the current
     * session, if any, serves on until its end. While another sign-in is under way, waits for it (at most
     * {@link #SIGN_IN_WAIT}) and
     * has its outcome instead of signing in again.
     */
    public void login() throws SmartApiException {
        signIn(null);
    }

    /**
     * Signs in with the password, or waits for the sign-in under way. With {@code stale}, the session a request found
     * ended: nothing is done when a later session is signed in, nor when the last sign-in began less than
     * {@link #MIN_RELOGIN_INTERVAL} ago.
     *
     * @return whether a session later than {@code stale} is signed in (true after a sign-in)
     */
    private boolean signIn(@Nullable SmartSession stale) throws SmartApiException {
        CompletableFuture<@Nullable Void> flight = new CompletableFuture<>();
        CompletableFuture<@Nullable Void> running;
        Instant started = clock.instant();
        long replacing;
        synchronized (signInGuard) {
            running = signingIn;
            SmartSession current = session.get();
            replacing = current.id();
            if (running == null) {
                if (stale != null && current.id() != stale.id() && current.signedIn(started)) {
                    return true;
                }
                if (stale != null && started.isBefore(lastSignIn.plus(MIN_RELOGIN_INTERVAL))) {
                    return false;
                }
                lastSignIn = started;
                signingIn = flight;
            }
        }
        if (running != null) {
            awaitSignIn(running);
            return true;
        }
        try {
            SmartSession signedIn = signInWithPassword(started);
            SmartSession previous = session.getAndUpdate(s -> s.id() == replacing ? signedIn : s);
            if (previous.id() != replacing) {
                throw new SmartApiException(Kind.SESSION, "signed out during the sign-in");
            }
            flight.complete(null);
            return true;
        } catch (SmartApiException | RuntimeException e) {
            if (stale != null || !isTransient(e)) {
                session.set(SmartSession.none(sessionIds.incrementAndGet()));
            } // else: a renewal that could not reach the cloud leaves the session it was to replace until its end
            flight.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (signInGuard) {
                signingIn = null;
            }
        }
    }

    /** The requests of a sign-in with the password, with cookies of their own: the signed-in session. */
    private SmartSession signInWithPassword(Instant started) throws SmartApiException {
        AtomicReference<SmartSession> jar = new AtomicReference<>(SmartSession.none(sessionIds.incrementAndGet()));
        ObjectNode tokenRequest = TuyaJson.object().put("countryCode", countryCode).put("username", userName)
                .put("isUid", false);
        JsonNode token = post("/api/login/token", tokenRequest, true, jar);
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
        JsonNode result = post(email ? "/api/private/email/login" : "/api/private/phone/login", login, true, jar);
        return jar.get().signedInAs(result.path("uid").asText(""), mqttUrls(result.path("domain")), started,
                clock.instant(), DEFAULT_SESSION);
    }

    /**
     * Whether a failure says nothing about the account or the session: the cloud could not be reached, or answered
     * something the client does not understand. Signing in again later may succeed.
     */
    public static boolean isTransient(Exception e) {
        return e instanceof SmartApiException failure
                && (failure.kind() == Kind.NETWORK || failure.kind() == Kind.OTHER);
    }

    /** Waits for the sign-in under way (bounded) and throws its failure. */
    private static void awaitSignIn(CompletableFuture<@Nullable Void> running) throws SmartApiException {
        try {
            running.get(SIGN_IN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause()instanceof SmartApiException failure) {
                throw new SmartApiException(failure.kind(), String.valueOf(failure.getMessage()));
            }
            throw new SmartApiException(Kind.OTHER, "the sign-in failed");
        } catch (TimeoutException e) {
            throw new SmartApiException(Kind.NETWORK, "the sign-in under way took too long");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmartApiException(Kind.NETWORK, "interrupted");
        }
    }

    /**
     * Starts a sign-in by QR code: a new code token (the QR code's text is {@link QrPollAnswer#qrText(String)}). The
     * session, if any, is forgotten; the cookies this answer sets are kept for the polls.
     */
    public String qrToken() throws SmartApiException {
        session.set(SmartSession.none(sessionIds.incrementAndGet()));
        return QrPollAnswer.token(post("/api/login/security/QCtoken", null, true, session));
    }

    /**
     * Asks whether the QR code was scanned and confirmed. Once it was, the client is signed in as after
     * {@link #login()} (uid, broker addresses, session cookies), unless a new code was fetched meanwhile. A network
     * failure is thrown.
     */
    public QrPollAnswer.State pollQr(String token) throws SmartApiException {
        SmartSession sent = session.get();
        JsonNode result;
        try {
            result = post("/api/login/poll", TuyaJson.object().put("token", token), true, session);
        } catch (SmartApiException e) {
            if (e.kind() == Kind.NETWORK) {
                throw e;
            }
            return QrPollAnswer.ofError(String.valueOf(e.getMessage()));
        }
        QrPollAnswer.State state = QrPollAnswer.ofResult(result);
        if (state == QrPollAnswer.State.SIGNED_IN) {
            String account = result.path("uid").asText("");
            List<String> urls = mqttUrls(result.path("domain"));
            Instant now = clock.instant();
            session.updateAndGet(s -> s.id() == sent.id() ? s.signedInAs(account, urls, now, now, DEFAULT_SESSION) : s);
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
        SmartSession before = session.updateAndGet(SmartSession::withoutCookieExpiry);
        post("/api/customized/web/app/info", null, false, session);
        Instant now = clock.instant();
        while (true) { // until no other change (e.g. cookies of another answer) came between
            SmartSession after = session.get();
            Instant expiry = after.cookieExpiry();
            if (after.id() != before.id() || expiry == null || !expiry.isAfter(before.expiresAt())) {
                return false;
            }
            if (session.compareAndSet(after, after.renewedUntil(expiry, now))) {
                return true;
            }
        }
    }

    /**
     * The session (cookies, end, uid, broker addresses) as text to keep across restarts: it is a secret, like a
     * password; empty when not signed in.
     */
    public String sessionState() {
        SmartSession current = session.get();
        if (!current.signedIn(clock.instant())) {
            return "";
        }
        ObjectNode state = TuyaJson.object();
        ObjectNode jar = state.putObject("cookies");
        current.cookies().forEach(jar::put);
        state.put("expires", current.expiresAt().getEpochSecond());
        state.put("uid", current.uid());
        current.mqttUrls().forEach(state.putArray("mqttUrls")::add);
        return TuyaJson.write(state);
    }

    /** Takes a session kept by {@link #sessionState()}; false (and nothing changed) if it is unusable or over. */
    public boolean restoreSession(String state) {
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
        session.set(new SmartSession(sessionIds.incrementAndGet(), Collections.unmodifiableMap(jar), null, expires,
                clock.instant(), json.path("uid").asText(""), List.copyOf(urls)));
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
    public void logout() {
        session.set(SmartSession.none(sessionIds.incrementAndGet()));
    }

    /** Whether the session is signed in and not over; never waits (not even for a sign-in under way). */
    public boolean signedIn() {
        return session.get().signedIn(clock.instant());
    }

    public Instant sessionExpiresAt() {
        return session.get().expiresAt();
    }

    /** When to sign in anew: a fifth of the session's lifetime (at most an hour, at least a second) before its end. */
    public Instant renewAt() {
        return session.get().renewAt();
    }

    /** The account's uid from the sign-in answer. */
    public String uid() {
        return session.get().uid();
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

    /**
     * The MQTT access of the web client: client id and user {@code web_<msid>}, topic {@code /av/u/<msid>}. The
     * credential is taken to end with the session whose cookies asked for it (the simulator's cloud ends it then), even
     * when a renewal replaced that session while the answer was on its way.
     */
    public MqttAccessConfig mqttAccess() throws SmartApiException {
        Instant asked = clock.instant();
        Answer answer = send("/api/jarvis/mqtt", null);
        JsonNode result = answer.result();
        String msid = result.path("msid").asText("");
        String mqttPassword = result.path("password").asText("");
        List<String> urls = answer.session().mqttUrls();
        Instant expiresAt = answer.session().expiresAt();
        if (msid.isEmpty() || mqttPassword.isEmpty() || urls.isEmpty()) {
            throw new SmartApiException(Kind.OTHER, "no MQTT access in the answer of jarvis/mqtt or the sign-in");
        }
        Instant now = clock.instant();
        return new MqttAccessConfig(urls.get(0), "web_" + msid, "web_" + msid, mqttPassword,
                Map.of("ipc", "/av/u/" + msid), Map.of("ipc", SESSION_PUBLISH_TOPIC), asked,
                expiresAt.isAfter(now) ? expiresAt : now.plusSeconds(1), "1.0", urls.subList(1, urls.size()));
    }

    /**
     * A request of the signed-in session; on a session error signs in again once with the password (or waits for the
     * sign-in under way) and repeats it (without a password, signed in by QR code, the session error is thrown).
     */
    public JsonNode call(String path, @Nullable JsonNode body) throws SmartApiException {
        return send(path, body).result();
    }

    /** {@link #call}, with the session the answered request was sent with. */
    private Answer send(String path, @Nullable JsonNode body) throws SmartApiException {
        SmartSession sent = session.get();
        if (!sent.signedIn(clock.instant())) {
            if (password.isEmpty()) {
                throw new SmartApiException(Kind.SESSION, "the session has ended: sign in with a QR code again");
            }
            signIn(sent);
            sent = session.get();
        }
        try {
            return exchange(path, body, false, session);
        } catch (SmartApiException e) {
            if (e.kind() != Kind.SESSION || password.isEmpty() || !signIn(sent)) {
                throw e;
            }
            return exchange(path, body, false, session);
        }
    }

    /** An answer's {@code result} and the session its request was sent with. */
    private record Answer(JsonNode result, SmartSession session) {
    }

    private JsonNode post(String path, @Nullable JsonNode body, boolean login, AtomicReference<SmartSession> jar)
            throws SmartApiException {
        return exchange(path, body, login, jar).result();
    }

    /**
     * A request with the cookies of {@code jar}'s session; the cookies of the answer go into that session (not into
     * one that replaced it meanwhile).
     */
    private Answer exchange(String path, @Nullable JsonNode body, boolean login, AtomicReference<SmartSession> jar)
            throws SmartApiException {
        byte[] bytes = body == null ? new byte[0] : TuyaJson.write(body).getBytes(StandardCharsets.UTF_8);
        Request request = http.newRequest(baseUrl + path).method(HttpMethod.POST)
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "*/*")
                .header("Origin", baseUrl).content(new BytesContentProvider(bytes));
        SmartSession sent = jar.get();
        String cookieHeader = sent.cookieHeader();
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
        Instant now = clock.instant();
        jar.updateAndGet(s -> s.id() == sent.id() ? s.withCookies(setCookies, now) : s);
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
        return new Answer(envelope.path("result"), sent);
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
