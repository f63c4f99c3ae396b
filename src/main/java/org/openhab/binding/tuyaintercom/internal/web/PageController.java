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
package org.openhab.binding.tuyaintercom.internal.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.call.Call;
import org.openhab.binding.tuyaintercom.internal.call.CallError;
import org.openhab.binding.tuyaintercom.internal.call.CallResult;
import org.openhab.binding.tuyaintercom.internal.call.CallState;
import org.openhab.binding.tuyaintercom.internal.call.MessageNotSentException;
import org.openhab.binding.tuyaintercom.internal.intercom.MediaSessionLimit;
import org.openhab.binding.tuyaintercom.internal.intercom.PageClients;
import org.openhab.binding.tuyaintercom.internal.intercom.PageCredential;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelLinks;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.IceServer;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The call page's controller for one panel: what a page (or Main UI's {@code oh-video}) may ask of the panel's
 * {@link PanelSession} and how it is refused ({@link Refusal}, which the servlet maps to HTTP statuses): its event
 * stream, answer, reject, call, hang-up, media sessions (call, live view, preview), the door. The session keeps the
 * panel's runtime; this class holds no state of its own, so a request may make one for the session it asks.
 * <p>
 * Nothing here waits for the network: the panel's answers and candidates are pushed to the page that asked, and the
 * door command runs on the scheduler.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PageController {
    /** A call page's media session ends this long after the page stopped saying it is alive. */
    public static final Duration PAGE_MEDIA_IDLE = Duration.ofSeconds(30);
    /** An oh-video live view ends this long after it started (the widget has no keep-alive). */
    public static final Duration VIDEO_LIVE_VIEW_LIMIT = Duration.ofMinutes(10);
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

    /** What a page gets when it may start media: the media session id and the ICE servers (with TURN credentials). */
    public record MediaGrant(String media, List<IceServer> iceServers) {
    }

    /**
     * What the answering page gets: the call token, and the id of its preview when that became the call's media (the
     * page then sends its microphone on the same connection), else null.
     */
    public record AnswerGrant(String callToken, @Nullable String media) {
    }

    private final Logger logger = LoggerFactory.getLogger(PageController.class);
    private final PanelSession panel;
    private final SignallingRelay relay;
    private final PageClients pages;
    private final PanelLinks links;
    private final ScheduledExecutorService scheduler;

    public PageController(PanelSession panel) {
        this.panel = panel;
        this.relay = panel.relay();
        this.pages = panel.pages();
        this.links = panel.links();
        this.scheduler = panel.scheduler();
    }

    /**
     * Adds a page's event stream. A page that reconnects (same id) gets again what the panel sent for its open media
     * sessions, answer and candidates, in case some of it was sent while its stream was down; the page ignores what
     * it has already.
     */
    public void addPage(PageClients.PageClient page, PageCredential credential) throws Refusal {
        try {
            pages.add(page, credential);
        } catch (PageClients.TooManyPages e) {
            throw new Refusal(Refusal.Kind.TOO_MANY_PAGES, String.valueOf(e.getMessage()));
        } catch (PageClients.PanelGone e) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, String.valueOf(e.getMessage()));
        }
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

    /**
     * Answers the ringing call shown to the page as {@code callId}; the answering client gets the call token. A
     * preview of that client ({@code previewMedia}) becomes the call's media, so the answer needs no new connection.
     */
    public AnswerGrant answer(String callId, String client, @Nullable String previewMedia) throws Refusal {
        Call call = panel.engine().current();
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
        panel.callBroughtBy(client);
        CallResult result = panel.engine().answer(true);
        if (!result.isSuccess() && promoted != null) {
            relay.close(promoted);
        }
        requireSuccess(result);
        String callToken = links.callToken(callId);
        panel.pageCall(callId, client, pages.credentialOf(client), callToken);
        return new AnswerGrant(callToken, promoted == null ? null : promoted.id());
    }

    /** Rejects the ringing call shown to the page as {@code callId}. */
    public void reject(String callId) throws Refusal {
        Call call = panel.engine().current();
        if (call == null || !call.id().equals(callId) || call.isOutgoing()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "no such ringing call");
        }
        requireSuccess(panel.engine().reject());
    }

    /** Calls the panel from a page; the calling client gets the call token and brings the media. */
    public String startCall(Duration timeout, String client) throws Refusal {
        panel.callBroughtBy(client);
        requireSuccess(panel.engine().startCall(timeout, true));
        panel.prepareMedia();
        Call call = panel.engine().current();
        if (call == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, "the call ended at once");
        }
        String callToken = links.callToken(call.id());
        panel.pageCall(call.id(), client, pages.credentialOf(client), callToken);
        return callToken;
    }

    /** Hangs up (or cancels) the call the token belongs to. */
    public void hangUp(@Nullable String callToken) throws Refusal {
        callOf(callToken);
        requireSuccess(panel.engine().hangUp());
    }

    /** The current call if the token belongs to it. */
    private Call callOf(@Nullable String callToken) throws Refusal {
        String callId = links.callIdOf(callToken);
        Call call = panel.engine().current();
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
        if (!panel.ringPreview()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "the preview is switched off for this panel");
        }
        Call call = panel.engine().current();
        if (call == null || !call.id().equals(callId) || call.isOutgoing() || call.state() != CallState.RINGING) {
            throw new Refusal(Refusal.Kind.CONFLICT, "no such ringing call");
        }
        MediaGrant grant = openMedia(SignallingRelay.Kind.PREVIEW, client);
        Call now = panel.engine().current();
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
        } catch (MessageNotSentException e) {
            panel.mediaFailed(session);
            throw new Refusal(Refusal.Kind.UPSTREAM, "the offer could not be sent to the panel");
        }
        scheduler.schedule(() -> {
            if (!session.isClosed() && session.answer() == null) {
                relay.close(session);
                panel.mediaFailed(session);
            }
        }, ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void candidate(String mediaId, String client, String candidate) throws Refusal {
        SignallingRelay.Session session = ownedMedia(mediaId, client);
        try {
            relay.addBrowserCandidate(session, candidate);
        } catch (IllegalStateException e) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no such media session");
        } catch (MessageNotSentException e) {
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
                    panel.requestResolution(session);
                }
                if (call) {
                    panel.engine().mediaConnected();
                }
            }
            case "alive" -> relay.touch(session);
            case "error" -> logger.debug("Panel {}: the page reports an error of media session {}: {}",
                    panel.deviceId(), session.id(), LogText.safe(detail));
            case "failed" -> {
                relay.close(session);
                if (call) {
                    panel.engine().mediaFailed(CallError.CONNECT_FAIL);
                }
            }
            case "closed" -> {
                relay.close(session);
                if (call) {
                    panel.engine().hangUp(); // the page that answered went away
                }
            }
            default -> throw new Refusal(Refusal.Kind.BAD_REQUEST, "unknown media event");
        }
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
        switch (panel.webUnlock()) {
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
        return panel.unlockDoorLater();
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
        } catch (MessageNotSentException | IllegalStateException e) {
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
        WebRtcConfig config = panel.freshWebRtcConfig();
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
}
