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
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.IceServer;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.signalling.RtcCallCodec;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything one panel does while it is online, in one place that the web endpoints, the rule actions and the thing
 * handler all talk to: its call engine (the SDK's call model), the WebRTC signalling relay (302), answering with
 * media, waking a low-power panel, the pages that watch it, and which client may do what.
 * <p>
 * Nothing here waits for the network: MQTT publishes are queued by the link, panel answers and candidates are pushed to
 * the page that asked, and the door command runs on the scheduler.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PanelSession implements CallListener {
    /** A call page's media session ends this long after the page stopped saying it is alive. */
    public static final Duration PAGE_MEDIA_IDLE = Duration.ofSeconds(30);
    /** An oh-video live view ends this long after it started (the widget has no keep-alive). */
    public static final Duration VIDEO_LIVE_VIEW_LIMIT = Duration.ofMinutes(10);
    /** How often idle and unconnected media sessions are looked for, and dead page streams noticed (by a ping). */
    static final Duration HOUSEKEEPING = Duration.ofSeconds(5);
    /** How long the panel has to answer a media offer. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    /**
     * A page that finds no free slot waits this long, twice, while the open streams are probed: a stream whose client
     * went away fails its second write and frees its slot.
     */
    static final Duration SLOT_PROBE = Duration.ofMillis(100);
    /** For clients that do not trickle: how long to collect the panel's candidates after its answer. */
    static final Duration CANDIDATE_QUIET = Duration.ofMillis(300);
    static final Duration CANDIDATE_MAX = Duration.ofSeconds(2);

    /** What a panel session needs of the account and thing it belongs to. */
    public interface PanelCloud {
        /** Publishes a signalling payload (302 / 308) to the panel; must not block. */
        void publishToPanel(String payload) throws Exception;

        /** Publishes raw bytes on a topic (low-power wake-up); must not block. */
        void publishRaw(String topic, byte[] payload) throws Exception;

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

        /** Fetches a new WebRTC configuration on the scheduler (a call rings: media will follow). Never blocks. */
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

    /** What a page gets when it may start media: the media session id and the ICE servers (with TURN credentials). */
    public record MediaGrant(String media, List<IceServer> iceServers) {
    }

    /**
     * What the answering page gets: the call token, and the id of its preview when that became the call's media (the
     * page then sends its microphone on the same connection), else null.
     */
    public record AnswerGrant(String callToken, @Nullable String media) {
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

    /** For tests and benchmarks. */
    public SignallingRelay relay() {
        return relay;
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

    private void sendCallMessage(CallMessage message) throws Exception {
        try {
            cloud.publishToPanel(RtcCallCodec.encode(message, clock.instant().getEpochSecond()));
        } catch (Exception e) {
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
            cloud.renewWebRtcConfig(); // media follows an answer: TURN credentials and auth fresh for it
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

    /**
     * Adds a page's event stream. A page that reconnects (same id) gets again what the panel sent for its open media
     * sessions, answer and candidates, in case some of it was sent while its stream was down; the page ignores what
     * it has already.
     */
    public void addPage(PageClients.PageClient page, PageCredential credential) throws Refusal {
        pages.add(page, credential);
        PageMediaListener replay = new PageMediaListener();
        for (SignallingRelay.Session session : relay.sessionsOwnedBy(page.id())) {
            String answer = session.answer();
            if (answer != null) {
                replay.answered(session, answer);
            }
            session.candidates().forEach(candidate -> replay.candidate(session, candidate));
        }
    }

    /**
     * Adds a page's event stream like {@link #addPage}; when no slot is free (per credential, panel or in total), the
     * open streams are probed first (pinged twice, {@link #SLOT_PROBE} apart: a stream whose client went away fails
     * its second write and frees its slot at once), and the page is added after that if a slot is free then. Completes
     * within a few {@link #SLOT_PROBE}s, exceptionally with the {@link Refusal}.
     */
    public CompletableFuture<@Nullable Void> addPageProbing(PageClients.PageClient page, PageCredential credential) {
        CompletableFuture<@Nullable Void> added = new CompletableFuture<>();
        try {
            addPage(page, credential);
            added.complete(null);
            return added;
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.TOO_MANY_PAGES) {
                added.completeExceptionally(e);
                return added;
            }
        }
        pages.ping();
        scheduler.schedule(pages::ping, SLOT_PROBE.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> {
            try {
                addPage(page, credential);
                added.complete(null);
            } catch (Refusal | RuntimeException e) {
                added.completeExceptionally(e);
            }
        }, 3 * SLOT_PROBE.toMillis(), TimeUnit.MILLISECONDS);
        return added;
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

    /** The state every page sees: never a token, never a credential. */
    private void publishState(@Nullable Call call, @Nullable CallOutcome outcome) {
        synchronized (this) {
            shownCall = call;
            shownOutcome = outcome;
        }
        ObjectNode view = TuyaJson.object();
        view.put("panel", label);
        WebRtcConfig config = cloud.webRtcConfig();
        if (config != null && config.h265Only()) {
            view.put("video", "h265-only"); // the page says why it shows no video
        }
        view.put("webUnlock", webUnlock.configValue());
        view.put("preview", ringPreview);
        view.put("snapshot", snapshotMillis);
        if (call == null) {
            view.put("state", "IDLE");
            view.put("outcome", "");
        } else {
            view.put("state", call.state().name());
            view.put("callId", call.id());
            view.put("direction", call.isOutgoing() ? "OUTGOING" : "INCOMING");
            view.put("station", call.isOutgoing() ? "" : callingStation);
            view.put("outcome", outcome == null ? "" : outcome.name());
            view.put("endReason", call.endReason());
            view.put("connected", call.isConnected());
            view.put("answered", call.isAnswered());
            view.put("started", call.startedAt().toEpochMilli());
        }
        pages.publishState(view);
    }

    // ------------------------------------------------------------------------------------------- requests of pages

    /**
     * Answers the ringing call shown to the page as {@code callId}; the answering client gets the call token. A
     * preview of that client ({@code previewMedia}) becomes the call's media, so the answer needs no new connection.
     */
    public AnswerGrant answer(String callId, String client, @Nullable String previewMedia) throws Refusal {
        Call call = engine.current();
        if (call == null || !call.id().equals(callId) || call.isOutgoing()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "no such ringing call");
        }
        // promoted before the answer, which closes the previews that are left; only a preview the panel answered
        // (one it ignored would leave the call without media)
        SignallingRelay.Session promoted = null;
        SignallingRelay.Session preview = previewMedia == null ? null : relay.session(previewMedia);
        if (preview != null && !client.isEmpty() && preview.owner().equals(client) && preview.answer() != null
                && call.state() == CallState.RINGING && relay.promote(preview)) {
            promoted = preview;
        }
        callClient = client;
        CallResult result = engine.answer(true);
        if (!result.isSuccess() && promoted != null) {
            relay.close(promoted);
        }
        requireSuccess(result);
        String callToken = links.callToken(callId);
        webCall = new WebCall(callId, client, pages.credentialOf(client), callToken);
        return new AnswerGrant(callToken, promoted == null ? null : promoted.id());
    }

    /** Rejects the ringing call shown to the page as {@code callId}. */
    public void reject(String callId) throws Refusal {
        Call call = engine.current();
        if (call == null || !call.id().equals(callId) || call.isOutgoing()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "no such ringing call");
        }
        requireSuccess(engine.reject());
    }

    /** Calls the panel from a page; the calling client gets the call token and brings the media. */
    public String startCall(Duration timeout, String client) throws Refusal {
        callClient = client;
        requireSuccess(engine.startCall(timeout, true));
        cloud.renewWebRtcConfig();
        Call call = engine.current();
        if (call == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, "the call ended at once");
        }
        String callToken = links.callToken(call.id());
        webCall = new WebCall(call.id(), client, pages.credentialOf(client), callToken);
        return callToken;
    }

    /** Hangs up (or cancels) the call the token belongs to. */
    public void hangUp(@Nullable String callToken) throws Refusal {
        callOf(callToken);
        requireSuccess(engine.hangUp());
    }

    /** The current call if the token belongs to it. */
    private Call callOf(@Nullable String callToken) throws Refusal {
        String callId = links.callIdOf(callToken);
        Call call = engine.current();
        if (callId == null || call == null || !call.id().equals(callId) || call.isEnded()) {
            throw new Refusal(Refusal.Kind.UNAUTHORIZED, "no valid call token for the current call");
        }
        return call;
    }

    /**
     * Opens a media session for a page that listens on its event stream: the call's media (with the call token of an
     * answered call) or a live view. The ICE servers, with their TURN credentials, are handed out only here.
     */
    public MediaGrant startMedia(boolean forCall, @Nullable String callToken, String client) throws Refusal {
        if (!pages.isConnected(client)) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "open the event stream first");
        }
        SignallingRelay.Kind kind = SignallingRelay.Kind.LIVE_VIEW;
        if (forCall) {
            Call call = callOf(callToken);
            if (!call.isAnswered()) {
                throw new Refusal(Refusal.Kind.CONFLICT, "the call is not answered");
            }
            kind = SignallingRelay.Kind.CALL;
        }
        return openMedia(kind, client);
    }

    /**
     * Opens a preview for a page while the call {@code callId} rings: the page offers to receive the panel's picture
     * and sound and sends nothing until it answers. Refused when the panel's setting {@code ringPreview} is off.
     */
    public MediaGrant startPreview(String callId, String client) throws Refusal {
        if (!pages.isConnected(client)) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "open the event stream first");
        }
        if (!ringPreview) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "the preview is switched off for this panel");
        }
        Call call = engine.current();
        if (call == null || !call.id().equals(callId) || call.isOutgoing() || call.state() != CallState.RINGING) {
            throw new Refusal(Refusal.Kind.CONFLICT, "no such ringing call");
        }
        MediaGrant grant = openMedia(SignallingRelay.Kind.PREVIEW, client);
        Call now = engine.current();
        if (now == null || !now.id().equals(call.id()) || now.state() != CallState.RINGING) { // the ring ended
            SignallingRelay.Session opened = relay.session(grant.media());
            if (opened != null) {
                relay.close(opened);
            }
            throw new Refusal(Refusal.Kind.CONFLICT, "no such ringing call");
        }
        return grant;
    }

    private MediaGrant openMedia(SignallingRelay.Kind kind, String client) throws Refusal {
        List<IceServer> iceServers = freshIceServers();
        SignallingRelay.Session session;
        try {
            session = relay.open(kind, client, pages.credentialOf(client), PAGE_MEDIA_IDLE, new PageMediaListener());
        } catch (SignallingRelay.SessionLimitException e) {
            throw new Refusal(Refusal.Kind.CONFLICT, MediaSessionLimit.REFUSED);
        } catch (SignallingRelay.LimitReachedException e) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, String.valueOf(e.getMessage()));
        }
        return new MediaGrant(session.id(), iceServers);
    }

    /** The page's offer for its media session; the panel's answer arrives on the page's event stream. */
    public void offer(String mediaId, String client, String offer) throws Refusal {
        SignallingRelay.Session session = ownedMedia(mediaId, client);
        try {
            relay.offer(session, offer);
        } catch (IllegalArgumentException e) {
            relay.close(session);
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "unusable offer: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new Refusal(Refusal.Kind.CONFLICT, String.valueOf(e.getMessage()));
        } catch (Exception e) {
            mediaFailed(session);
            throw new Refusal(Refusal.Kind.UPSTREAM, "the offer could not be sent to the panel");
        }
        scheduler.schedule(() -> {
            if (!session.isClosed() && session.answer() == null) {
                relay.close(session);
                mediaFailed(session);
            }
        }, ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void candidate(String mediaId, String client, String candidate) throws Refusal {
        SignallingRelay.Session session = ownedMedia(mediaId, client);
        try {
            relay.addBrowserCandidate(session, candidate);
        } catch (IllegalStateException e) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no such media session");
        } catch (Exception e) {
            throw new Refusal(Refusal.Kind.UPSTREAM, "the candidate could not be sent to the panel");
        }
    }

    /** What the page says about its media: connected, alive, failed or closed. */
    public void mediaEvent(String mediaId, String client, String event, String detail) throws Refusal {
        SignallingRelay.Session session = ownedMedia(mediaId, client);
        boolean call = session.kind() == SignallingRelay.Kind.CALL;
        switch (event) {
            case "connected" -> {
                relay.touch(session);
                if (session.markConnected()) {
                    requestResolution(session);
                }
                if (call) {
                    engine.mediaConnected();
                }
            }
            case "alive" -> relay.touch(session);
            case "error" -> logger.debug("Panel {}: the page reports an error of media session {}: {}", deviceId,
                    session.id(), LogText.safe(detail));
            case "failed" -> {
                relay.close(session);
                if (call) {
                    engine.mediaFailed(CallError.CONNECT_FAIL);
                }
            }
            case "closed" -> {
                relay.close(session);
                if (call) {
                    engine.hangUp(); // the page that answered went away
                }
            }
            default -> throw new Refusal(Refusal.Kind.BAD_REQUEST, "unknown media event");
        }
    }

    /**
     * Where the skill says the panel switches clarity, asks for the stream of the offer (312 {@code resolution}) once
     * the media is up, as AlexxIT/go2rtc does.
     */
    private void requestResolution(SignallingRelay.Session session) {
        WebRtcConfig config = cloud.webRtcConfig();
        if (config == null || !config.claritySwitch()) {
            return;
        }
        try {
            cloud.publishToPanel(WebRtcSignalling.resolution(cloud.clientId(), target(deviceId), session.id(),
                    config.motoId(), config.offerStreamType() == 1 ? 1 : 0, clock.instant().getEpochSecond()));
        } catch (Exception e) {
            logger.debug("Panel {}: resolution request not sent: {}", deviceId, LogText.safe(e.getMessage()));
        }
    }

    /** The addressee of a 302/312 message: the device and, for a child device, its {@code sub_dev_id}. */
    private WebRtcSignalling.Target target(String device) {
        return new WebRtcSignalling.Target(device, cloud.subDeviceId());
    }

    private SignallingRelay.Session ownedMedia(String mediaId, String client) throws Refusal {
        SignallingRelay.Session session = relay.session(mediaId);
        if (session == null || !session.owner().equals(client)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no such media session");
        }
        return session;
    }

    /**
     * Opens the door from a page, as {@code webUnlock} allows: inside the incoming call that page answered (its call
     * token), never, or always. A call the page started itself (to the panel) gets talk and video, not the door: a
     * leaked page or entry link could start one, and a panel that answers calls would then open the door to it. The
     * door command runs on the scheduler; the future completes with its result.
     */
    public CompletableFuture<CallResult> unlockFromPage(@Nullable String callToken) throws Refusal {
        switch (webUnlock) {
            case NEVER -> throw new Refusal(Refusal.Kind.FORBIDDEN, "opening the door from the web is switched off");
            case IN_CALL -> {
                Call call = callOf(callToken);
                if (call.isOutgoing()) {
                    throw new Refusal(Refusal.Kind.FORBIDDEN,
                            "a call started from a page does not open the door; an incoming call answered on the page does");
                }
                if (!call.isAnswered()) {
                    throw new Refusal(Refusal.Kind.FORBIDDEN, "the door opens only inside an answered call");
                }
            }
            case ALWAYS -> {
            }
        }
        return CompletableFuture.supplyAsync(cloud::unlockDoor, scheduler);
    }

    /**
     * A live view for a client that does not trickle (Main UI's oh-video): the answer completes with the panel's
     * candidates inside, or fails after {@link #ANSWER_WAIT}.
     */
    public CompletableFuture<String> liveViewWithoutTrickle(String offer, PageCredential credential) throws Refusal {
        freshIceServers();
        NonTrickleAnswer collector = new NonTrickleAnswer(scheduler, CANDIDATE_QUIET, CANDIDATE_MAX);
        SignallingRelay.Session session;
        try {
            session = relay.open(SignallingRelay.Kind.LIVE_VIEW, "", credential, VIDEO_LIVE_VIEW_LIMIT, collector);
        } catch (SignallingRelay.SessionLimitException e) {
            throw new Refusal(Refusal.Kind.CONFLICT, MediaSessionLimit.REFUSED);
        } catch (SignallingRelay.LimitReachedException e) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, String.valueOf(e.getMessage()));
        }
        try {
            relay.offer(session, offer);
        } catch (IllegalArgumentException e) {
            relay.close(session);
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "unusable offer: " + e.getMessage());
        } catch (Exception e) {
            relay.close(session);
            throw new Refusal(Refusal.Kind.UPSTREAM, "the offer could not be sent to the panel");
        }
        return collector.result().orTimeout(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((a, e) -> {
            if (e != null) {
                relay.close(session);
            }
        });
    }

    /**
     * The ICE servers of a WebRTC configuration young enough for a new media session; refused (the page may retry in
     * a moment) while a new one is being fetched, so that no web request waits for the cloud.
     */
    private List<IceServer> freshIceServers() throws Refusal {
        WebRtcConfig config = cloud.freshWebRtcConfig();
        if (config == null) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE,
                    "the panel's WebRTC configuration is being renewed; try again in a moment");
        }
        return config.iceServers();
    }

    /** ICE servers as the browser's RTCPeerConnection takes them. */
    public static ArrayNode iceServersJson(List<IceServer> servers) {
        ArrayNode array = TuyaJson.MAPPER.createArrayNode();
        for (IceServer ice : servers) {
            ObjectNode server = array.addObject().put("urls", ice.urls());
            if (!ice.username().isEmpty()) {
                server.put("username", ice.username()).put("credential", ice.credential());
            }
        }
        return array;
    }

    private static void requireSuccess(CallResult result) throws Refusal {
        if (!result.isSuccess()) {
            CallError error = result.error();
            throw new Refusal(Refusal.Kind.CONFLICT, error == null ? "refused" : error.name());
        }
    }

    // ------------------------------------------------------------------------------------------- media

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

    private void mediaFailed(SignallingRelay.Session session) {
        if (session.kind() == SignallingRelay.Kind.CALL) {
            engine.mediaFailed(CallError.CONNECT_FAIL);
        }
    }

    /** Pushes the panel's answer, candidates and the end of a page's media session to that page. */
    private final class PageMediaListener implements SignallingRelay.SessionListener {
        @Override
        public void answered(SignallingRelay.Session session, String browserAnswer) {
            pages.sendTo(session.owner(), "media",
                    TuyaJson.object().put("media", session.id()).put("type", "answer").put("sdp", browserAnswer));
        }

        @Override
        public void candidate(SignallingRelay.Session session, String candidate) {
            pages.sendTo(session.owner(), "media",
                    TuyaJson.object().put("media", session.id()).put("type", "candidate").put("candidate", candidate));
        }

        @Override
        public void closed(SignallingRelay.Session session) {
            ObjectNode event = TuyaJson.object().put("media", session.id()).put("type", "closed");
            if (session.displacedByCall()) {
                event.put("reason", MediaSessionLimit.REFUSED); // the page says why its view ended
            }
            pages.sendTo(session.owner(), "media", event);
        }
    }

    /** Sends 302 messages of media sessions to the panel, waking a low-power panel before an offer. */
    private final class PanelTransport implements SignallingRelay.Transport {
        @Override
        public void sendOffer(String sessionId, String sdp) throws Exception {
            WebRtcConfig config = cloud.freshWebRtcConfig();
            if (config == null) {
                throw new IllegalStateException("no current WebRTC configuration");
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
        public void sendCandidate(String sessionId, String candidate) throws Exception {
            cloud.publishToPanel(WebRtcSignalling.candidate(cloud.clientId(), target(deviceId), sessionId, motoId(),
                    candidate, clock.instant().getEpochSecond()));
        }

        @Override
        public void sendDisconnect(String sessionId) throws Exception {
            cloud.publishToPanel(WebRtcSignalling.disconnect(cloud.clientId(), target(deviceId), sessionId, motoId(),
                    clock.instant().getEpochSecond()));
        }

        private String motoId() {
            WebRtcConfig config = cloud.webRtcConfig();
            return config == null ? "" : config.motoId();
        }
    }
}
