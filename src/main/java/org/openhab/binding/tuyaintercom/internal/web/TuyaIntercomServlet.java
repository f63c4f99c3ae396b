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

import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.SERVLET_PATH;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.servlet.AsyncContext;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.call.CallResult;
import org.openhab.binding.tuyaintercom.internal.intercom.PageCredential;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.i18n.LocaleProvider;
import org.openhab.core.i18n.TranslationProvider;
import org.osgi.framework.BundleContext;
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
 * The binding's HTTP endpoints below {@code /tuyaintercom}. openHAB does not protect a binding's servlets, so each
 * needs a credential of the panel (see {@code PanelLinks}): a page link {@code t=…} or the entry key {@code k=…} for
 * the call page and its API, a video link for oh-video, and the call token of an answered call for what happens inside
 * that call.
 * <ul>
 * <li>{@code POST /video/<thing>?t=…}: openHAB's {@code oh-video} WebRTC exchange, form {@code data=base64(offer)},
 * answered with a base64 answer (asynchronously: no server thread waits for the panel);</li>
 * <li>{@code GET /call/<thing>?t=…|k=…}: the call page;</li>
 * <li>{@code GET /assets/<version>/<name>}: the pages' script and style ({@link PageAssets}: no secret, no
 * credential, cached for good under their version);</li>
 * <li>{@code GET /api/<thing>/events?c=<page id>}: the page's Server-Sent-Events stream (call state; the panel's media
 * answer and candidates for the page's own media), held without a thread;</li>
 * <li>{@code GET /api/<thing>/snapshot}: the panel's latest snapshot (JPEG, from memory), 404 before the first;</li>
 * <li>{@code POST /api/<thing>/answer|reject|call|hangup|media-start|offer|candidate|media|unlock}: JSON requests;</li>
 * <li>{@code GET /signin/<bridge>?k=<sign-in key>}: the QR code sign-in page of a Tuya Smart account bridge
 * ({@link SignInPage}).</li>
 * </ul>
 * Unsigned, expired, revoked or tampered credentials get 401, a credential parameter given twice 400, bodies over
 * {@value #MAX_BODY_BYTES} bytes 413; requests that change something are POST only, need {@code application/json} and
 * the same origin ({@link RequestGuard}, else 403); methods other than GET, HEAD and POST get 405. The path is decoded
 * once (by the container). Too many open pages get 429, too many live views 503. Every response carries
 * {@link SecurityHeaders} (a strict Content-Security-Policy: the pages have no inline script or style).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(service = Servlet.class)
@HttpWhiteboardServletName(SERVLET_PATH)
@HttpWhiteboardServletPattern(SERVLET_PATH + "/*")
@HttpWhiteboardServletAsyncSupported
public class TuyaIntercomServlet extends HttpServlet {
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long serialVersionUID = 1L;
    private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Duration UNLOCK_WAIT = Duration.ofSeconds(15);
    private static final String ALLOWED_METHODS = "GET, HEAD, POST";

    private final Logger logger = LoggerFactory.getLogger(TuyaIntercomServlet.class);
    private final transient PanelDirectory directory;
    private final transient PageAssets assets = new PageAssets();
    private final transient CallPage page;
    private final transient SignInPage signInPage;
    private final transient ExecutorService writer = ThreadPoolManager.getPool("tuyaintercom-web");
    private final transient KnownHosts knownHosts = new KnownHosts();

    /** The pages' texts come from openHAB's translations of this bundle (and its fragments). */
    @Activate
    public TuyaIntercomServlet(@Reference PanelDirectory directory, @Reference TranslationProvider i18n,
            @Reference LocaleProvider localeProvider, BundleContext context) {
        this.directory = directory;
        PageTexts texts = new PageTexts(i18n, localeProvider, context.getBundle());
        this.page = new CallPage(texts, assets);
        this.signInPage = new SignInPage(texts);
        writer.execute(knownHosts::learnMachineNames); // may wait for the resolver: not on a request's thread
    }

    /** GET, HEAD and POST are served; every other method (PUT, DELETE, PATCH, TRACE, OPTIONS, …) gets 405. */
    @Override
    protected void service(@Nullable HttpServletRequest request, @Nullable HttpServletResponse response)
            throws ServletException, IOException {
        if (request == null || response == null) {
            return;
        }
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "POST".equals(method)) {
            super.service(request, response);
        } else {
            refuseMethod(response);
        }
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

    private static void refuseMethod(HttpServletResponse response) throws IOException {
        response.setHeader("Allow", ALLOWED_METHODS);
        json(response, 405, TuyaJson.object().put("error", "method not allowed"));
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        SecurityHeaders.set(response);
        String path = request.getPathInfo();
        if (path == null || "/".equals(path)) {
            text(response, 200, "Tuya Intercom binding\n");
            return;
        }
        String[] parts = path.substring(1).split("/");
        String kind = parts[0];
        try {
            if (parts.length < 2) {
                throw new HttpProblem(404, "not found");
            }
            String thing = parts[1]; // decoded by the container; decoding again would turn %253A into ':'
            String operation = parts.length > 2 ? parts[2] : "";
            switch (kind) {
                case "video" -> video(request, response, post, thing);
                case "call" -> callPage(request, response, post, thing);
                case PageAssets.PATH -> asset(response, post, thing, operation);
                case "api" -> api(request, response, post, pagePanel(request, thing), operation);
                case "signin" -> signInPage.serve(response, post, directory.signIn(thing), query(request, "k"),
                        request.getHeader("Accept-Language"));
                default -> throw new HttpProblem(404, "not found");
            }
        } catch (HttpProblem e) {
            problem(request, response, kind, e);
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, String kind, HttpProblem e)
            throws IOException {
        logger.debug("{} {} refused with {}: {}", LogText.safe(request.getMethod()),
                LogText.safe(request.getPathInfo()), e.status(), LogText.safe(e.getMessage()));
        if ("call".equals(kind) && e.status() == 401) {
            response.setStatus(401);
            response.setContentType("text/html;charset=utf-8");
            response.getOutputStream().write(page.invalidLink(request.getHeader("Accept-Language")));
            return;
        }
        if (e.status() == 405) {
            response.setHeader("Allow", e.allow());
        }
        json(response, e.status(), TuyaJson.object().put("error", String.valueOf(e.getMessage())));
    }

    private void callPage(HttpServletRequest request, HttpServletResponse response, boolean post, String thing)
            throws HttpProblem, IOException {
        PanelSession panel = pagePanel(request, thing);
        requireMethod(!post, "GET");
        response.setContentType("text/html;charset=utf-8");
        response.getOutputStream()
                .write(page.html(request.getHeader("Accept-Language"), new CallPage.Panel(panel.thingUID(),
                        panel.label(), panel.ringTimeout().toSeconds(), panel.webUnlock().configValue())));
    }

    /** A file of the pages: no credential, no secret; kept for good under its version. */
    private void asset(HttpServletResponse response, boolean post, String version, String name)
            throws HttpProblem, IOException {
        requireMethod(!post, "GET");
        PageAssets.Asset asset = assets.get(version, name);
        if (asset == null) {
            throw new HttpProblem(404, "not found");
        }
        response.setHeader("Cache-Control", PageAssets.CACHE_CONTROL);
        response.setStatus(200);
        response.setContentType(asset.contentType());
        response.setContentLength(asset.bytes().length);
        response.getOutputStream().write(asset.bytes());
    }

    private void api(HttpServletRequest request, HttpServletResponse response, boolean post, PanelSession panel,
            String operation) throws HttpProblem, IOException {
        if ("events".equals(operation)) {
            requireMethod(!post, "GET");
            events(request, response, panel);
            return;
        }
        if ("snapshot".equals(operation)) {
            requireMethod(!post, "GET");
            byte[] jpeg = panel.snapshot();
            if (jpeg == null) {
                throw new HttpProblem(404, "no snapshot yet");
            }
            response.setStatus(200);
            response.setContentType("image/jpeg");
            response.setContentLength(jpeg.length);
            response.getOutputStream().write(jpeg);
            return;
        }
        requireMethod(post, "POST");
        RequestGuard.requireSameOrigin(request, knownHosts);
        RequestGuard.requireJson(request);
        JsonNode body = jsonBody(request);
        PageController controller = new PageController(panel);
        try {
            switch (operation) {
                case "answer" -> {
                    PageController.AnswerGrant grant = controller.answer(body.path("callId").asText(""),
                            body.path("client").asText(""), body.path("preview").asText(null));
                    ObjectNode json = TuyaJson.object().put("result", "SUCCESS").put("callToken", grant.callToken());
                    String media = grant.media();
                    if (media != null) {
                        json.put("media", media);
                    }
                    json(response, 200, json);
                }
                case "reject" -> {
                    controller.reject(body.path("callId").asText(""));
                    success(response);
                }
                case "call" -> json(response, 200, TuyaJson.object().put("result", "SUCCESS").put("callToken",
                        controller.startCall(callTimeout(body, panel), body.path("client").asText(""))));
                case "hangup" -> {
                    controller.hangUp(body.path("callToken").asText(null));
                    success(response);
                }
                case "media-start" -> {
                    String client = body.path("client").asText("");
                    PageController.MediaGrant grant = body.path("preview").asBoolean(false)
                            ? controller.startPreview(body.path("callId").asText(""), client)
                            : controller.startMedia(body.path("forCall").asBoolean(false),
                                    body.path("callToken").asText(null), client);
                    ObjectNode json = TuyaJson.object().put("media", grant.media());
                    json.set("iceServers", PageController.iceServersJson(grant.iceServers()));
                    json(response, 200, json);
                }
                case "offer" -> {
                    controller.offer(body.path("media").asText(""), body.path("client").asText(""),
                            body.path("offer").asText(""));
                    success(response);
                }
                case "candidate" -> {
                    controller.candidate(body.path("media").asText(""), body.path("client").asText(""),
                            body.path("candidate").asText(""));
                    success(response);
                }
                case "media" -> {
                    controller.mediaEvent(body.path("media").asText(""), body.path("client").asText(""),
                            body.path("event").asText(""), body.path("detail").asText(""));
                    success(response);
                }
                case "unlock" -> unlock(request, response,
                        controller.unlockFromPage(body.path("callToken").asText(null)));
                default -> throw new HttpProblem(404, "not found");
            }
        } catch (Refusal e) {
            throw problem(e);
        }
    }

    /** Opens the page's event stream: the request is put in async mode, no thread waits for events. */
    private void events(HttpServletRequest request, HttpServletResponse response, PanelSession panel)
            throws HttpProblem, IOException {
        String pageId = query(request, "c");
        if (pageId == null || !PAGE_ID.matcher(pageId).matches()) {
            throw new HttpProblem(400, "no page id");
        }
        EventStream stream = new EventStream(pageId, writer, panel.pages());
        // the credential is kept with the stream: it is counted per credential and closed when it is revoked
        PageCredential credential = PageCredential.page(query(request, "t"), query(request, "k"));
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        // without a free slot the open streams are probed first (bounded: a few hundred milliseconds)
        new PageController(panel).addPageProbing(stream, credential).whenComplete((added, e) -> {
            HttpServletResponse asyncResponse = (HttpServletResponse) async.getResponse();
            try {
                if (e != null) {
                    HttpProblem refused = e instanceof Refusal refusal ? problem(refusal)
                            : new HttpProblem(500, "the page could not be added");
                    logger.debug("{} {} refused with {}: {}", request.getMethod(), LogText.safe(request.getPathInfo()),
                            refused.status(), LogText.safe(refused.getMessage()));
                    json(asyncResponse, refused.status(),
                            TuyaJson.object().put("error", String.valueOf(refused.getMessage())));
                    complete(async);
                    return;
                }
                asyncResponse.setStatus(200);
                asyncResponse.setContentType("text/event-stream;charset=utf-8");
                asyncResponse.setHeader("X-Accel-Buffering", "no");
                asyncResponse.getOutputStream().write(": open\n\n".getBytes(StandardCharsets.UTF_8));
                asyncResponse.flushBuffer();
            } catch (IOException | IllegalStateException failed) {
                stream.close();
                complete(async);
                return;
            }
            stream.start(async);
        });
    }

    private void unlock(HttpServletRequest request, HttpServletResponse response,
            CompletableFuture<CallResult> result) {
        AsyncContext async = request.startAsync();
        async.setTimeout(UNLOCK_WAIT.toMillis() + 1000);
        result.orTimeout(UNLOCK_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            try {
                HttpServletResponse asyncResponse = (HttpServletResponse) async.getResponse();
                if (r != null && r.isSuccess()) {
                    json(asyncResponse, 200, TuyaJson.object().put("result", "SUCCESS"));
                } else {
                    json(asyncResponse, 502, TuyaJson.object().put("error", "the door did not open"));
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client went away
            } finally {
                complete(async);
            }
        });
    }

    private void video(HttpServletRequest request, HttpServletResponse response, boolean post, String thing)
            throws HttpProblem, IOException {
        PanelSession panel = directory.get(thing);
        if (panel == null || !panel.links().allowsVideo(query(request, "t"))) {
            throw new HttpProblem(401, "invalid or expired link");
        }
        requireMethod(post, "POST");
        RequestGuard.requireSameOrigin(request, knownHosts);
        Map<String, String> form = form(new String(body(request), StandardCharsets.UTF_8));
        String data = form.getOrDefault("data", "");
        String offer;
        try {
            // a '+' sent without form encoding arrives as a space
            offer = new String(Base64.getDecoder().decode(data.trim().replace(' ', '+')), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "data is not base64");
        }
        CompletableFuture<String> answer;
        try {
            answer = new PageController(panel).liveViewWithoutTrickle(offer, PageCredential.video(query(request, "t")));
        } catch (Refusal e) {
            throw problem(e);
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(Duration.ofSeconds(15).toMillis());
        answer.whenComplete((sdp, e) -> {
            try {
                HttpServletResponse asyncResponse = (HttpServletResponse) async.getResponse();
                if (sdp != null) {
                    text(asyncResponse, 200, Base64.getEncoder().encodeToString(sdp.getBytes(StandardCharsets.UTF_8)));
                } else {
                    boolean timeout = e instanceof TimeoutException
                            || (e != null && e.getCause() instanceof TimeoutException);
                    json(asyncResponse, timeout ? 504 : 502, TuyaJson.object().put("error",
                            timeout ? "the panel did not answer the media offer" : "the panel closed the session"));
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client went away
            } finally {
                complete(async);
            }
        });
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // completed or timed out already
        }
    }

    /** The panel whose page credential (page link or entry key) the request carries. */
    private PanelSession pagePanel(HttpServletRequest request, String thing) throws HttpProblem {
        PanelSession panel = directory.get(thing);
        if (panel == null || !panel.links().allowsPage(query(request, "t"), query(request, "k"))) {
            throw new HttpProblem(401, "invalid or expired link");
        }
        return panel;
    }

    private static HttpProblem problem(Refusal refusal) {
        int status = switch (refusal.kind()) {
            case BAD_REQUEST -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_PAGES -> 429;
            case UNAVAILABLE -> 503;
            case UPSTREAM -> 502;
        };
        return new HttpProblem(status, String.valueOf(refusal.getMessage()));
    }

    /** The timeout of a call a page starts: the one it asks for (5 to 120 s), else the panel's ring timeout. */
    private static Duration callTimeout(JsonNode body, PanelSession panel) {
        int seconds = body.path("timeout").asInt((int) panel.ringTimeout().toSeconds());
        return Duration.ofSeconds(Math.max(5, Math.min(120, seconds)));
    }

    private static void success(HttpServletResponse response) throws IOException {
        json(response, 200, TuyaJson.object().put("result", "SUCCESS"));
    }

    private static void requireMethod(boolean ok, String method) throws HttpProblem {
        if (!ok) {
            throw new HttpProblem(405, "use " + method, "GET".equals(method) ? "GET, HEAD" : method);
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
     * the endpoints read themselves with a size limit. Given twice it is refused (400): no "last one wins" that two
     * readers of the same URL could take differently.
     */
    static @Nullable String query(HttpServletRequest request, String name) throws HttpProblem {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        String value = null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (!name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                    continue;
                }
                if (value != null) {
                    throw new HttpProblem(400, "the parameter " + name + " is given more than once");
                }
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // a malformed pair is ignored
            }
        }
        return value;
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
