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
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.OpenApiSigner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A simulated Tuya cloud for one cloud project and one linked app account: the signed OpenAPI over a real HTTP server
 * on loopback and the message service as a real MQTT broker. It checks what the real cloud checks — client id,
 * timestamp, HMAC-SHA256 signature over the exact bytes received, access token validity — and answers in Tuya's
 * envelope with Tuya's error codes. Lifetimes of tokens and MQTT credentials are settable down to seconds.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TuyaCloudSimulator implements AutoCloseable {
    public static final String DEFAULT_ACCESS_ID = "simaccessid0123456789";
    public static final String DEFAULT_ACCESS_SECRET = "simaccesssecret0123456789abcdefg";
    public static final String DEFAULT_USER_ID = "az1700000000000sim";
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** Switches that make the simulated cloud misbehave, as the real one sometimes does. */
    public static final class Faults {
        /** Every signature is answered with 1004 sign invalid. */
        public volatile boolean rejectSignatures;
        /** The {@code msg} of those refusals (a hostile cloud may put anything in it). */
        public volatile String signatureRefusal = "sign invalid";
        /** WebRTC configurations are answered with 28841101: the video service is not subscribed. */
        public volatile boolean videoServiceNotSubscribed;
        /** The open-hub access endpoint fails with a server error. */
        public volatile boolean openHubUnavailable;
        /** Only the v2 form of open-hub access ({@code /v2.0/open-iot-hub/access/config}) exists. */
        public volatile boolean openHubV1Gone;
    }

    /**
     * How a panel's call reaches clients of the message service. {@code dp-only}: the doorbell data point is all an
     * open-hub client sees of a press, 308 call messages reach app targets only (no public client shows anything
     * else; the default of the test suite). {@code open-hub-308}: every 308 call message of a panel also reaches every
     * open-hub ipc login, and their 308 replies reach the panel. Set by the system property
     * {@value #CALL_TRANSPORT_PROPERTY} or per simulator.
     */
    public enum CallTransport {
        DP_ONLY("dp-only"),
        OPEN_HUB_308("open-hub-308");

        public final String value;

        CallTransport(String value) {
            this.value = value;
        }

        /** The transport named by the system property, {@link #DP_ONLY} when unset. */
        public static CallTransport configured() {
            String name = System.getProperty(CALL_TRANSPORT_PROPERTY, DP_ONLY.value).trim();
            for (CallTransport transport : values()) {
                if (transport.value.equalsIgnoreCase(name) || transport.name().equalsIgnoreCase(name)) {
                    return transport;
                }
            }
            throw new IllegalArgumentException("unknown " + CALL_TRANSPORT_PROPERTY + ": " + name);
        }
    }

    public static final String CALL_TRANSPORT_PROPERTY = "tuya.sim.callTransport";

    private record Token(String accessToken, String refreshToken, Instant expiresAt, Instant refreshExpiresAt) {
    }

    /** MQTT access the simulator issued. */
    public record Credential(String linkId, String topics, String clientId, String username, String password,
            String sourceTopic, String sinkPrefix, String encryptionVersion, Instant expiresAt) {
    }

    public final Faults faults = new Faults();
    /**
     * Loss, delay, duplication and reordering of the messages between the binding and the panels, and dropped broker
     * connections; every fault off by default.
     */
    public final SimNetworkFaults network = new SimNetworkFaults(this::dropBindingConnections);
    /** Requests held before they are answered, for races with a request in flight; none by default. */
    public final SimRequestHold hold = new SimRequestHold();
    /**
     * Subscriptions to topics that contain the held text wait before the broker allows them, for races with a
     * connection that is accepted but not yet subscribed; none by default.
     */
    public final SimRequestHold subscriptions = new SimRequestHold();
    private final List<java.util.function.BiConsumer<String, byte[]>> bindingMessageListeners = new CopyOnWriteArrayList<>();
    /** Tuya's web client API (Tuya Smart account sign-in) on the same HTTP server. */
    public final SimSmartWeb smart;
    /** The sign-in of the linked app account through the OpenAPI (tuya-iot-python-sdk's {@code connect}). */
    public final SimAppLogin appLogin = new SimAppLogin(this);
    private final SimDeviceRoutes deviceRoutes = new SimDeviceRoutes(this);
    /** How panel calls reach open-hub clients; see {@link CallTransport}. */
    public volatile CallTransport callTransport = CallTransport.configured();
    private final List<java.util.function.BiConsumer<String, Map<String, Object>>> commandListeners = new CopyOnWriteArrayList<>();
    public volatile Duration tokenLifetime = Duration.ofHours(2);
    public volatile Duration mqttLifetime = Duration.ofHours(2);
    /**
     * Whether each MQTT credential set gets a client id of its own (the old and the new connection then overlap at a
     * switch); off (the default), the client id follows the link id (what the real cloud does is unknown), and the new
     * connection
     * evicts the old one.
     */
    public volatile boolean clientIdPerCredential;
    private final java.util.concurrent.atomic.AtomicInteger credentialCount = new java.util.concurrent.atomic.AtomicInteger();
    public volatile Duration clockTolerance = Duration.ofMinutes(15);
    /** Answer the device list as {@code {devices, has_more, last_row_key}} instead of a plain array. */
    public volatile boolean legacyDeviceList;
    /** The time of WebRTC configurations: when their TURN credentials and {@code auth} were issued and expire. */
    public volatile Clock clock = Clock.systemUTC();
    /** TURN credentials last this long ({@code ttl}; 3600 s in real responses). */
    public volatile Duration turnLifetime = Duration.ofHours(1);
    /** The {@code auth} of a WebRTC configuration lasts this long (its real lifetime is unknown). */
    public volatile Duration authLifetime = Duration.ofHours(1);
    private final Map<String, Instant> issuedAuth = new ConcurrentHashMap<>();
    private final Map<String, Instant> issuedTurn = new ConcurrentHashMap<>();
    private final AtomicInteger webrtcConfigs = new AtomicInteger();
    private final AtomicInteger v1OpenHubRequests = new AtomicInteger();
    private final AtomicInteger v2OpenHubRequests = new AtomicInteger();

    private final String accessId;
    private final String accessSecret;
    private final String userId;
    private final Map<String, SimDevice> devices = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final List<Credential> credentials = new CopyOnWriteArrayList<>();
    private final Map<String, Credential> connections = new ConcurrentHashMap<>();
    /** Admitting a connection and dropping an expired one happen one at a time ({@link #disconnectExpired}). */
    private final Object admission = new Object();
    private final Map<String, String> mqttUids = new ConcurrentHashMap<>();
    private final Map<String, byte[]> storage = new ConcurrentHashMap<>();
    private final Map<String, SimPanel> panels = new ConcurrentHashMap<>();
    private final Map<String, Instant> storageLinks = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger tokenGrants = new AtomicInteger();
    private final AtomicInteger tokenRefreshes = new AtomicInteger();
    /** Allocated live stream addresses: token → (device, type, valid until). */
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final List<String> streamAllocations = new CopyOnWriteArrayList<>();
    /** How long an allocated stream address is valid (the cloud's {@code expire_time}). */
    public volatile Duration streamLifetime = Duration.ofSeconds(30);
    /** Whether the allocation answer says how long the address lives. */
    public volatile boolean streamExpireTimeInAnswer = true;

    private record Stream(String deviceId, String type, Instant validUntil) {
    }

    /** Serves the {@code rtsps://} addresses; started with the first one. */
    private @Nullable SimRtspServer rtsp;

    /** HTTPS only, as the real cloud: OpenAPI, the web client API, pictures and streams, with SimTls's identity. */
    private final HttpsServer http;
    private final ExecutorService httpExecutor = Executors.newFixedThreadPool(4, daemon("sim-http"));
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(daemon("sim-expiry"));
    private final SimBroker broker;

    public TuyaCloudSimulator() throws IOException {
        this(DEFAULT_ACCESS_ID, DEFAULT_ACCESS_SECRET, DEFAULT_USER_ID);
    }

    public TuyaCloudSimulator(String accessId, String accessSecret, String userId) throws IOException {
        this.accessId = accessId;
        this.accessSecret = accessSecret;
        this.userId = userId;
        SimSecrets.record(accessSecret);
        this.broker = new SimBroker(new SimBroker.Access() {
            @Override
            public boolean mayConnect(String clientId, String username, String password) {
                return admit(clientId, username, password);
            }

            @Override
            public boolean mayRead(String topic, String username) {
                subscriptions.pass(topic);
                return credentials.stream()
                        .anyMatch(c -> c.username().equals(username) && c.sourceTopic().equals(topic));
            }

            @Override
            public boolean mayWrite(String topic, String username) {
                return credentials.stream().anyMatch(c -> c.username().equals(username)
                        && (topic.startsWith(c.sinkPrefix()) || "ipc".equals(c.topics()) && topic.startsWith("m/w/")));
            }
        });
        broker.onPublish(this::receiveFromBinding);
        this.http = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        http.setHttpsConfigurator(new HttpsConfigurator(SimTls.serverContext(SimTls.Identity.TRUSTED)));
        // the guard answers what the handlers throw (400, 500) and then closes the exchange
        http.createContext("/", new SimHttpGuard(this::handle));
        this.smart = new SimSmartWeb(this);
        http.createContext("/api/", new SimHttpGuard(exchange -> {
            requests.incrementAndGet();
            hold.pass(exchange.getRequestURI().getPath());
            smart.handle(exchange);
        }));
        http.setExecutor(httpExecutor);
    }

    /** Sets how panel calls reach open-hub clients. */
    public TuyaCloudSimulator transport(CallTransport transport) {
        this.callTransport = transport;
        return this;
    }

    public TuyaCloudSimulator start() throws IOException {
        broker.start();
        http.start();
        sweeper.scheduleWithFixedDelay(this::disconnectExpired, 200, 200, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        hold.release();
        subscriptions.release();
        network.close();
        synchronized (this) {
            SimRtspServer server = rtsp;
            if (server != null) {
                server.close();
            }
        }
        sweeper.shutdownNow();
        http.stop(0);
        httpExecutor.shutdownNow();
        broker.stop();
    }

    public String baseUrl() {
        return "https://127.0.0.1:" + http.getAddress().getPort();
    }

    public String accessId() {
        return accessId;
    }

    public String accessSecret() {
        return accessSecret;
    }

    public String userId() {
        return userId;
    }

    public SimBroker broker() {
        return broker;
    }

    public int requestCount() {
        return requests.get();
    }

    /** How many open-hub access requests came in the v1 and in the v2 form. */
    public int openHubRequests(int version) {
        return version == 2 ? v2OpenHubRequests.get() : v1OpenHubRequests.get();
    }

    /** How many WebRTC configurations were handed out. */
    public int webrtcConfigsIssued() {
        return webrtcConfigs.get();
    }

    /** Whether an {@code auth} of a WebRTC configuration is still valid now (by {@link #clock}). */
    public boolean authValid(String auth) {
        Instant expiry = issuedAuth.get(auth);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Whether a TURN user name and credential were issued together and are still valid now. */
    public boolean turnValid(String username, String credential) {
        Instant expiry = issuedTurn.get(username + "\n" + credential);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /**
     * Why the signalling server would refuse an offer: an expired or unknown {@code auth}, or TURN credentials in its
     * {@code token} list that expired; null when it is acceptable.
     */
    public @Nullable String offerRefusal(JsonNode msg) {
        if (!authValid(msg.path("auth").asText(""))) {
            return "auth expired or unknown";
        }
        for (JsonNode ice : msg.path("token")) {
            if (ice.path("urls").asText("").startsWith("turn")
                    && !turnValid(ice.path("username").asText(""), ice.path("credential").asText(""))) {
                return "TURN credential expired or unknown";
            }
        }
        return null;
    }

    /** How many tokens were issued with grant_type=1. */
    public int tokenGrants() {
        return tokenGrants.get();
    }

    /** The stream addresses allocated so far, as "type:device", oldest first. */
    public List<String> streamAllocations() {
        return List.copyOf(streamAllocations);
    }

    /** How many tokens were issued by refresh. */
    public int tokenRefreshes() {
        return tokenRefreshes.get();
    }

    /** Calls the listener with the device id and data points of every command a client sends. */
    public void onCommand(java.util.function.BiConsumer<String, Map<String, Object>> listener) {
        commandListeners.add(listener);
    }

    /** The ipc topics of connected clients with the target id each is called by (its MQTT uid). */
    public Map<String, String> ipcTargets() {
        Map<String, String> targets = new LinkedHashMap<>();
        for (Credential credential : credentials) {
            if ("ipc".equals(credential.topics())) {
                String topic = credential.sourceTopic();
                targets.put(topic.substring(topic.lastIndexOf('/') + 1), topic);
            }
        }
        return targets;
    }

    public synchronized SimDevice addDevice(SimDevice device) {
        SimSecrets.record(device.localKey);
        devices.put(device.id, device);
        return device;
    }

    public synchronized void removeDevice(String deviceId) {
        devices.remove(deviceId);
    }

    public synchronized List<SimDevice> devices() {
        return List.copyOf(devices.values());
    }

    /** Adds MQTT access issued elsewhere (the web client's {@code jarvis/mqtt}). */
    void addCredential(Credential credential) {
        credentials.add(credential);
    }

    /** A WebRTC configuration of a device as the OpenAPI gives it (the web API renames its fields). */
    ObjectNode webrtcConfigFor(SimDevice device) {
        return webrtcConfig(device);
    }

    public synchronized @Nullable SimDevice device(String deviceId) {
        return devices.get(deviceId);
    }

    public List<Credential> issuedCredentials() {
        return List.copyOf(credentials);
    }

    /** Makes every MQTT credential issued so far expire now; the broker drops their connections. */
    public void expireMqttCredentialsNow() {
        Instant now = Instant.now();
        credentials.replaceAll(c -> new Credential(c.linkId(), c.topics(), c.clientId(), c.username(), c.password(),
                c.sourceTopic(), c.sinkPrefix(), c.encryptionVersion(), now));
        connections.replaceAll((client, c) -> new Credential(c.linkId(), c.topics(), c.clientId(), c.username(),
                c.password(), c.sourceTopic(), c.sinkPrefix(), c.encryptionVersion(), now));
    }

    /** Makes every access token issued so far invalid (code 1010 on next use). */
    public void expireTokensNow() {
        tokens.clear();
    }

    /** Makes every access token issued so far expire now (code 1010 on next use); their refresh tokens stay valid. */
    public void expireAccessTokensNow() {
        Instant now = Instant.now();
        tokens.replaceAll((accessToken, token) -> new Token(token.accessToken(), token.refreshToken(), now,
                token.refreshExpiresAt()));
    }

    /** Reports data points of a device as the cloud does: encrypted, on every subscribed "device" topic. */
    public void publishDeviceStatus(String deviceId, Map<String, Object> dataPoints) {
        long t = System.currentTimeMillis();
        ObjectNode data = TuyaJson.object();
        data.put("devId", deviceId);
        data.put("productKey", "simprod");
        data.put("dataId", SimCrypto.randomToken(12));
        ArrayNode status = data.putArray("status");
        dataPoints.forEach((code, value) -> status.addObject().put("code", code).put("t", t).putPOJO("value", value));
        publishToDeviceTopics(4, data, t);
    }

    /**
     * Reports data point entries as they are ({@code {code, value, t}} with or without {@code "<dpId>": value}),
     * encrypted, on every subscribed "device" topic; the message's {@code t} is now.
     */
    public void publishDeviceEntries(String deviceId, ArrayNode entries) {
        ObjectNode data = TuyaJson.object();
        data.put("devId", deviceId);
        data.put("productKey", "simprod");
        data.put("dataId", SimCrypto.randomToken(12));
        data.set("status", entries);
        publishToDeviceTopics(4, data, System.currentTimeMillis());
    }

    /** Publishes any device message (e.g. protocol 43, or a protocol 20 event) with the message time {@code t}. */
    public void publishDeviceMessage(int protocol, ObjectNode data, long t) {
        publishToDeviceTopics(protocol, data, t);
    }

    /** Reports a device online or offline (protocol 20). */
    public void publishOnline(String deviceId, boolean online) {
        ObjectNode data = TuyaJson.object();
        data.put("bizCode", online ? "online" : "offline");
        data.putObject("bizData").put("devId", deviceId);
        data.put("devId", deviceId);
        publishToDeviceTopics(20, data, System.currentTimeMillis());
    }

    /**
     * Publishes a device message on each device topic, encrypted with the key of the newest credentials connected on
     * it (of the newest issued while none is connected).
     */
    private void publishToDeviceTopics(int protocol, ObjectNode data, long t) {
        Map<String, Credential> latest = new LinkedHashMap<>();
        Map<String, Credential> latestConnected = new LinkedHashMap<>();
        for (Credential credential : credentials) {
            if ("device".equals(credential.topics())) {
                latest.put(credential.sourceTopic(), credential);
                Credential connected = connections.get(credential.clientId());
                if (connected != null && connected.password().equals(credential.password())) {
                    latestConnected.put(credential.sourceTopic(), connected);
                }
            }
        }
        for (Map.Entry<String, Credential> topic : latest.entrySet()) {
            Credential connected = latestConnected.get(topic.getKey());
            Credential issued = topic.getValue();
            Credential sameClient = connections.get(issued.clientId());
            Credential key = connected != null ? connected : sameClient != null ? sameClient : issued;
            publishRawToDeviceTopic(key, protocol, TuyaJson.write(data), t);
        }
    }

    /** Publishes one encrypted device message with the given credential's key and version. */
    public void publishRawToDeviceTopic(Credential credential, int protocol, String json, long t) {
        ObjectNode message = TuyaJson.object();
        message.put("protocol", protocol);
        message.put("pv", "2.0");
        message.put("sign", SimCrypto.randomToken(32));
        message.put("t", t);
        message.put("data",
                SimCrypto.encryptDeviceData(json, credential.password(), credential.encryptionVersion(), t));
        byte[] payload = TuyaJson.write(message).getBytes(StandardCharsets.UTF_8);
        network.deliver(SimNetworkFaults.Direction.FROM_PANEL, protocol,
                () -> broker.publish(credential.sourceTopic(), payload));
    }

    /** Publishes a message on the ipc source topic of every client (as the signalling server relays a device's). */
    public void publishToIpcClients(String json) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (Credential credential : credentials) {
            if ("ipc".equals(credential.topics())) {
                topics.put(credential.sourceTopic(), credential.sourceTopic());
            }
        }
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        topics.keySet().forEach(topic -> network.deliver(SimNetworkFaults.Direction.FROM_PANEL, payload,
                () -> broker.publish(topic, payload)));
    }

    /** Publishes anything on a topic, e.g. malformed messages. */
    public void publishRaw(String topic, byte[] payload) {
        network.deliver(SimNetworkFaults.Direction.FROM_PANEL, payload, () -> broker.publish(topic, payload));
    }

    /**
     * Calls the listener with the topic and payload of every message a client (the binding) publishes, after the
     * {@link #network} faults: what a panel receives. {@link SimBroker#onPublish} sees them as they were sent.
     */
    public void onMessageFromBinding(java.util.function.BiConsumer<String, byte[]> listener) {
        bindingMessageListeners.add(listener);
    }

    private void receiveFromBinding(String topic, byte[] payload) {
        network.deliver(SimNetworkFaults.Direction.TO_PANEL, payload,
                () -> bindingMessageListeners.forEach(listener -> listener.accept(topic, payload)));
    }

    /** Drops the connection of every client that connected with access this simulator issued (the binding's). */
    private List<String> dropBindingConnections() {
        List<String> dropped = new ArrayList<>();
        for (String clientId : broker.connectedClients()) {
            if (connections.containsKey(clientId)) {
                broker.disconnect(clientId);
                dropped.add(clientId);
            }
        }
        return dropped;
    }

    private boolean admit(String clientId, String username, String password) {
        synchronized (admission) {
            Instant now = Instant.now();
            for (Credential credential : credentials) {
                if (credential.username().equals(username) && credential.password().equals(password)
                        && credential.clientId().equals(clientId) && now.isBefore(credential.expiresAt())) {
                    connections.put(clientId, credential);
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Drops the connections whose credential expired. The broker knows a connection only by its client id, which new
     * access may keep: the check and the drop happen with no admission in between, so the drop hits the connection of
     * the expired credential and never the one that has just replaced it.
     */
    private void disconnectExpired() {
        synchronized (admission) {
            Instant now = Instant.now();
            connections.forEach((clientId, credential) -> {
                if (!now.isBefore(credential.expiresAt()) && connections.remove(clientId, credential)) {
                    broker.disconnect(clientId);
                }
            });
        }
    }

    // ---------------------------------------------------------------------------------------------- OpenAPI

    /** Stores a file (e.g. an encrypted picture) in the simulated object storage. */
    public void store(String bucket, String path, byte[] bytes) {
        storage.put(bucket + path, bytes);
    }

    /** A pre-signed download link of a stored file, valid for a minute. */
    public String presignedUrl(String bucket, String path) {
        String signature = SimCrypto.randomToken(24);
        storageLinks.put(signature, Instant.now().plusSeconds(60));
        return baseUrl() + "/storage/" + bucket + path + "?X-Amz-Expires=60&X-Amz-Signature=" + signature;
    }

    private void handleStorage(HttpExchange exchange) throws IOException {
        String signature = parseQuery(exchange.getRequestURI().getRawQuery()).getOrDefault("X-Amz-Signature", "");
        Instant valid = storageLinks.get(signature);
        byte[] file = storage.get(exchange.getRequestURI().getPath().substring("/storage/".length()));
        int status = valid == null || Instant.now().isAfter(valid) ? 403 : file == null ? 404 : 200;
        byte[] body = status == 200 && file != null ? file : new byte[0];
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Serves an allocated HLS stream while its address is valid: {@code /stream/<token>/index.m3u8} (a small live
     * playlist) and {@code /stream/<token>/<n>.ts} (MPEG-TS null packets); 403 once the address expired.
     */
    private void handleStream(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        Stream stream = parts.length == 4 ? streams.get(parts[2]) : null;
        byte[] body = new byte[0];
        int status;
        if (stream == null || !"hls".equals(stream.type()) || Instant.now().isAfter(stream.validUntil())) {
            status = 403;
        } else if (parts[3].equals("index.m3u8")) {
            status = 200;
            long sequence = System.currentTimeMillis() / 2000;
            StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n")
                    .append("#EXT-X-MEDIA-SEQUENCE:").append(sequence).append('\n');
            for (long n = sequence; n < sequence + 3; n++) {
                playlist.append("#EXTINF:2.0,\n").append(n).append(".ts\n");
            }
            body = playlist.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.apple.mpegurl");
        } else if (parts[3].matches("\\d+\\.ts")) {
            status = 200;
            body = new byte[188 * 7];
            for (int i = 0; i < body.length; i += 188) {
                body[i] = 0x47;
                body[i + 1] = 0x1F;
                body[i + 2] = (byte) 0xFF;
                body[i + 3] = 0x10;
                java.util.Arrays.fill(body, i + 4, i + 188, (byte) 0xFF);
            }
            exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
        } else {
            status = 404;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * {@code POST /v1.0/devices/{id}/stream/actions/allocate {"type": "hls"|"rtsp"}} → {@code {url, expire_time}}: the
     * two types Tuya documents for this route, each served by the simulator while the address is valid (HLS over its
     * HTTP server, RTSP over TLS by {@link SimRtspServer}). Any other type ({@code flv}, {@code rtmp}, which only the
     * app-side route of the sharing API names) is refused with 1109 param is illegal, so no address is ever handed
     * out where nothing listens.
     */
    private ObjectNode allocateStream(String deviceId, @Nullable JsonNode body) {
        if (faults.videoServiceNotSubscribed) {
            return failure(28841101, "No permissions. This API is not subscribed.");
        }
        if (device(deviceId) == null) {
            return failure(1106, "permission deny");
        }
        String type = body == null ? "" : body.path("type").asText("");
        if (!List.of("hls", "rtsp").contains(type)) {
            return failure(1109, "param is illegal");
        }
        String token = SimCrypto.randomToken(24);
        String url;
        try {
            url = "hls".equals(type) ? baseUrl() + "/stream/" + token + "/index.m3u8"
                    : "rtsps://127.0.0.1:" + rtspServer().port() + "/v1/" + deviceId + "/" + token;
        } catch (IOException e) {
            return failure(500, "system error");
        }
        streams.put(token, new Stream(deviceId, type, Instant.now().plus(streamLifetime)));
        streamAllocations.add(type + ":" + deviceId);
        ObjectNode result = TuyaJson.object();
        result.put("url", url);
        if (streamExpireTimeInAnswer) {
            result.put("expire_time", Math.max(1, streamLifetime.toSeconds()));
        }
        return success(result);
    }

    private synchronized SimRtspServer rtspServer() throws IOException {
        SimRtspServer server = rtsp;
        if (server == null) {
            server = new SimRtspServer(token -> {
                Stream stream = streams.get(token);
                return stream != null && "rtsp".equals(stream.type()) && Instant.now().isBefore(stream.validUntil());
            });
            rtsp = server;
        }
        return server;
    }

    /** Registers the device side of a panel for the simulator's control endpoints ({@code /sim/…}). */
    public void registerPanel(SimPanel panel) {
        panels.put(panel.id, panel);
    }

    private void handleControl(HttpExchange exchange) throws IOException {
        String action = exchange.getRequestURI().getPath().substring("/sim/".length());
        String deviceId = parseQuery(exchange.getRequestURI().getRawQuery()).getOrDefault("device", "");
        SimPanel panel = panels.get(deviceId);
        String answer;
        int status = 200;
        if (panel == null) {
            status = 404;
            answer = "no simulated panel '" + deviceId + "'; known: " + panels.keySet() + "\n";
        } else {
            answer = switch (action) {
                case "ring" -> {
                    if (callTransport == CallTransport.OPEN_HUB_308) {
                        panel.publishDoorbellDataPoints("visitor at " + deviceId);
                    }
                    yield "ringing: session " + panel.pressCallButton(3, Duration.ofSeconds(30)) + "\n";
                }
                case "hangup" -> {
                    panel.hangUp();
                    panel.cancel();
                    yield "hung up\n";
                }
                default -> {
                    status = 404;
                    yield "actions: /sim/ring, /sim/hangup\n";
                }
            };
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Answers one request; the server's {@link SimHttpGuard} closes the exchange and answers what is thrown. */
    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (exchange.getRequestURI().getPath().startsWith("/storage/")) {
            handleStorage(exchange);
            return;
        }
        if (exchange.getRequestURI().getPath().startsWith("/stream/")) {
            handleStream(exchange);
            return;
        }
        if (exchange.getRequestURI().getPath().startsWith("/sim/")) {
            handleControl(exchange);
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            respond(exchange, 413, failure(1101, "request body too large"));
            return;
        }
        hold.pass(exchange.getRequestURI().getPath());
        respond(exchange, 200, answer(exchange, body));
    }

    private ObjectNode answer(HttpExchange exchange, byte[] body) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        String clientId = exchange.getRequestHeaders().getFirst("client_id");
        String sign = exchange.getRequestHeaders().getFirst("sign");
        String t = exchange.getRequestHeaders().getFirst("t");
        String nonce = exchange.getRequestHeaders().getFirst("nonce");
        String signMethod = exchange.getRequestHeaders().getFirst("sign_method");
        String accessToken = exchange.getRequestHeaders().getFirst("access_token");

        if (clientId == null || !clientId.equals(accessId)) {
            return failure(1005, "clientId invalid");
        }
        if (!OpenApiSigner.SIGN_METHOD.equals(signMethod)) {
            return failure(1004, "sign invalid");
        }
        if (t == null || !t.matches("\\d{13}")
                || Math.abs(System.currentTimeMillis() - Long.parseLong(t)) > clockTolerance.toMillis()) {
            return failure(1013, "request time is invalid");
        }
        boolean refreshCall = path.startsWith("/v1.0/token/");
        boolean tokenCall = path.equals("/v1.0/token") || refreshCall || SimAppLogin.isSignIn(path);
        Token token = null;
        if (!tokenCall) {
            token = accessToken == null ? null : tokens.get(accessToken);
            if (token == null || !Instant.now().isBefore(token.expiresAt())) {
                return failure(1010, "token invalid");
            }
        }
        String expected = OpenApiSigner.sign(accessId, accessSecret, tokenCall ? null : accessToken, t,
                nonce == null ? "" : nonce,
                OpenApiSigner.stringToSign(method, body, Map.of(), OpenApiSigner.canonicalUrl(path, query)));
        if (faults.rejectSignatures) {
            return failure(1004, faults.signatureRefusal);
        }
        // Tuya's Node connector signs its token refresh over client id and t alone (+ nonce, which it never sends)
        boolean refreshSignedShort = refreshCall && OpenApiSigner
                .matches(OpenApiSigner.sign(accessId, accessSecret, null, t, nonce == null ? "" : nonce, ""), sign);
        if (!OpenApiSigner.matches(expected, sign) && !refreshSignedShort) {
            return failure(1004, "sign invalid");
        }
        JsonNode json = null;
        if (body.length > 0) {
            try {
                json = TuyaJson.parse(new String(body, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return failure(1109, "param is illegal");
            }
        }
        return route(method, path, query, json);
    }

    private ObjectNode route(String method, String path, Map<String, String> query, @Nullable JsonNode body) {
        String[] p = path.split("/");
        if ("GET".equals(method) && path.equals("/v1.0/token")) {
            return "1".equals(query.get("grant_type")) ? success(issueToken()) : failure(1003, "grant type invalid");
        }
        if ("GET".equals(method) && path.startsWith("/v1.0/token/") && p.length == 4) {
            return refreshToken(p[3]);
        }
        if ("GET".equals(method) && p.length == 5 && path.startsWith("/v1.0/users/") && p[4].equals("devices")) {
            return p[3].equals(userId) ? success(listDevices(query)) : failure(1106, "permission deny");
        }
        if ("GET".equals(method) && p.length == 4 && path.startsWith("/v1.0/devices/")) {
            SimDevice device = device(p[3]);
            return device == null ? failure(1106, "permission deny") : success(deviceJson(device));
        }
        if ("GET".equals(method) && path.endsWith("/webrtc-configs")) {
            String deviceId = p[p.length - 2];
            if (path.startsWith("/v1.0/users/") && !p[3].equals(userId)) {
                return failure(1106, "permission deny");
            }
            if (faults.videoServiceNotSubscribed) {
                return failure(28841101, "No permissions. This API is not subscribed.");
            }
            SimDevice device = device(deviceId);
            return device == null ? failure(1106, "permission deny") : success(webrtcConfig(device));
        }
        if ("POST".equals(method) && (path.equals("/v1.0/open-hub/access/config")
                || path.equals("/v1.0/iot-03/open-hub/access-config"))) {
            v1OpenHubRequests.incrementAndGet();
            return faults.openHubV1Gone ? failure(1108, "uri path invalid") : openHubAccess(body);
        }
        if ("POST".equals(method) && path.equals("/v2.0/open-iot-hub/access/config")) {
            v2OpenHubRequests.incrementAndGet();
            if (body == null || !body.path("unique_id").isTextual()) {
                return failure(1109, "param is illegal");
            }
            ObjectNode v1 = body.deepCopy();
            v1.put("link_id", body.path("unique_id").asText());
            return openHubAccess(v1);
        }
        if ("GET".equals(method) && p.length == 5 && path.startsWith("/v1.0/devices/")
                && p[4].equals("movement-configs")) {
            String bucket = query.getOrDefault("bucket", "");
            String filePath = query.getOrDefault("file_path", "");
            if (device(p[3]) == null) {
                return failure(1106, "permission deny");
            }
            return storage.containsKey(bucket + filePath)
                    ? success(TuyaJson.MAPPER.getNodeFactory().textNode(presignedUrl(bucket, filePath)))
                    : failure(1000, "data not exist");
        }
        if ("POST".equals(method) && p.length == 7 && path.startsWith("/v1.0/devices/")
                && path.endsWith("/stream/actions/allocate")) {
            return allocateStream(p[3], body);
        }
        if ("POST".equals(method) && p.length == 6 && path.startsWith("/v1.0/iot-03/devices/")
                && p[5].equals("commands")) {
            return commands(p[4], body);
        }
        ObjectNode answer = SimAppLogin.isSignIn(path) ? appLogin.answer(method, path, body)
                : deviceRoutes.answer(method, p, body);
        return answer != null ? answer : failure(1108, "uri path invalid");
    }

    private ObjectNode issueToken() {
        tokenGrants.incrementAndGet();
        Instant now = Instant.now();
        Token token = new Token(SimCrypto.randomToken(32), SimCrypto.randomToken(32), now.plus(tokenLifetime),
                now.plus(tokenLifetime.multipliedBy(2)));
        tokens.put(token.accessToken(), token);
        return tokenJson(token);
    }

    private static void recordSecrets(Token token) {
        SimSecrets.record(token.accessToken());
        SimSecrets.record(token.refreshToken());
    }

    /** Issues a new access and refresh token (as {@code grant_type=1} does) and answers its {@code result}. */
    ObjectNode grantToken() {
        return issueToken();
    }

    ObjectNode refreshToken(String refreshToken) {
        Instant now = Instant.now();
        for (Token token : tokens.values()) {
            if (token.refreshToken().equals(refreshToken) && now.isBefore(token.refreshExpiresAt())) {
                tokens.remove(token.accessToken());
                tokenRefreshes.incrementAndGet();
                Token fresh = new Token(SimCrypto.randomToken(32), SimCrypto.randomToken(32), now.plus(tokenLifetime),
                        now.plus(tokenLifetime.multipliedBy(2)));
                tokens.put(fresh.accessToken(), fresh);
                return success(tokenJson(fresh));
            }
        }
        return failure(1010, "token invalid");
    }

    private ObjectNode tokenJson(Token token) {
        recordSecrets(token);
        ObjectNode result = TuyaJson.object();
        result.put("access_token", token.accessToken());
        result.put("refresh_token", token.refreshToken());
        result.put("uid", "bay1700000000sim");
        result.put("expire_time", Math.max(1, tokenLifetime.toSeconds()));
        return result;
    }

    /**
     * The user's devices: by default a plain JSON array paged with {@code page_no} (1-based) and {@code page_size},
     * as public clients read the real API; with {@link #legacyDeviceList} the {@code {devices, has_more,
     * last_row_key}} form paged with {@code last_row_key}.
     */
    private synchronized JsonNode listDevices(Map<String, String> query) {
        List<SimDevice> all = new ArrayList<>(devices.values());
        int size = Math.max(1, Math.min(100, parseInt(query.get("page_size"), 20)));
        if (!legacyDeviceList) {
            long pageNo = Math.max(1, parseInt(query.get("page_no"), 1));
            ArrayNode page = TuyaJson.MAPPER.createArrayNode();
            // long: a page number near Integer.MAX_VALUE must not wrap round to a negative index
            for (long i = (pageNo - 1) * size; i < Math.min(all.size(), pageNo * size); i++) {
                page.add(deviceJson(all.get((int) i)));
            }
            return page;
        }
        ObjectNode result = TuyaJson.object();
        int start = 0;
        String lastRowKey = query.getOrDefault("last_row_key", "");
        if (!lastRowKey.isEmpty()) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id.equals(lastRowKey)) {
                    start = i + 1;
                }
            }
        }
        ArrayNode list = result.putArray("devices");
        int end = Math.min(all.size(), start + size);
        for (int i = start; i < end; i++) {
            list.add(deviceJson(all.get(i)));
        }
        result.put("has_more", end < all.size());
        result.put("last_row_key", end > start ? all.get(end - 1).id : "");
        result.put("total", all.size());
        return result;
    }

    /** A device as the device list and {@code /v1.0/devices/{id}} give it. */
    ObjectNode deviceAsListed(SimDevice device) {
        return deviceJson(device);
    }

    private ObjectNode deviceJson(SimDevice device) {
        ObjectNode node = TuyaJson.object();
        node.put("id", device.id);
        node.put("name", device.name);
        node.put("uid", userId);
        node.put("local_key", device.localKey);
        node.put("category", device.category);
        node.put("product_id", device.productId);
        node.put("product_name", device.productName);
        node.put("online", device.online);
        node.put("icon", "smart/icon/sim.png");
        node.put("time_zone", "+01:00");
        if (!device.gatewayId.isEmpty()) {
            node.put("gateway_id", device.gatewayId);
            node.put("sub", true);
        }
        ArrayNode status = node.putArray("status");
        synchronized (this) {
            device.status.forEach((code, value) -> status.addObject().put("code", code).putPOJO("value", value));
        }
        return node;
    }

    private ObjectNode webrtcConfig(SimDevice device) {
        ObjectNode node = TuyaJson.object();
        node.put("id", device.id);
        node.put("moto_id", "moto_sim_01");
        webrtcConfigs.incrementAndGet();
        Instant now = clock.instant();
        String auth = "simauth" + SimCrypto.randomToken(24);
        issuedAuth.put(auth, now.plus(authLifetime));
        SimSecrets.record(auth);
        node.put("auth", auth);
        node.put("protocol_version", "2.2");
        node.put("supports_webrtc", device.supportsWebrtc);
        node.put("supports_webrtc_record", false);
        node.put("video_clarity", 2);
        ObjectNode p2p = node.putObject("p2p_config");
        ArrayNode ices = p2p.putArray("ices");
        ices.addObject().put("urls", "stun:127.0.0.1:3478");
        // like coturn's REST credentials: the user name starts with the expiry (epoch seconds)
        Instant turnExpiry = now.plus(turnLifetime);
        String turnUser = turnExpiry.getEpochSecond() + ":" + device.id + ":" + SimCrypto.randomToken(6);
        String turnCredential = SimCrypto.randomToken(28);
        SimSecrets.record(turnCredential);
        issuedTurn.put(turnUser + "\n" + turnCredential, turnExpiry);
        ices.addObject().put("urls", "turn:127.0.0.1:3478").put("username", turnUser).put("credential", turnCredential)
                .put("ttl", turnLifetime.toSeconds());
        ices.addObject().put("urls", "nat:127.0.0.1:3478");
        ObjectNode audio = node.putObject("audio_attributes");
        audio.putArray("call_mode").add(1).add(device.twoWayAudio ? 2 : 1);
        audio.putArray("hardware_capability").add(1).add(2);
        ObjectNode skill = TuyaJson.object();
        skill.put("webrtc", 0b111000);
        if (device.lowPower) {
            skill.put("lowPower", 1);
        }
        skill.putArray("audios").addObject().put("channels", 1).put("dataBit", 16).put("codecType", 106)
                .put("sampleRate", 8000);
        ArrayNode videos = skill.putArray("videos");
        videos.addObject().put("streamType", 2).put("codecType", device.videoCodecType).put("width", 1280)
                .put("height", 720).put("sampleRate", 90000);
        videos.addObject().put("streamType", 4).put("codecType", device.videoCodecType).put("width", 640)
                .put("height", 360).put("sampleRate", 90000);
        node.put("skill", TuyaJson.write(skill));
        return node;
    }

    private ObjectNode openHubAccess(@Nullable JsonNode body) {
        if (faults.openHubUnavailable) {
            return failure(500, "system error");
        }
        if (body == null) {
            return failure(1100, "param is empty");
        }
        String uid = body.path("uid").asText("");
        String linkId = body.path("link_id").asText("");
        String topics = body.path("topics").asText("");
        if (!uid.equals(userId)) {
            return failure(1106, "permission deny");
        }
        if (linkId.isEmpty() || !"mqtt".equals(body.path("link_type").asText(""))
                || !(topics.equals("ipc") || topics.equals("device"))) {
            return failure(1109, "param is illegal");
        }
        String version = body.path("msg_encrypted_version").asText("1.0");
        String mqttUid = mqttUids.computeIfAbsent(linkId, id -> "sim" + SimCrypto.randomToken(13));
        String sourceTopic = topics.equals("ipc") ? "/av/u/" + mqttUid : "cloud/token/in/" + mqttUid;
        String sinkTemplate = topics.equals("ipc") ? "/av/moto/moto_id/u/{device_id}" : "cloud/token/out/" + mqttUid;
        String sinkPrefix = topics.equals("ipc") ? "/av/moto/" : sinkTemplate;
        String clientId = "cloud_" + linkId + (clientIdPerCredential ? "_" + credentialCount.incrementAndGet() : "");
        Credential credential = new Credential(linkId, topics, clientId, "cloud_" + mqttUid, SimCrypto.randomToken(32),
                sourceTopic, sinkPrefix, version, Instant.now().plus(mqttLifetime));
        credentials.add(credential);
        SimSecrets.record(credential.password());
        ObjectNode result = TuyaJson.object();
        result.put("url", broker.url());
        result.put("client_id", credential.clientId());
        result.put("username", credential.username());
        result.put("password", credential.password());
        result.putObject("source_topic").put(topics, sourceTopic);
        result.putObject("sink_topic").put(topics, sinkTemplate);
        result.put("expire_time", Math.max(1, mqttLifetime.toSeconds()));
        return success(result);
    }

    /** Answers {@code {"commands":[{code, value}…]}} sent to a device. */
    ObjectNode command(String deviceId, @Nullable JsonNode body) {
        return commands(deviceId, body);
    }

    private ObjectNode commands(String deviceId, @Nullable JsonNode body) {
        SimDevice device = device(deviceId);
        if (device == null) {
            return failure(1106, "permission deny");
        }
        if (body == null || !body.path("commands").isArray() || body.path("commands").isEmpty()) {
            return failure(1109, "param is illegal");
        }
        Map<String, Object> reported = new LinkedHashMap<>();
        synchronized (this) {
            for (JsonNode command : body.path("commands")) {
                String code = command.path("code").asText("");
                if (!device.status.containsKey(code)) {
                    return failure(2008, "command or value not support");
                }
                Object value = TuyaJson.MAPPER.convertValue(command.path("value"), Object.class);
                device.status.put(code, value);
                reported.put(code, value);
            }
        }
        publishDeviceStatus(deviceId, reported);
        commandListeners.forEach(listener -> listener.accept(deviceId, reported));
        return success(TuyaJson.MAPPER.getNodeFactory().booleanNode(true));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static ObjectNode success(JsonNode result) {
        ObjectNode envelope = TuyaJson.object();
        envelope.put("success", true);
        envelope.set("result", result);
        envelope.put("t", System.currentTimeMillis());
        envelope.put("tid", SimCrypto.randomToken(32));
        return envelope;
    }

    static ObjectNode failure(int code, String msg) {
        ObjectNode envelope = TuyaJson.object();
        envelope.put("success", false);
        envelope.put("code", code);
        envelope.put("msg", msg);
        envelope.put("t", System.currentTimeMillis());
        envelope.put("tid", SimCrypto.randomToken(32));
        return envelope;
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode envelope) throws IOException {
        byte[] bytes = TuyaJson.write(envelope).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, String> parseQuery(@Nullable String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static int parseInt(@Nullable String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
