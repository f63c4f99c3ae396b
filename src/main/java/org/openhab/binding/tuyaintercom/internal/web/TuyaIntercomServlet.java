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

import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.SERVLET_PATH;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The binding's HTTP endpoints below {@code /tuyaintercom}, all behind links the binding signed (openHAB does not
 * protect a binding's servlets):
 * <ul>
 * <li>{@code POST /video/<thing>?t=…}: openHAB's {@code oh-video} WebRTC exchange, form {@code data=base64(offer)},
 * answered with a base64 answer;</li>
 * <li>{@code GET /call/<thing>?t=…}: the call page;</li>
 * <li>{@code /api/<thing>/…?t=…}: the call page's signalling — state (long-poll), ice, answer, reject, hangup, call,
 * view, candidate, candidates (long-poll), media, unlock.</li>
 * </ul>
 * Unsigned, expired or tampered links get 401, bodies over {@value #MAX_BODY_BYTES} bytes 413; requests that change
 * something are POST only. Only {@code GET /} answers without a link, telling that the binding is installed.
 */
@NonNullByDefault
@Component(service = Servlet.class)
@HttpWhiteboardServletName(SERVLET_PATH)
@HttpWhiteboardServletPattern(SERVLET_PATH + "/*")
@HttpWhiteboardServletAsyncSupported
public class TuyaIntercomServlet extends HttpServlet {
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long serialVersionUID = 1L;
    private static final Duration STATE_WAIT = Duration.ofSeconds(25);

    private final Logger logger = LoggerFactory.getLogger(TuyaIntercomServlet.class);
    private final transient PanelDirectory directory;
    private final transient CallPage page = new CallPage();

    @Activate
    public TuyaIntercomServlet(@Reference PanelDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected void doGet(@Nullable HttpServletRequest request, @Nullable HttpServletResponse response)
            throws IOException {
        if (request != null && response != null) {
            serve(request, response, false);
        }
    }

    @Override
    protected void doPost(@Nullable HttpServletRequest request, @Nullable HttpServletResponse response)
            throws IOException {
        if (request != null && response != null) {
            serve(request, response, true);
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getPathInfo();
        if (path == null || "/".equals(path)) {
            text(response, 200, "Tuya Intercom binding\n");
            return;
        }
        String[] parts = path.substring(1).split("/");
        try {
            if (parts.length < 2) {
                throw new HttpProblem(404, "not found");
            }
            String kind = parts[0];
            String thing = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            String operation = parts.length > 2 ? parts[2] : "";
            switch (kind) {
                case "video" -> video(request, response, post, authenticate(request, thing, LinkSigner.Scope.VIDEO));
                case "call" -> {
                    authenticate(request, thing, LinkSigner.Scope.PAGE);
                    requireMethod(!post, "GET");
                    response.setContentType("text/html;charset=utf-8");
                    response.getOutputStream().write(page.html());
                }
                case "api" -> {
                    WebPanel panel = authenticate(request, thing, LinkSigner.Scope.PAGE);
                    json(response, 200, api(request, post, panel, operation));
                }
                default -> throw new HttpProblem(404, "not found");
            }
        } catch (HttpProblem e) {
            if (e.status() >= 500) {
                logger.debug("{} {}: {}", request.getMethod(), parts.length > 2 ? parts[2] : parts[0], e.getMessage());
            }
            ObjectNode error = TuyaJson.object();
            error.put("error", String.valueOf(e.getMessage()));
            json(response, e.status(), error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(503);
        }
    }

    private ObjectNode api(HttpServletRequest request, boolean post, WebPanel panel, String operation)
            throws HttpProblem, IOException, InterruptedException {
        switch (operation) {
            case "state": {
                requireMethod(!post, "GET");
                long since = parseLong(query(request, "since"), -1);
                return panel.board().await(since, since < 0 ? Duration.ZERO : STATE_WAIT);
            }
            case "ice":
                requireMethod(!post, "GET");
                return CallPageApi.iceServers(panel);
            case "candidates": {
                requireMethod(!post, "GET");
                ObjectNode query = TuyaJson.object();
                query.put("media", String.valueOf(query(request, "media")));
                query.put("since", parseLong(query(request, "since"), 0));
                return CallPageApi.candidates(panel, query);
            }
            default:
                break;
        }
        requireMethod(post, "POST");
        JsonNode body = jsonBody(request);
        return switch (operation) {
            case "answer" -> CallPageApi.answer(panel, body);
            case "reject" -> {
                CallPageApi.requireCallToken(panel, body.path("callToken").asText(null));
                yield CallPageApi.result(CallPageApi.engine(panel).reject());
            }
            case "hangup" -> {
                CallPageApi.requireCallToken(panel, body.path("callToken").asText(null));
                yield CallPageApi.result(CallPageApi.engine(panel).hangUp());
            }
            case "call" -> CallPageApi.result(CallPageApi.engine(panel)
                    .startCall(Duration.ofSeconds(Math.max(5, Math.min(120, body.path("timeout").asInt(30))))));
            case "view" -> CallPageApi.view(panel, body, false, CallPageApi.PAGE_MEDIA_IDLE);
            case "candidate" -> CallPageApi.candidate(panel, body);
            case "media" -> CallPageApi.mediaEvent(panel, body);
            case "unlock" -> CallPageApi.result(panel.unlock());
            default -> throw new HttpProblem(404, "not found");
        };
    }

    private void video(HttpServletRequest request, HttpServletResponse response, boolean post, WebPanel panel)
            throws HttpProblem, IOException, InterruptedException {
        requireMethod(post, "POST");
        Map<String, String> form = form(new String(body(request), StandardCharsets.UTF_8));
        String data = form.getOrDefault("data", "");
        String offer;
        try {
            // a '+' sent without form encoding arrives as a space
            offer = new String(Base64.getDecoder().decode(data.trim().replace(' ', '+')), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "data is not base64");
        }
        String answer = CallPageApi.liveViewAnswer(panel, offer);
        text(response, 200, Base64.getEncoder().encodeToString(answer.getBytes(StandardCharsets.UTF_8)));
    }

    private WebPanel authenticate(HttpServletRequest request, String thing, LinkSigner.Scope scope)
            throws HttpProblem {
        WebPanel panel = directory.get(thing);
        if (panel == null) {
            throw new HttpProblem(401, "invalid or expired link");
        }
        LinkSigner.Token token;
        try {
            token = panel.signer().verify(query(request, "t"), scope, thing);
        } catch (IllegalStateException e) {
            token = null;
        }
        if (token == null) {
            throw new HttpProblem(401, "invalid or expired link");
        }
        return panel;
    }

    private static void requireMethod(boolean ok, String method) throws HttpProblem {
        if (!ok) {
            throw new HttpProblem(405, "use " + method);
        }
    }

    private static byte[] body(HttpServletRequest request) throws HttpProblem, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new HttpProblem(413, "request body too large");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new HttpProblem(413, "request body too large");
            }
            return bytes;
        }
    }

    private static JsonNode jsonBody(HttpServletRequest request) throws HttpProblem, IOException {
        byte[] bytes = body(request);
        if (bytes.length == 0) {
            return TuyaJson.object();
        }
        try {
            JsonNode node = TuyaJson.parse(new String(bytes, StandardCharsets.UTF_8));
            if (!node.isObject()) {
                throw new HttpProblem(400, "expected a JSON object");
            }
            return node;
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "not JSON");
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // a malformed pair is ignored
                }
            }
        }
        return form;
    }

    /**
     * A parameter of the query string only: {@code getParameter} would make the container read a form body, which
     * the endpoints read themselves with a size limit.
     */
    static @Nullable String query(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        return query == null ? null : form(query).get(name);
    }

    private static long parseLong(@Nullable String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void text(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpServletResponse response, int status, JsonNode json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(TuyaJson.write(json).getBytes(StandardCharsets.UTF_8));
    }
}
