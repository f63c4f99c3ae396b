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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The device side of a video intercom panel: its 308 call logic (calls the app targets with a deadline, waits for
 * ring, reacts to answer / reject / busy / cancel, tells other callees {@code already_answered}, echoes heartbeats
 * and drops a call after the heartbeat timeout, takes calls from apps), its doorbell data points with an encrypted
 * picture, and its lock data point.
 * <p>
 * With {@link TuyaCloudSimulator.CallTransport#DP_ONLY} a press publishes the reports of {@link SimRings#sources}, and
 * the panel's
 * 308 messages never reach an open-hub client (they go to app targets the simulator does not model); the panel still
 * answers WebRTC offers (302), and hanging up on the panel ends its media sessions with a 302 {@code disconnect}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimPanel implements AutoCloseable {
    /** What the panel does when an app calls it. */
    public enum Incoming {
        ANSWER,
        REJECT,
        BUSY,
        RING_ONLY
    }

    /** A call message the panel received from an app. */
    public record Received(String event, String from, String sessionId, String reason) {
    }

    public final String id;
    public volatile Incoming incoming = Incoming.ANSWER;
    public volatile Duration answerDelay = Duration.ofMillis(100);
    public volatile boolean echoHeartbeats = true;
    public volatile Duration heartbeatTimeout = Duration.ofSeconds(30);

    /** How a press reaches cloud clients besides 308 (switchable sources, late and repeated reports). */
    public final SimRings rings;
    private final TuyaCloudSimulator cloud;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sim-panel");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, SimMediaPeer> peers = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<SimMediaPeer> allPeers = new CopyOnWriteArrayList<>();
    private final List<String> webrtcReceived = new CopyOnWriteArrayList<>();
    private final List<String> webrtcSubDevIds = new CopyOnWriteArrayList<>();
    private final List<String> refusedOffers = new CopyOnWriteArrayList<>();
    private final List<String> controlReceived = new CopyOnWriteArrayList<>();
    private final List<Integer> offeredStreamTypes = new CopyOnWriteArrayList<>();
    /** Per media session: to whom and through which signalling server the panel answers. */
    private final Map<String, String[]> routes = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Answer like real Tuya devices do, with the quirks public clients repair (see SdpAnswerQuirksTest): upper-case
     * fingerprint hash name and lower-case hex, {@code sendrecv} whatever was offered, H.264 under another payload
     * type (with its fmtp and rtcp-fb lines). The panel's own peer keeps its real answer.
     */
    public volatile boolean tuyaAnswerQuirks;
    /** Answer media offers (302) with a real WebRTC peer; off, offers are left unanswered. */
    public volatile boolean mediaEnabled = true;
    /**
     * Whether the panel streams while its call still rings (a preview). Off, with {@code open-hub-308}, it leaves
     * offers unanswered until the 308 {@code answer} arrives (with {@code dp-only} the panel cannot tell a preview
     * from an answer: it sees offers only).
     */
    public volatile boolean streamsWhileRinging = true;
    /**
     * Whether a client's candidate that arrives before the panel has sent its answer is lost, as on a device whose
     * WebRTC stack has not taken the offer in yet (the conservative case, and the default); off, every candidate of
     * a known session is added.
     */
    public volatile boolean losesCandidatesBeforeAnswer = true;
    /** How many media sessions the panel serves at a time (no limit by default), and what it does when full. */
    public final SimSessionLimit sessionLimit = new SimSessionLimit();
    private final Set<String> answeredMedia = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong candidatesLost = new java.util.concurrent.atomic.AtomicLong();

    private @Nullable String session;
    private int callType;
    private boolean panelCalling;
    private final Set<String> targets = new LinkedHashSet<>();
    private @Nullable String answeredBy;
    private Instant lastHeartbeat = Instant.MIN;
    private long deadline;

    public SimPanel(TuyaCloudSimulator cloud, SimDevice device) {
        this.cloud = cloud;
        this.id = device.id;
        this.rings = new SimRings(cloud, device.id, timer);
        cloud.addDevice(device);
        cloud.registerPanel(this);
        cloud.onMessageFromBinding((topic, payload) -> {
            if (topic.startsWith("/av/moto/") && topic.endsWith("/u/" + id)) {
                timer.execute(() -> {
                    try {
                        handle(payload);
                    } catch (RuntimeException | Error e) {
                        System.err.println(
                                "sim panel " + id + ": " + e + " at " + java.util.Arrays.toString(e.getStackTrace()));
                    }
                });
            }
        });
        cloud.onCommand((deviceId, dataPoints) -> {
            if (id.equals(deviceId) && Boolean.TRUE.equals(dataPoints.get("accessory_lock"))) {
                timer.schedule(() -> {
                    SimDevice self = cloud.device(id);
                    if (self != null) {
                        self.status.put("accessory_lock", false);
                    }
                    cloud.publishDeviceStatus(id, Map.of("accessory_lock", false));
                }, 1, TimeUnit.SECONDS);
            }
        });
        timer.scheduleWithFixedDelay(this::watchdog, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        peers.values().forEach(SimMediaPeer::close);
        peers.clear();
    }

    /** Video frames the panel received from clients, over all media sessions. */
    public long videoFramesReceived() {
        return allPeers.stream().mapToLong(SimMediaPeer::framesReceived).sum();
    }

    /**
     * Audio payload bytes per RTP packet the panel received from clients, over all media sessions (0 before any): the
     * talk-back frame size, 240 for 30 ms of G.711 at 8 kHz, 160 for 20 ms.
     */
    public double audioBytesPerPacket() {
        long packets = audioPacketsReceived();
        return packets == 0 ? 0
                : (double) allPeers.stream().mapToLong(SimMediaPeer::audioBytesReceived).sum() / packets;
    }

    /** Audio packets the panel received from clients, over all media sessions. */
    public long audioPacketsReceived() {
        return allPeers.stream().mapToLong(SimMediaPeer::audioReceived).sum();
    }

    /**
     * Whether the panel learnt that the call ended on the client's side: a 308 {@code hang_up}, or with
     * {@code dp-only} the end of its media: a 302 {@code disconnect}, or the panel ended the media itself (its peer
     * lost the browser) and said so.
     */
    public boolean toldCallEnded() {
        return count("hang_up") > 0 || dpOnly() && (webrtcReceived.contains("disconnect") || endedMediaItself);
    }

    /** How the client answered: 308 {@code answer} messages, or with {@code dp-only} 302 offers (the media). */
    public long answersReceived() {
        return dpOnly() ? webrtcReceived.stream().filter("offer"::equals).count() : count("answer");
    }

    /** The 312 messages the panel received, as {@code type=cmdValue}. */
    public List<String> controlReceived() {
        return List.copyOf(controlReceived);
    }

    /** The {@code stream_type} of every offer the panel received. */
    public List<Integer> offeredStreamTypes() {
        return List.copyOf(offeredStreamTypes);
    }

    /** Why offers were refused (stale auth or TURN credentials), in order. */
    public List<String> refusedOffers() {
        return List.copyOf(refusedOffers);
    }

    /** The 302/312 messages the panel received as {@code type=sub_dev_id}, in order. */
    public List<String> webrtcSubDevIds() {
        return List.copyOf(webrtcSubDevIds);
    }

    /** The 302 message types the panel received, in order. */
    public List<String> webrtcReceived() {
        return List.copyOf(webrtcReceived);
    }

    /** Candidates of clients that came before the panel's answer and were lost. */
    public long candidatesLost() {
        return candidatesLost.get();
    }

    public int openMediaSessions() {
        return peers.size();
    }

    /** The ids of the media sessions the panel serves now. */
    public Set<String> openMediaSessionIds() {
        return Set.copyOf(peers.keySet());
    }

    /** The panel vanishes from the network: its media sessions end without a word. */
    public void dropMedia() {
        peers.values().forEach(SimMediaPeer::close);
        peers.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<String> receivedEvents() {
        return received.stream().map(Received::event).toList();
    }

    public long count(String event) {
        return received.stream().filter(r -> r.event().equals(event)).count();
    }

    public synchronized @Nullable String session() {
        return session;
    }

    public synchronized @Nullable String answeredBy() {
        return answeredBy;
    }

    // ------------------------------------------------------------------------------------------- visitor side

    /** How this panel's calls reach open-hub clients (the simulator's switch). */
    public TuyaCloudSimulator.CallTransport transport() {
        return cloud.callTransport;
    }

    private boolean dpOnly() {
        return cloud.callTransport == TuyaCloudSimulator.CallTransport.DP_ONLY;
    }

    /**
     * A visitor presses the call button: the panel calls every app target (308) with the given call type. With
     * {@code dp-only} the press is seen by open-hub clients only as the reports of {@link SimRings#sources} (by
     * default its doorbell data points).
     */
    public String pressCallButton(int type, Duration timeout) {
        String newSession;
        synchronized (this) {
            newSession = id + SimCrypto.randomToken(6);
            session = newSession;
            callType = type;
            panelCalling = true;
            answeredBy = null;
            targets.clear();
            targets.addAll(cloud.ipcTargets().keySet());
            deadline = Instant.now().plus(timeout).toEpochMilli();
            for (String target : targets) {
                send(target, "call", newSession, "", true);
            }
        }
        if (dpOnly()) {
            rings.press();
        }
        return newSession;
    }

    /** Sends the current call again to every target, unchanged (a repeated call). */
    public synchronized void resendCall() {
        String current = session;
        if (current != null) {
            for (String target : targets) {
                send(target, "call", current, "", true);
            }
        }
    }

    /** Calls the targets with a new session although a call is active (a second call). */
    public synchronized String secondCall(Duration timeout) {
        String second = id + SimCrypto.randomToken(6);
        long secondDeadline = Instant.now().plus(timeout).toEpochMilli();
        long saved = deadline;
        deadline = secondDeadline;
        for (String target : cloud.ipcTargets().keySet()) {
            send(target, "call", second, "", true);
        }
        deadline = saved;
        return second;
    }

    /** The doorbell data points of a press: {@code doorbell_pic} with an encrypted picture, {@code doorbell_active}. */
    public void publishDoorbellDataPoints(String caption) {
        rings.doorbellDataPoints(caption, Instant.now());
    }

    /** A picture as a plain pre-signed URL in {@code doorbell_pic}. */
    public void publishDoorbellUrl(String caption) {
        String path = "/" + id + "/plain/" + System.currentTimeMillis() + ".jpeg";
        cloud.store("ty-eu-storage30-pic", path, SimPictures.jpeg(caption));
        String url = cloud.presignedUrl("ty-eu-storage30-pic", path);
        cloud.publishDeviceStatus(id,
                Map.of("doorbell_pic", Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8))));
    }

    private synchronized boolean ringing() {
        return session != null && answeredBy == null;
    }

    /** The panel hangs up its answered call (with {@code dp-only}: ends its media sessions with 302 disconnect). */
    public synchronized void hangUp() {
        if (dpOnly()) {
            for (Map.Entry<String, SimMediaPeer> media : Map.copyOf(peers).entrySet()) {
                String[] route = routes.getOrDefault(media.getKey(), new String[] { "", "" });
                mediaEnded(route[0], media.getKey(), route[1]);
            }
            endCall();
            return;
        }
        String current = session;
        String peer = answeredBy;
        if (current != null && peer != null) {
            send(peer, "hang_up", current, "", false);
            endCall();
        }
    }

    /** The visitor walks away before anyone answers. */
    public synchronized void cancel() {
        String current = session;
        if (current != null) {
            for (String target : targets) {
                send(target, "cancel", current, "", false);
            }
            endCall();
        }
    }

    // ------------------------------------------------------------------------------------------- app side

    private synchronized void handle(byte[] payload) {
        JsonNode message;
        try {
            message = TuyaJson.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return;
        }
        if (message.path("protocol").asInt() == 302) {
            handleWebRtc(message.path("data"));
            return;
        }
        if (message.path("protocol").asInt() == 312) {
            JsonNode data = message.path("data");
            controlReceived.add(
                    data.path("header").path("type").asText("") + "=" + data.path("msg").path("cmdValue").asText(""));
            return;
        }
        if (message.path("protocol").asInt() != 308) {
            return;
        }
        JsonNode rtc = message.path("data").path("data");
        String event = rtc.path("event").asText("");
        String from = rtc.path("curId").asText("");
        String sessionId = rtc.path("sessionId").asText("");
        received.add(new Received(event, from, sessionId, rtc.path("reason").asText("")));
        if ("call".equals(event)) {
            appCalls(from, sessionId, rtc.path("timeout").asLong());
            return;
        }
        if (!sessionId.equals(session)) {
            return;
        }
        switch (event) {
            case "answer" -> {
                if (answeredBy == null && panelCalling) {
                    answeredBy = from;
                    lastHeartbeat = Instant.now();
                    for (String other : targets) {
                        if (!other.equals(from)) {
                            send(other, "already_answered", sessionId, "", false);
                        }
                    }
                }
            }
            case "reject", "busy", "not_answered" -> {
                if (!panelCalling) {
                    return;
                }
                targets.remove(from);
                if (callType == 2 && "reject".equals(event)) {
                    for (String other : targets) {
                        send(other, "reject", sessionId, "rejected_by_others", false);
                    }
                    endCall();
                } else if (callType == 1 || targets.isEmpty()) {
                    endCall();
                }
            }
            case "hang_up", "cancel" -> endCall();
            case "heartbeat" -> {
                lastHeartbeat = Instant.now();
                if (echoHeartbeats) {
                    send(from, "heartbeat", sessionId, "", false);
                }
            }
            default -> {
            }
        }
    }

    private void handleWebRtc(JsonNode data) {
        JsonNode header = data.path("header");
        String type = header.path("type").asText("");
        String from = header.path("from").asText("");
        String sessionId = header.path("sessionid").asText("");
        String motoId = header.path("moto_id").asText("");
        webrtcReceived.add(type);
        webrtcSubDevIds.add(type + "=" + header.path("sub_dev_id").asText("<none>"));
        switch (type) {
            case "offer" -> {
                if (!mediaEnabled) {
                    return;
                }
                if (!streamsWhileRinging && !dpOnly() && ringing()) {
                    refusedOffers.add("ringing");
                    return; // not before the answer: the client hears nothing
                }
                offeredStreamTypes.add(data.path("msg").path("stream_type").asInt(-1));
                String refusal = cloud.offerRefusal(data.path("msg"));
                if (refusal != null) {
                    refusedOffers.add(refusal);
                    return; // the signalling server drops it: the client hears nothing
                }
                switch (sessionLimit.decide(sessionId, peers.size())) {
                    case REFUSE -> {
                        sendWebRtc(from, sessionId, motoId, "disconnect", TuyaJson.object().put("mode", "webrtc"));
                        return;
                    }
                    case IGNORE -> {
                        return;
                    }
                    case DROP_OLDEST_THEN_ANSWER -> dropOldestMedia();
                    case ANSWER -> {
                    }
                }
                String offer = data.path("msg").path("sdp").asText("");
                CompletableFuture<String> answer = new CompletableFuture<>();
                SimMediaPeer peer = new SimMediaPeer(offer,
                        candidate -> sendWebRtc(from, sessionId, motoId, "candidate",
                                TuyaJson.object().put("mode", "webrtc").put("candidate",
                                        candidate.isEmpty() ? "" : "a=" + candidate + "\r\n")),
                        () -> timer.execute(() -> mediaEnded(from, sessionId, motoId)), answer);
                peers.put(sessionId, peer);
                routes.put(sessionId, new String[] { from, motoId });
                allPeers.add(peer);
                answer.whenComplete((sdp, error) -> {
                    if (error != null) {
                        System.err.println("sim panel: no media answer: " + error);
                    }
                    if (sdp != null) {
                        answeredMedia.add(sessionId);
                        sendWebRtc(from, sessionId, motoId, "answer", TuyaJson.object().put("mode", "webrtc").put("sdp",
                                tuyaAnswerQuirks ? withTuyaQuirks(sdp) : sdp));
                    }
                });
            }
            case "candidate" -> {
                SimMediaPeer peer = peers.get(sessionId);
                if (peer != null && losesCandidatesBeforeAnswer && !answeredMedia.contains(sessionId)) {
                    candidatesLost.incrementAndGet();
                    return;
                }
                if (peer != null) {
                    peer.addRemoteCandidate(data.path("msg").path("candidate").asText(""));
                }
            }
            case "disconnect" -> {
                SimMediaPeer peer = peers.remove(sessionId);
                if (peer != null) {
                    peer.close();
                }
            }
            default -> {
            }
        }
    }

    /** A standard answer rewritten with the quirks of real Tuya answers. */
    public static String withTuyaQuirks(String sdp) {
        List<String> lines = new java.util.ArrayList<>(List.of(sdp.split("\r\n")));
        java.util.Map<String, String> renamed = new java.util.HashMap<>();
        Set<String> used = new java.util.HashSet<>();
        for (String line : lines) {
            if (line.startsWith("m=")) {
                String[] m = line.split(" ");
                for (int i = 3; i < m.length; i++) {
                    used.add(m[i]);
                }
            }
        }
        for (String line : lines) {
            if (line.startsWith("a=rtpmap:") && line.toUpperCase(java.util.Locale.ROOT).contains(" H264/")) {
                String pt = line.substring("a=rtpmap:".length(), line.indexOf(' '));
                for (int candidate = 96; candidate < 128; candidate++) {
                    if (!used.contains(String.valueOf(candidate))) {
                        renamed.put(pt, String.valueOf(candidate));
                        used.add(String.valueOf(candidate));
                        break;
                    }
                }
            }
        }
        List<String> out = new java.util.ArrayList<>();
        for (String line : lines) {
            String rewritten = line;
            if (line.startsWith("m=")) {
                String[] m = line.split(" ");
                for (int i = 3; i < m.length; i++) {
                    m[i] = renamed.getOrDefault(m[i], m[i]);
                }
                rewritten = String.join(" ", m);
            } else if (line.startsWith("a=fingerprint:")) {
                String[] f = line.substring("a=fingerprint:".length()).split(" ", 2);
                rewritten = "a=fingerprint:" + f[0].toUpperCase(java.util.Locale.ROOT)
                        + (f.length > 1 ? " " + f[1].toLowerCase(java.util.Locale.ROOT) : "");
            } else if (line.equals("a=sendonly") || line.equals("a=recvonly") || line.equals("a=inactive")) {
                rewritten = "a=sendrecv";
            } else {
                for (String prefix : List.of("a=rtpmap:", "a=fmtp:", "a=rtcp-fb:")) {
                    if (line.startsWith(prefix)) {
                        String rest = line.substring(prefix.length());
                        int end = rest.indexOf(' ');
                        String pt = end < 0 ? rest : rest.substring(0, end);
                        String mapped = renamed.get(pt);
                        if (mapped != null) {
                            rewritten = prefix + mapped + rest.substring(pt.length());
                        }
                    }
                }
            }
            out.add(rewritten);
        }
        return String.join("\r\n", out) + "\r\n";
    }

    private volatile boolean endedMediaItself;

    /** A full panel ends its oldest media session (302 {@code disconnect}) to serve a new one. */
    private void dropOldestMedia() {
        for (SimMediaPeer peer : allPeers) {
            String sessionId = peers.entrySet().stream().filter(e -> e.getValue() == peer).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (sessionId != null) {
                peers.remove(sessionId);
                peer.close();
                sessionLimit.droppedSession(sessionId);
                String[] route = routes.get(sessionId);
                if (route != null) {
                    sendWebRtc(route[0], sessionId, route[1], "disconnect", TuyaJson.object().put("mode", "webrtc"));
                }
                return;
            }
        }
    }

    private void mediaEnded(String to, String sessionId, String motoId) {
        SimMediaPeer peer = peers.remove(sessionId);
        if (peer != null) {
            endedMediaItself = true;
            peer.close();
            sendWebRtc(to, sessionId, motoId, "disconnect", TuyaJson.object().put("mode", "webrtc"));
        }
    }

    private void sendWebRtc(String to, String sessionId, String motoId, String type, ObjectNode msg) {
        String topic = cloud.ipcTargets().get(to);
        if (topic == null) {
            return;
        }
        String payload = org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling.fromDevice(type, id, to,
                sessionId, motoId, msg, System.currentTimeMillis() / 1000);
        cloud.publishRaw(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private void appCalls(String from, String sessionId, long timeout) {
        if (sessionId.equals(session) && timeout == deadline) {
            return; // repeated call
        }
        if (session != null) {
            send(from, "busy", sessionId, "", false);
            return;
        }
        session = sessionId;
        panelCalling = false;
        callType = 1;
        deadline = timeout;
        targets.clear();
        targets.add(from);
        send(from, "ring", sessionId, "", false);
        Incoming behaviour = incoming;
        if (behaviour == Incoming.RING_ONLY) {
            long wait = Math.max(0, timeout - System.currentTimeMillis());
            timer.schedule(() -> notAnswered(sessionId, from), wait, TimeUnit.MILLISECONDS);
            return;
        }
        timer.schedule(() -> respond(sessionId, from, behaviour), answerDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void respond(String sessionId, String from, Incoming behaviour) {
        if (!sessionId.equals(session)) {
            return;
        }
        switch (behaviour) {
            case ANSWER -> {
                answeredBy = from;
                lastHeartbeat = Instant.now();
                send(from, "answer", sessionId, "", false);
            }
            case REJECT -> {
                send(from, "reject", sessionId, "", false);
                endCall();
            }
            default -> {
                send(from, "busy", sessionId, "", false);
                endCall();
            }
        }
    }

    private synchronized void notAnswered(String sessionId, String from) {
        if (sessionId.equals(session) && answeredBy == null) {
            send(from, "not_answered", sessionId, "", false);
            endCall();
        }
    }

    private synchronized void watchdog() {
        if (session == null) {
            return;
        }
        if (answeredBy != null && Duration.between(lastHeartbeat, Instant.now()).compareTo(heartbeatTimeout) > 0) {
            endCall(); // the panel drops a call whose heartbeats stopped
        } else if (answeredBy == null && panelCalling && System.currentTimeMillis() > deadline + 2000) {
            endCall();
        }
    }

    private void endCall() {
        session = null;
        answeredBy = null;
        targets.clear();
    }

    private void send(String target, String event, String sessionId, String reason, boolean withCallFields) {
        String topic = cloud.ipcTargets().get(target);
        if (topic == null || dpOnly()) {
            return; // dp-only: 308 messages reach app targets only, never an open-hub client
        }
        ObjectNode envelope = TuyaJson.object();
        envelope.put("protocol", 308);
        envelope.put("pv", "2.2");
        envelope.put("t", System.currentTimeMillis() / 1000);
        ObjectNode data = envelope.putObject("data");
        data.put("type", "rtc");
        ObjectNode rtc = data.putObject("data");
        rtc.put("event", event);
        rtc.put("curId", id);
        rtc.put("targetId", target);
        rtc.put("sessionId", sessionId);
        if (withCallFields) {
            rtc.put("timeout", deadline);
            rtc.put("callType", callType);
        }
        ObjectNode extra = rtc.putObject("extra");
        extra.put("channelType", 2);
        extra.put("category", "sp_dpsxj");
        extra.put("bizType", "screen_ipc");
        if (!reason.isEmpty()) {
            rtc.put("reason", reason);
        }
        cloud.publishRaw(topic, TuyaJson.write(envelope).getBytes(StandardCharsets.UTF_8));
    }
}
