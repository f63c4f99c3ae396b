/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
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
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.call.Call;
import org.openhab.binding.tuyaintercom.internal.call.CallEngine;
import org.openhab.binding.tuyaintercom.internal.call.CallError;
import org.openhab.binding.tuyaintercom.internal.call.CallResult;
import org.openhab.binding.tuyaintercom.internal.handler.MediaRelay;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.IceServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the call page and oh-video ask of a panel, after their request was authenticated: call actions go through the
 * panel's call engine (the same as channel commands and rule actions), media goes through its relay.
 */
@NonNullByDefault
public final class CallPageApi {
    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    static final Duration PAGE_MEDIA_IDLE = Duration.ofSeconds(30);
    static final Duration LIVE_VIEW_LIMIT = Duration.ofMinutes(30);

    private CallPageApi() {
    }

    static CallEngine engine(WebPanel panel) throws HttpProblem {
        CallEngine engine = panel.engine();
        if (engine == null) {
            throw new HttpProblem(503, "the panel is not online");
        }
        return engine;
    }

    static MediaRelay relay(WebPanel panel) throws HttpProblem {
        MediaRelay relay = panel.relay();
        if (relay == null) {
            throw new HttpProblem(503, "the panel is not online");
        }
        return relay;
    }

    /** A call action token must belong to the call that is active now: tokens of ended calls are refused. */
    static void requireCallToken(WebPanel panel, @Nullable String callToken) throws HttpProblem {
        LinkSigner.Token token = panel.signer().verify(callToken, LinkSigner.Scope.CALL, panel.thingUID());
        Call call = engine(panel).current();
        if (token == null || call == null || !call.sessionId().equals(token.session())) {
            throw new HttpProblem(401, "no valid call token for the current call");
        }
    }

    static ObjectNode result(CallResult result) throws HttpProblem {
        if (!result.isSuccess()) {
            CallError error = result.error();
            throw new HttpProblem(409, error == null ? "refused" : error.name());
        }
        ObjectNode json = TuyaJson.object();
        json.put("result", "SUCCESS");
        return json;
    }

    static ObjectNode iceServers(WebPanel panel) {
        ObjectNode json = TuyaJson.object();
        ArrayNode servers = json.putArray("iceServers");
        for (IceServer ice : panel.iceServers()) {
            ObjectNode server = servers.addObject().put("urls", ice.urls());
            if (!ice.username().isEmpty()) {
                server.put("username", ice.username()).put("credential", ice.credential());
            }
        }
        return json;
    }

    /** Answers the ringing call with media: the call is CONNECTING until the page reports the media connected. */
    static ObjectNode answer(WebPanel panel, JsonNode body) throws HttpProblem, InterruptedException {
        requireCallToken(panel, body.path("callToken").asText(null));
        String offer = offer(body);
        CallEngine engine = engine(panel);
        ObjectNode json = result(engine.answer(true));
        try {
            MediaRelay.Session session = openMedia(panel, offer, PAGE_MEDIA_IDLE);
            panel.attachCallMedia(session.id());
            json.put("media", session.id());
            json.put("answer", relay(panel).answer(session, ANSWER_WAIT, false));
            return json;
        } catch (HttpProblem e) {
            engine.mediaFailed(CallError.CONNECT_FAIL);
            throw e;
        } catch (TimeoutException e) {
            engine.mediaFailed(CallError.CONNECT_FAIL);
            throw new HttpProblem(504, "the panel did not answer the media offer");
        }
    }

    /** Media outside a call (live view), or for an answered call without media yet ({@code forCall}). */
    static ObjectNode view(WebPanel panel, JsonNode body, boolean embedCandidates, Duration idle)
            throws HttpProblem, InterruptedException {
        MediaRelay.Session session = openMedia(panel, offer(body), idle);
        if (body.path("forCall").asBoolean(false)) {
            Call call = engine(panel).current();
            if (call != null && call.isAnswered()) {
                panel.attachCallMedia(session.id());
            }
        }
        ObjectNode json = TuyaJson.object();
        json.put("media", session.id());
        try {
            json.put("answer", relay(panel).answer(session, ANSWER_WAIT, embedCandidates));
        } catch (TimeoutException e) {
            relay(panel).close(session);
            throw new HttpProblem(504, "the panel did not answer the media offer");
        }
        return json;
    }

    static String liveViewAnswer(WebPanel panel, String offer) throws HttpProblem, InterruptedException {
        ObjectNode body = TuyaJson.object();
        body.put("offer", offer);
        return view(panel, body, true, LIVE_VIEW_LIMIT).path("answer").asText();
    }

    private static MediaRelay.Session openMedia(WebPanel panel, String offer, Duration idle) throws HttpProblem {
        try {
            return relay(panel).open(offer, idle);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "unusable offer: " + e.getMessage());
        } catch (HttpProblem e) {
            throw e;
        } catch (Exception e) {
            throw new HttpProblem(502, "the offer could not be sent to the panel");
        }
    }

    private static String offer(JsonNode body) throws HttpProblem {
        String offer = body.path("offer").asText("");
        if (offer.isEmpty()) {
            throw new HttpProblem(400, "no offer");
        }
        return offer;
    }

    static MediaRelay.Session media(WebPanel panel, JsonNode bodyOrQuery) throws HttpProblem {
        String id = bodyOrQuery.path("media").asText("");
        MediaRelay.Session session = relay(panel).session(id);
        if (session == null) {
            throw new HttpProblem(404, "no such media session");
        }
        return session;
    }

    static ObjectNode candidate(WebPanel panel, JsonNode body) throws HttpProblem {
        MediaRelay.Session session = media(panel, body);
        try {
            relay(panel).addBrowserCandidate(session, body.path("candidate").asText(""));
        } catch (HttpProblem e) {
            throw e;
        } catch (Exception e) {
            throw new HttpProblem(502, "the candidate could not be sent to the panel");
        }
        return TuyaJson.object().put("result", "SUCCESS");
    }

    static ObjectNode candidates(WebPanel panel, JsonNode query) throws HttpProblem, InterruptedException {
        MediaRelay.Session session = media(panel, query);
        MediaRelay relay = relay(panel);
        List<String> candidates = relay.panelCandidates(session, Math.max(0, query.path("since").asInt(0)),
                Duration.ofSeconds(10));
        ObjectNode json = TuyaJson.object();
        ArrayNode array = json.putArray("candidates");
        candidates.forEach(array::add);
        json.put("closed", session.isClosed());
        return json;
    }

    static ObjectNode mediaEvent(WebPanel panel, JsonNode body) throws HttpProblem {
        MediaRelay.Session session = media(panel, body);
        MediaRelay relay = relay(panel);
        CallEngine engine = engine(panel);
        switch (body.path("event").asText("")) {
            case "connected" -> {
                relay.touch(session);
                if (panel.isCallMedia(session.id())) {
                    engine.mediaConnected();
                }
            }
            case "alive" -> relay.touch(session);
            case "failed" -> {
                relay.close(session);
                if (panel.isCallMedia(session.id())) {
                    engine.mediaFailed(CallError.CONNECT_FAIL);
                }
            }
            case "closed" -> {
                relay.close(session);
                if (panel.isCallMedia(session.id())) {
                    engine.hangUp(); // the page that answered went away
                }
            }
            default -> throw new HttpProblem(400, "unknown media event");
        }
        return TuyaJson.object().put("result", "SUCCESS");
    }
}
