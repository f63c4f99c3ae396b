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
package org.openhab.binding.tuyaintercom.internal.intercom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.call.Call;
import org.openhab.binding.tuyaintercom.internal.call.CallEngine;
import org.openhab.binding.tuyaintercom.internal.call.CallError;
import org.openhab.binding.tuyaintercom.internal.call.CallListener;
import org.openhab.binding.tuyaintercom.internal.call.CallMessage;
import org.openhab.binding.tuyaintercom.internal.call.CallOutcome;
import org.openhab.binding.tuyaintercom.internal.call.CallResult;
import org.openhab.binding.tuyaintercom.internal.call.CallSettings;
import org.openhab.binding.tuyaintercom.internal.call.CallState;
import org.openhab.binding.tuyaintercom.internal.call.MessageNotSentException;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.signalling.RtcCallCodec;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The runtime of one panel while it is online, in one place that the web endpoints, the rule actions and the thing
 * handler all talk to: its call engine (the SDK's call model), the WebRTC signalling relay (302), answering with
 * media, waking a low-power panel, the pages that watch it (their state and revocation), and which page brings the
 * call's media. What a page may ask and how it is refused is the page controller's ({@code web.PageController}).
 * <p>
 * Nothing here waits for the network: MQTT publishes are queued by the link, panel answers and candidates are pushed to
 * the page that asked, and the door command runs on the scheduler.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PanelSession implements CallListener {
    /** How often idle and unconnected media sessions are looked for, and dead page streams noticed (by a ping). */
    static final Duration HOUSEKEEPING = Duration.ofSeconds(5);

    /** What a panel session needs of the account and thing it belongs to. */
    public interface PanelCloud {
        /** Publishes a signalling payload (302 / 308) to the panel; must not block. */
        void publishToPanel(String payload) throws MessageNotSentException;

        /** Publishes raw bytes on a topic (low-power wake-up); must not block. */
        void publishRaw(String topic, byte[] payload) throws MessageNotSentException;

        /** Our id in 302 messages (the MQTT user id of the account). */
        String clientId();

        /** The panel's latest WebRTC configuration (maybe too old for a new media session), or null while unknown. */
        @Nullable
        WebRtcConfig webRtcConfig();

        /**
         * The panel's WebRTC configuration if it is young enough for a new media session
         * ({@link WebRtcConfig#maxAge()}); otherwise null, and a new one is being fetched on the scheduler. Never
         * blocks.
         */
        @Nullable
        WebRtcConfig freshWebRtcConfig();

        /** Routes the panel's 302 messages of this media session here (by {@code sessionid}). */
        void routeMediaSession(String sessionId);

        void unrouteMediaSession(String sessionId);

        /**
         * Media will follow (a call rings or is started): fetches a new WebRTC configuration on the scheduler unless
         * the cached one is fresh enough for it. Never blocks.
         */
        void renewWebRtcConfig();

        /** The panel's local key (for the wake-up), or empty. */
        String localKey();

        /**
         * The id for {@code sub_dev_id} of outgoing 302/312 messages: the panel's own id where the device list says it
         * is a child device of a gateway or recorder ({@code DeviceInfo.subDeviceId()}), empty otherwise.
         */
        default String subDeviceId() {
            return "";
        }

        /** Opens the door; may block on the cloud, so it is only called from the scheduler. */
        CallResult unlockDoor();
    }

    private final Logger logger = LoggerFactory.getLogger(PanelSession.class);
    private final String thingUID;
    private final String deviceId;
    private final String label;
    private final PanelCloud cloud;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final CallListener handler;
    private final PanelLinks links;
    private final WebUnlock webUnlock;
    private final boolean ringPreview;
    private final CallEngine engine;
    private final SignallingRelay relay;
    private final PageClients pages;
    private @Nullable ScheduledFuture<?> housekeeping;
    /** The latest snapshot (JPEG) and when it arrived, for the pages; the state carries only its time. */
    private volatile byte @Nullable [] snapshot;
    private volatile long snapshotMillis;
    /** The outdoor station that rang last (multi-station panels), empty if none said. */
    private volatile String callingStation = "";
    private @Nullable Call shownCall;
    private @Nullable CallOutcome shownOutcome;
    /** The page that answered or started the current call (empty: a rule or a channel); it brings the call's media. */
    private volatile String callClient = "";
    /** The call a page answered or started, with what it was done with; null: none yet. */
    private volatile @Nullable WebCall webCall;

    /** A call answered or started from a page: its id, the page, the page's credential, the call token it got. */
    private record WebCall(String callId, String client, @Nullable PageCredential credential, String callToken) {
    }

    private final Duration mediaConnectTimeout;
    private final Duration ringTimeout;

    public PanelSession(String thingUID, String deviceId, String label, String localId, CallSettings settings,
            PanelCloud cloud, Clock clock, ScheduledExecutorService scheduler, CallListener handler, PanelLinks links,
            PagePolicy policy, PageLimits pageLimits) {
        this.thingUID = thingUID;
        this.deviceId = deviceId;
        this.label = label;
        this.cloud = cloud;
        this.clock = clock;
        this.scheduler = scheduler;
        this.handler = handler;
        this.links = links;
        this.webUnlock = policy.webUnlock();
        this.ringPreview = policy.ringPreview();
        this.mediaConnectTimeout = settings.mediaConnectTimeout();
        this.ringTimeout = settings.ringTimeout();
        this.pages = new PageClients(pageLimits, PageLimits.MAX_PAGES_PER_PANEL);
        this.engine = new CallEngine(deviceId, localId, settings, new SchedulerCallTimers(scheduler, clock),
                this::sendCallMessage, this);
        this.relay = new SignallingRelay(new PanelTransport(), clock, this::mediaLost, mediaConnectTimeout,
                new MediaSessionLimit(policy.maxMediaSessions(), this::callHoldsMediaSession));
        publishState(null, null);
    }

    /** Whether the current call needs a media session: a page answered or started it, and it has not ended. */
    private boolean callHoldsMediaSession() {
        WebCall web = webCall;
        Call call = engine.current();
        return web != null && call != null && !call.isEnded() && call.id().equals(web.callId());
    }

    /** Starts the housekeeping (idle media, pings to the pages). */
    public synchronized void start() {
        housekeeping = scheduler.scheduleWithFixedDelay(this::housekeeping, HOUSEKEEPING.toMillis(),
                HOUSEKEEPING.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void dispose() {
        synchronized (this) {
            ScheduledFuture<?> job = housekeeping;
            if (job != null) {
                job.cancel(false);
            }
            housekeeping = null;
        }
        relay.closeAll();
        engine.dispose();
        pages.closeAll();
    }

    private void housekeeping() {
        relay.closeIdle();
        pages.ping();
    }

    public String thingUID() {
        return thingUID;
    }

    public PanelLinks links() {
        return links;
    }

    /** The thing's label, as the pages show it. */
    public String label() {
        return label;
    }

    /** How long a call rings (the panel's {@code ringTimeout}): the timeout of the calls the page starts. */
    public Duration ringTimeout() {
        return ringTimeout;
    }

    public WebUnlock webUnlock() {
        return webUnlock;
    }

    public PageClients pages() {
        return pages;
    }

    /** For rule actions and the handler: the engine is the one model of the call. */
    public CallEngine engine() {
        return engine;
    }

    /** The media sessions of the panel (pages, live views, the call's). */
    public SignallingRelay relay() {
        return relay;
    }

    public String deviceId() {
        return deviceId;
    }

    /** Whether a page may watch a ringing call before answering (the panel's setting {@code ringPreview}). */
    public boolean ringPreview() {
        return ringPreview;
    }

    /** Where the session's timers and the door command run. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The client (a page's id; empty: a rule or a channel) that answers or starts the call and brings its media. */
    public void callBroughtBy(String client) {
        callClient = client;
    }

    /** A call was answered or started on a page: its id, the page, the page's credential, the call token it got. */
    public void pageCall(String callId, String client, @Nullable PageCredential credential, String callToken) {
        webCall = new WebCall(callId, client, credential, callToken);
    }

    /** Media follows (a call started): a WebRTC configuration fresh enough for it is fetched if needed. */
    public void prepareMedia() {
        cloud.renewWebRtcConfig();
    }

    /**
     * The panel's WebRTC configuration if it is young enough for a new media session; otherwise null, and a new one
     * is being fetched on the scheduler. Never blocks.
     */
    public @Nullable WebRtcConfig freshWebRtcConfig() {
        return cloud.freshWebRtcConfig();
    }

    /** Opens the door on the scheduler; the future completes with the result. */
    public CompletableFuture<CallResult> unlockDoorLater() {
        return CompletableFuture.supplyAsync(cloud::unlockDoor, scheduler);
    }

    // ------------------------------------------------------------------------------------------- from the panel

    /** A signalling message of the panel: 302 to the relay, 308 to the call engine. */
    public void onSignalling(int protocol, JsonNode data) {
        try {
            if (protocol == WebRtcSignalling.PROTOCOL) {
                relay.onSignalling(WebRtcSignalling.decode(data));
            } else if (protocol == RtcCallCodec.PROTOCOL) {
                engine.onMessage(RtcCallCodec.decode(data));
            }
        } catch (IllegalArgumentException e) {
            logger.debug("Panel {}: ignored a message of protocol {}: {}", deviceId, protocol,
                    LogText.safe(e.getMessage()));
        }
    }

    /** Treats a push-notification link like the MQTT call message it carries. */
    public CallResult handlePushLink(String link) {
        try {
            engine.onMessage(RtcCallCodec.decodePushLink(link));
            return CallResult.SUCCESS;
        } catch (IllegalArgumentException e) {
            logger.debug("Panel {}: push link not understood: {}", deviceId, LogText.safe(e.getMessage()));
            return CallResult.failed(CallError.INVALID_DATA);
        }
    }

    private void sendCallMessage(CallMessage message) throws MessageNotSentException {
        try {
            cloud.publishToPanel(RtcCallCodec.encode(message, clock.instant().getEpochSecond()));
        } catch (MessageNotSentException e) {
            logger.debug("Panel {}: {} of call {} not sent: {}", deviceId, message.event(),
                    LogText.safe(message.sessionId()), LogText.safe(e.toString()));
            throw e;
        }
    }

    // ------------------------------------------------------------------------------------------- call engine

    @Override
    public void callChanged(Call call) {
        handler.callChanged(call);
        if (call.isEnded()) {
            callingStation = ""; // the next call names its station anew, or none
        }
        publishState(call, null);
        if (call.state() != CallState.RINGING) {
            scheduler.execute(relay::closePreviews);
        }
        if (call.isEnded()) {
            SignallingRelay.Session media = relay.callSession();
            // the media session is closed (its disconnect sent) before the handler hears that the call's traffic is
            // over, so that a capture of the call has the disconnect (with a data point only, nothing else ends it)
            scheduler.execute(() -> {
                if (media != null) {
                    relay.close(media);
                }
                handler.callTrafficEnded(call);
            });
        }
    }

    @Override
    public void callOutcome(Call call, CallOutcome outcome) {
        if (outcome == CallOutcome.RING) {
            cloud.renewWebRtcConfig(); // media follows an answer: TURN credentials and auth fresh enough for it
        }
        handler.callOutcome(call, outcome);
        publishState(call, outcome);
    }

    @Override
    public void callRefused(CallMessage message, CallError error) {
        handler.callRefused(message, error);
    }

    /**
     * The answered call's media has not connected in time. The first time, the page that answered (or started) the
     * call is asked for a fresh offer, if it still listens; otherwise the call ends: {@code TIMEOUT} when that page
     * never sent an offer (it went away after answering), {@code CONNECT_FAIL} when its media did not connect.
     * Quick work only: called under the engine's lock.
     */
    @Override
    public @Nullable CallError mediaOverdue(Call call, boolean firstTime) {
        String client = callClient;
        SignallingRelay.Session media = relay.callSession();
        boolean offered = media != null && media.hasOffer();
        if (firstTime && !client.isEmpty() && pages.isConnected(client)) {
            logger.debug("Panel {}: the media of call {} did not connect within {} s; asking its page for a new offer",
                    deviceId, LogText.safe(call.id()), mediaConnectTimeout.toSeconds());
            pages.sendTo(client, "media",
                    TuyaJson.object().put("media", media == null ? "" : media.id()).put("type", "repair"));
            return null;
        }
        logger.debug("Panel {}: the media of call {} did not connect{}; the call ends", deviceId,
                LogText.safe(call.id()), firstTime ? " and its page is gone" : " after a new offer either");
        return offered ? CallError.CONNECT_FAIL : CallError.TIMEOUT;
    }

    // ------------------------------------------------------------------------------------------- links

    /**
     * Revokes every link and call token issued so far ({@link PanelLinks#revokeAll}) and closes at once what was
     * opened with them, see {@link #closeRevoked}.
     */
    public void revokeLinks() {
        links.revokeAll();
        closeRevoked();
    }

    /** Renews the links ({@link PanelLinks#renew}) and closes at once what was opened with links revoked by it. */
    public void renewLinks() {
        links.renew();
        closeRevoked();
    }

    /**
     * Closes what was opened with a credential that is no longer valid: the event streams (each page is told first
     * and shows its invalid-link text), their media sessions, oh-video views. A call answered or started on a page
     * whose credential or call token is no longer valid ends: it is hung up (with its media), so that no call goes on
     * that nobody can hang up, and the token dies with it.
     */
    public void closeRevoked() {
        Set<String> closedPages = pages.closeRevoked(links::allows);
        List<SignallingRelay.Session> closedMedia = new ArrayList<>(relay.closeRevoked(links::allows));
        for (String page : closedPages) {
            List<SignallingRelay.Session> owned = relay.sessionsOwnedBy(page);
            owned.forEach(relay::close);
            closedMedia.addAll(owned);
        }
        WebCall web = webCall;
        Call call = engine.current();
        if (web == null || call == null || call.isEnded() || !call.id().equals(web.callId())) {
            return;
        }
        PageCredential credential = web.credential();
        boolean revoked = (credential != null && !links.allows(credential)) || closedPages.contains(web.client())
                || links.callIdOf(web.callToken()) == null
                || closedMedia.stream().anyMatch(m -> m.kind() == SignallingRelay.Kind.CALL);
        if (revoked) {
            logger.debug("Panel {}: call {} was answered or started with a link that is no longer valid; it ends",
                    deviceId, call.id());
            SignallingRelay.Session media = relay.callSession();
            if (media != null) {
                relay.close(media);
            }
            engine.hangUp();
        }
    }

    /**
     * A new snapshot of the panel (the picture of the last press): kept for the pages, which learn from the state's
     * {@code snapshot} field (its time in epoch milliseconds) that they may fetch it.
     */
    public void snapshotArrived(byte[] jpeg, long epochMillis) {
        Call call;
        CallOutcome outcome;
        synchronized (this) {
            snapshot = jpeg.clone();
            snapshotMillis = epochMillis;
            call = shownCall;
            outcome = shownOutcome;
        }
        publishState(call, outcome);
    }

    /** The outdoor station that rings (multi-station panels; empty: not known): the pages show its name. */
    public void callingStation(String station) {
        Call call;
        CallOutcome outcome;
        synchronized (this) {
            if (callingStation.equals(station)) {
                return;
            }
            callingStation = station;
            call = shownCall;
            outcome = shownOutcome;
        }
        publishState(call, outcome);
    }

    /** The latest snapshot as JPEG, or null when there is none yet. */
    public byte @Nullable [] snapshot() {
        byte[] jpeg = snapshot;
        return jpeg == null ? null : jpeg.clone();
    }

    /** Shows every page the panel as it is now ({@link PanelView}: never a token, never a credential). */
    private void publishState(@Nullable Call call, @Nullable CallOutcome outcome) {
        synchronized (this) {
            shownCall = call;
            shownOutcome = outcome;
        }
        WebRtcConfig config = cloud.webRtcConfig();
        PanelView.CallView shown = call == null ? null
                : new PanelView.CallView(call.state(), call.id(), call.isOutgoing(),
                        call.isOutgoing() ? "" : callingStation, outcome, call.endReason(), call.endError(),
                        call.isConnected(), call.isAnswered(), call.startedAt().toEpochMilli());
        pages.publishState(new PanelView(label, config != null && config.h265Only(), webUnlock.configValue(),
                ringPreview, snapshotMillis, shown));
    }

    // ------------------------------------------------------------------------------------------- media sessions

    /**
     * Where the skill says the panel switches clarity, asks for the stream of the offer (312 {@code resolution}) once
     * the media is up, as AlexxIT/go2rtc does.
     */
    public void requestResolution(SignallingRelay.Session session) {
        WebRtcConfig config = cloud.webRtcConfig();
        if (config == null || !config.claritySwitch()) {
            return;
        }
        try {
            cloud.publishToPanel(WebRtcSignalling.resolution(cloud.clientId(), target(deviceId), session.id(),
                    config.motoId(), config.offerStreamType() == 1 ? 1 : 0, clock.instant().getEpochSecond()));
        } catch (MessageNotSentException e) {
            logger.debug("Panel {}: resolution request not sent: {}", deviceId, LogText.safe(e.getMessage()));
        }
    }

    /** The addressee of a 302/312 message: the device and, for a child device, its {@code sub_dev_id}. */
    private WebRtcSignalling.Target target(String device) {
        return new WebRtcSignalling.Target(device, cloud.subDeviceId());
    }

    /** A media session ended without the page saying so: a call on it cannot go on. */
    private void mediaLost(SignallingRelay.Session session) {
        if (session.kind() == SignallingRelay.Kind.CALL) {
            if (session.endedByPanel()) {
                engine.mediaEndedByPanel();
            } else {
                engine.mediaFailed(CallError.DISCONNECT);
            }
        }
    }

    /** A media session could not be set up: a call on it cannot go on. */
    public void mediaFailed(SignallingRelay.Session session) {
        if (session.kind() == SignallingRelay.Kind.CALL) {
            engine.mediaFailed(CallError.CONNECT_FAIL);
        }
    }

    /** Sends 302 messages of media sessions to the panel, waking a low-power panel before an offer. */
    private final class PanelTransport implements SignallingRelay.Transport {
        @Override
        public void sendOffer(String sessionId, String sdp) throws MessageNotSentException {
            WebRtcConfig config = cloud.freshWebRtcConfig();
            if (config == null) {
                throw new MessageNotSentException("no current WebRTC configuration");
            }
            String localKey = cloud.localKey();
            if (config.lowPower() && !localKey.isEmpty()) {
                CRC32 crc = new CRC32();
                crc.update(localKey.getBytes(StandardCharsets.UTF_8));
                cloud.publishRaw("m/w/" + config.deviceId(),
                        ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            }
            cloud.publishToPanel(WebRtcSignalling.offer(cloud.clientId(), target(config.deviceId()), sessionId,
                    config.motoId(), sdp, config.auth(), config.offerStreamType(), config.iceServers(),
                    clock.instant().getEpochSecond()));
        }

        @Override
        public void opened(String sessionId) {
            cloud.routeMediaSession(sessionId);
        }

        @Override
        public void closed(String sessionId) {
            cloud.unrouteMediaSession(sessionId);
        }

        @Override
        public void sendCandidate(String sessionId, String candidate) throws MessageNotSentException {
            cloud.publishToPanel(WebRtcSignalling.candidate(cloud.clientId(), target(deviceId), sessionId, motoId(),
                    candidate, clock.instant().getEpochSecond()));
        }

        @Override
        public void sendDisconnect(String sessionId) throws MessageNotSentException {
            cloud.publishToPanel(WebRtcSignalling.disconnect(cloud.clientId(), target(deviceId), sessionId, motoId(),
                    clock.instant().getEpochSecond()));
        }

        private String motoId() {
            WebRtcConfig config = cloud.webRtcConfig();
            return config == null ? "" : config.motoId();
        }
    }
}
