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
package org.openhab.binding.tuyaintercom.internal.osgi;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The security suite: every endpoint of the binding, served by the packaged bundle in Felix, refuses what the
 * credential in hand does not allow. Unsigned, tampered, wrong-scope, revoked links (401), bodies over the limit (413),
 * state changes by GET and every method but GET, HEAD and POST (405), cross-origin (whole origin, DNS rebinding,
 * forwarded headers) and non-JSON state changes (403), credentials given twice (400), thing ids decoded twice, opening
 * the door outside a call, by a client that did not answer it or in a call the page started itself, call tokens
 * replayed after their call, live views that would evict the call's media (503).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(180)
class WebSecurityIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private int get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int method(String method, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> post(String url, String body, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String url) {
        return url.substring(url.indexOf("?t=") + 3);
    }

    private static String tamper(String token) {
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }

    @Test
    void endpointsRefuseUnsignedTamperedOversizedCrossOriginAndWrongMethodRequests() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            String base = harness.base() + "/tuyaintercom";
            String origin = harness.base();
            String thing = URLEncoder.encode(String.valueOf(harness.installation.get("thing")), StandardCharsets.UTF_8);
            String page = token(harness.callPageUrl());
            String video = token(harness.videoUrl());
            assertEquals(200, get(harness.callPageUrl()));
            assertEquals(200, get(harness.entryUrl()), "the stable entry link opens the page");
            assertEquals(401, get(harness.entryUrl().replaceAll("k=[^&]+", "k=wrongkey")), "a wrong entry key");

            List<String> gets = List.of("/call/" + thing, "/api/" + thing + "/events");
            List<String> posts = List.of("/video/" + thing, "/api/" + thing + "/answer", "/api/" + thing + "/reject",
                    "/api/" + thing + "/hangup", "/api/" + thing + "/call", "/api/" + thing + "/media-start",
                    "/api/" + thing + "/offer", "/api/" + thing + "/candidate", "/api/" + thing + "/media",
                    "/api/" + thing + "/unlock");
            for (String path : gets) {
                assertEquals(401, get(base + path), "unsigned GET " + path);
                assertEquals(401, get(base + path + "?t=" + tamper(page)), "tampered GET " + path);
                assertEquals(401, get(base + path + "?t=" + video), "wrong scope GET " + path);
            }
            for (String path : posts) {
                String goodScope = path.startsWith("/video") ? video : page;
                String wrongScope = path.startsWith("/video") ? page : video;
                assertEquals(401, post(base + path, "{}", origin).statusCode(), "unsigned POST " + path);
                assertEquals(401, post(base + path + "?t=" + tamper(goodScope), "{}", origin).statusCode(),
                        "tampered POST " + path);
                assertEquals(401, post(base + path + "?t=" + wrongScope, "{}", origin).statusCode(),
                        "wrong scope " + path);
                assertEquals(405, method("TRACE", base + path + "?t=" + goodScope), "TRACE " + path);
                assertEquals(405, method("OPTIONS", base + path + "?t=" + goodScope), "OPTIONS " + path);
            }
            assertEquals(405, method("TRACE", base + "/"), "TRACE without a link");
            assertEquals(401, get(base + "/call/tuyaintercom%3Apanel%3Ahome%3Aother?t=" + page), "another thing");
            assertEquals(401, get(base + "/call/" + thing + "?t=" + "x".repeat(5000)), "oversized token");
            HttpResponse<String> invalid = http
                    .send(HttpRequest.newBuilder(URI.create(base + "/call/" + thing + "?t=" + tamper(page)))
                            .header("Accept-Language", "de").build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(invalid.body().contains("Link ungültig"), "a translated page for an invalid link");

            String huge = "data=" + "A".repeat(70 * 1024);
            assertEquals(413,
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/video/" + thing + "?t=" + video))
                                    .header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString(huge)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode(),
                    "oversized offer");
            assertEquals(413, post(base + "/api/" + thing + "/offer?t=" + page,
                    "{\"offer\":\"" + "v".repeat(70 * 1024) + "\"}", origin).statusCode(), "oversized offer");
            assertEquals(405, get(base + "/api/" + thing + "/unlock?t=" + page), "state changes are POST only");
            assertEquals(405, get(base + "/video/" + thing + "?t=" + video), "oh-video is POST only");
            assertEquals(400, post(base + "/api/" + thing + "/answer?t=" + page, "not json", origin).statusCode());

            // cross-origin state changes: a text/plain POST (no preflight), a foreign Origin, Sec-Fetch-Site
            PageApi api = new PageApi(http, harness.callPageUrl());
            assertEquals(403, api.send("unlock", "{}", "text/plain", origin).statusCode(), "text/plain POST");
            assertEquals(403, api.send("unlock", "{}", "application/json", "http://evil.example").statusCode(),
                    "foreign Origin");
            assertEquals(403, api.send("unlock", "{}", "application/json", null).statusCode(), "no Origin");
            assertEquals(403,
                    http.send(
                            HttpRequest.newBuilder(URI.create(api.url("unlock")))
                                    .header("Content-Type", "application/json").header("Sec-Fetch-Site", "cross-site")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode(),
                    "Sec-Fetch-Site: cross-site");
            assertEquals(403,
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/video/" + thing + "?t=" + video))
                                    .header("Origin", "http://evil.example")
                                    .POST(HttpRequest.BodyPublishers.ofString("data=AA")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode(),
                    "cross-origin oh-video");
        }
    }

    @Test
    void theDoorOpensOnlyInsideAnAnsweredCallForTheClientThatAnsweredIt() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            List<String> unlocks = new CopyOnWriteArrayList<>();
            harness.sim.onCommand((device, values) -> unlocks.add(device + values));
            try (PageApi answering = new PageApi(http, harness.callPageUrl()).listen();
                    PageApi other = new PageApi(http, harness.entryUrl()).listen()) {
                answering.awaitState("IDLE");
                assertEquals(401, answering.post("unlock", PageApi.json()).statusCode(), "no call: no unlock");

                harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                String callId = answering.awaitState("RINGING").path("callId").asText();
                assertFalse(answering.events().stream().anyMatch(e -> e.data().has("callToken")),
                        "the state never carries a call token");
                assertEquals(401, other.post("unlock", PageApi.json()).statusCode(), "ringing: no unlock");
                HttpResponse<String> answered = answering.post("answer", PageApi.json().put("callId", callId));
                assertEquals(200, answered.statusCode(), answered.body());
                String callToken = TuyaJson.parse(answered.body()).path("callToken").asText();
                assertEquals(409, other.post("answer", PageApi.json().put("callId", callId)).statusCode(),
                        "a second answer is refused");
                assertEquals(401, other.post("unlock", PageApi.json()).statusCode(),
                        "a client that did not answer cannot open the door");
                assertEquals(401, other.post("unlock", PageApi.json().put("callToken", tamper(callToken))).statusCode(),
                        "nor with a forged token");
                HttpResponse<String> unlocked = answering.post("unlock", PageApi.json().put("callToken", callToken));
                assertEquals(200, unlocked.statusCode(), unlocked.body());
                assertEquals(1, unlocks.size(), "the door opened once: " + unlocks);

                // live views never evict the answered call's media
                HttpResponse<String> callMedia = answering.post("media-start",
                        PageApi.json().put("forCall", true).put("callToken", callToken));
                assertEquals(200, callMedia.statusCode(), callMedia.body());
                String media = TuyaJson.parse(callMedia.body()).path("media").asText();
                assertTrue(callMedia.body().contains("iceServers"), "ICE servers come with media, not with state");
                int refused = 0;
                for (int i = 0; i < 4; i++) {
                    HttpResponse<String> view = other.post("media-start", PageApi.json().put("forCall", false));
                    refused += view.statusCode() == 503 ? 1 : 0;
                }
                assertEquals(1, refused, "the fourth live view is refused (503), the call's media stays");
                assertEquals(200,
                        answering.post("media", PageApi.json().put("media", media).put("event", "alive")).statusCode(),
                        "the call's media session is still there");
                assertEquals(404,
                        other.post("media", PageApi.json().put("media", media).put("event", "closed")).statusCode(),
                        "another client cannot close it");

                if (harness.panel.transport() == TuyaCloudSimulator.CallTransport.OPEN_HUB_308) {
                    harness.panel.hangUp();
                } else {
                    // without 308 the panel hangs up by ending the call's media, which this test never set up
                    assertEquals(200,
                            answering.post("hangup", PageApi.json().put("callToken", callToken)).statusCode());
                }
                // the end of this call (not the IDLE state from before it)
                answering.await("state",
                        s -> "IDLE".equals(s.path("state").asText()) && callId.equals(s.path("callId").asText()),
                        Duration.ofSeconds(20));
                assertEquals(401, answering.post("unlock", PageApi.json().put("callToken", callToken)).statusCode(),
                        "the call token dies with its call");
                assertEquals(401, answering.post("hangup", PageApi.json().put("callToken", callToken)).statusCode(),
                        "replayed after the end of its call");
                assertEquals(1, unlocks.size());
            }
        }
    }

    @Test
    void revokedLinksAndOldCallTokensStopWorking() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            String oldPage = harness.callPageUrl();
            String oldVideo = harness.videoUrl();
            assertEquals(200, get(oldPage));
            try (PageApi page = new PageApi(http, oldPage).listen()) {
                harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                String callId = page.awaitState("RINGING").path("callId").asText();
                HttpResponse<String> answered = page.post("answer", PageApi.json().put("callId", callId));
                String callToken = TuyaJson.parse(answered.body()).path("callToken").asText();
                harness.command("call-control", "REVOKE_LINKS");
                long deadline = System.currentTimeMillis() + 10_000;
                while (harness.latest("call-page-url").equals(oldPage.substring(harness.base().length()))
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                String newPage = harness.base() + harness.latest("call-page-url");
                assertNotEquals(oldPage, newPage, "new links were published");
                assertEquals(401, get(oldPage), "the revoked page link");
                assertEquals(401,
                        http.send(
                                HttpRequest.newBuilder(URI.create(oldVideo)).header("Origin", harness.base())
                                        .POST(HttpRequest.BodyPublishers.ofString("data=AA")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode(),
                        "the revoked video link");
                assertEquals(401, page.post("hangup", PageApi.json().put("callToken", callToken)).statusCode(),
                        "the revoked call token");
                assertEquals(200, get(newPage), "the new page link");
                assertEquals(200, get(harness.entryUrl()), "the entry link is revoked by clearing its key only");
            }
        }
    }

    /**
     * #18 item 1: a leaked page or entry link can start a call to the panel, and a panel that answers calls from
     * openHAB (308) answers it. That call gets talk and video, not the door: only an incoming call answered on the
     * page opens it under {@code webUnlock=in-call}.
     */
    @Test
    void aCallThePageStartedItselfNeverOpensTheDoor() throws Exception {
        try (WebHarness harness = new WebHarness(TuyaCloudSimulator.CallTransport.OPEN_HUB_308)) {
            List<String> unlocks = new CopyOnWriteArrayList<>();
            harness.sim.onCommand((device, values) -> unlocks.add(device + values));
            try (PageApi page = new PageApi(http, harness.entryUrl()).listen()) {
                page.awaitState("IDLE");
                HttpResponse<String> call = page.post("call", PageApi.json());
                assertEquals(200, call.statusCode(), call.body());
                String callToken = TuyaJson.parse(call.body()).path("callToken").asText();
                page.await("state",
                        s -> "OUTGOING".equals(s.path("direction").asText()) && s.path("answered").asBoolean(false),
                        Duration.ofSeconds(20));

                HttpResponse<String> unlock = page.post("unlock", PageApi.json().put("callToken", callToken));
                assertEquals(403, unlock.statusCode(), unlock.body());
                assertTrue(TuyaJson.parse(unlock.body()).path("error").asText().contains("does not open the door"),
                        unlock.body());
                HttpResponse<String> media = page.post("media-start",
                        PageApi.json().put("forCall", true).put("callToken", callToken));
                long deadline = System.currentTimeMillis() + 10_000; // 503 while the WebRTC configuration is renewed
                while (media.statusCode() == 503 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                    media = page.post("media-start", PageApi.json().put("forCall", true).put("callToken", callToken));
                }
                assertEquals(200, media.statusCode(), "the call still gets its talk and video: " + media.body());
                assertEquals(200, page.post("hangup", PageApi.json().put("callToken", callToken)).statusCode());
                assertEquals(List.of(), unlocks, "no door command reached the panel");
                assertFalse(harness.trace().contains("unlock=ON"), harness.trace().toString());
            }
        }
    }

    /**
     * #18 item 1 in the browser: the call page in Chromium starts a call, the panel answers it; the page shows no
     * door button, and the door request the page could still send (same origin, its call token) gets 403.
     */
    @Test
    void aCallStartedOnTheCallPageInChromiumGetsNoWorkingUnlock() throws Exception {
        WebHarness.requireBrowser();
        try (WebHarness harness = new WebHarness(TuyaCloudSimulator.CallTransport.OPEN_HUB_308)) {
            List<String> unlocks = new CopyOnWriteArrayList<>();
            harness.sim.onCommand((device, values) -> unlocks.add(device + values));
            ChromeDriver browser = harness.browser();
            browser.get(harness.entryUrl());
            CallPageIT.awaitView(browser, "idle");
            browser.findElement(By.id("call")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "the panel answered the page's call")
                    .until(d -> Boolean.TRUE.equals(browser.executeScript("const s = pageProbe.state;"
                            + " return !!s && s.direction === 'OUTGOING' && s.answered === true && !!pageProbe.callToken;")));
            CallPageIT.awaitShown(browser, "hangup");
            assertFalse(CallPageIT.shown(browser, "unlock"), "no door button in a call the page started");
            Object answer = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch(location.pathname.replace('/call/', '/api/') + '/unlock' + location.search,"
                    + " { method: 'POST', headers: { 'Content-Type': 'application/json' },"
                    + " body: JSON.stringify({ client: 'test-page', callToken: pageProbe.callToken }) })"
                    + ".then(r => r.text().then(t => done(r.status + ' ' + t)), e => done('failed ' + e));");
            assertTrue(String.valueOf(answer).startsWith("403 "), String.valueOf(answer));
            assertTrue(String.valueOf(answer).contains("does not open the door"),
                    "refused as the door, not as cross-origin: " + answer);
            browser.findElement(By.id("hangup")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "the call ended")
                    .until(d -> Boolean.TRUE.equals(
                            browser.executeScript("return !!pageProbe.state && pageProbe.state.state === 'IDLE';")));
            assertEquals(List.of(), unlocks, "no door command reached the panel");
            assertFalse(harness.trace().contains("unlock=ON"), harness.trace().toString());
        }
    }

    /**
     * #18 item 4: the whole origin (scheme, host, port) is compared with the request's own as the server sees it;
     * {@code Host} alone never makes an origin (DNS rebinding), {@code X-Forwarded-*} counts only from a proxy on the
     * machine and names an https origin only; the media type is exactly application/json. Same-origin use keeps
     * working directly, behind a TLS reverse proxy and through the openHAB Cloud (with the headers each sends).
     */
    @Test
    void stateChangesNeedTheWholeSameOriginAsTheServerSeesIt() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            int port = harness.osgi.httpPort();
            URI page = URI.create(harness.callPageUrl());
            String answer = page.getRawPath().replace("/call/", "/api/") + "/answer?" + page.getRawQuery();
            String body = "{\"callId\":\"none\"}";
            String self = "http://127.0.0.1:" + port;
            // 409 (no such ringing call): the request passed the guard; 403: refused as cross-origin
            assertEquals(403,
                    json(port).header("Origin", "https://127.0.0.1:" + port).send("POST", answer, body).status(),
                    "an https Origin on a plain HTTP request");
            assertEquals(403,
                    json(port).header("Origin", "http://127.0.0.1:" + (port + 1)).send("POST", answer, body).status(),
                    "another port");
            assertEquals(403,
                    json(port).header("Host", "evil.example:" + port).header("Origin", "http://evil.example:" + port)
                            .header("Sec-Fetch-Site", "same-origin").send("POST", answer, body).status(),
                    "DNS rebinding: Host and Origin of a name the server does not know");
            assertEquals(403, json(port).header("X-Forwarded-Host", "evil.example")
                    .header("Origin", "http://evil.example").send("POST", answer, body).status(),
                    "an http X-Forwarded-Host the server does not know");
            assertEquals(403, json(port).header("Origin", self).header("Sec-Fetch-Site", "same-site")
                    .send("POST", answer, body).status(), "Sec-Fetch-Site: same-site");
            assertEquals(403, json(port).header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                    .send("POST", answer, body).status(), "Sec-Fetch-Site: cross-site");
            assertEquals(403, json(port).header("Sec-Fetch-Site", "same-origin").send("POST", answer, body).status(),
                    "Sec-Fetch-Site without Origin");
            assertEquals(403, new RawHttp(port).header("Content-Type", "application/jsonfoo").header("Origin", self)
                    .send("POST", answer, body).status(), "application/jsonfoo");
            assertEquals(409, new RawHttp(port).header("Content-Type", "application/json; charset=utf-8")
                    .header("Origin", self).send("POST", answer, body).status(), "a charset is fine");
            assertEquals(409, json(port).header("Origin", self).send("POST", answer, body).status(), "directly");
            assertEquals(409, json(port).header("Origin", self).header("Sec-Fetch-Site", "same-origin")
                    .send("POST", answer, body).status(), "directly, with Sec-Fetch-Site");
            assertEquals(409, json(port).header("Host", "localhost:" + port)
                    .header("Origin", "http://localhost:" + port).send("POST", answer, body).status(), "as localhost");
            assertEquals(409,
                    json(port).header("Host", "home.example.org").header("Origin", "https://home.example.org")
                            .header("X-Real-IP", "203.0.113.7").header("X-Forwarded-For", "203.0.113.7")
                            .header("X-Forwarded-Proto", "https").header("Sec-Fetch-Site", "same-origin")
                            .send("POST", answer, body).status(),
                    "behind nginx with TLS (Host $http_host, X-Forwarded-Proto)");
            assertEquals(409,
                    json(port).header("Origin", "https://home.example.org:8443")
                            .header("X-Forwarded-Host", "home.example.org").header("X-Forwarded-Port", "8443")
                            .header("X-Forwarded-Proto", "https").send("POST", answer, body).status(),
                    "behind a proxy that sends X-Forwarded-Host and -Port");
            assertEquals(409,
                    json(port).header("Host", "myopenhab.org").header("Origin", "https://myopenhab.org")
                            .header("Sec-Fetch-Site", "same-origin").header("User-Agent", "openhab-cloud/0.0.1")
                            .header("X-Openhab-Source", "org.openhab.io.openhabcloud")
                            .header("X-Forwarded-Proto", "https").send("POST", answer, body).status(),
                    "through the openHAB Cloud");
            assertEquals(409,
                    json(port).header("Host", "home.myopenhab.org:443").header("Origin", "https://home.myopenhab.org")
                            .header("X-Forwarded-Proto", "https").send("POST", answer, body).status(),
                    "through the openHAB Cloud's proxy host");
            assertEquals(409,
                    json(port).header("Host", "home.myopenhab.org:3000")
                            .header("Origin", "https://connect.myopenhab.org").header("Sec-Fetch-Site", "same-origin")
                            .header("X-Forwarded-Proto", "https").send("POST", answer, body).status(),
                    "through the openHAB Cloud's browser proxy host (Host: its proxy host and internal port)");

            URI video = URI.create(harness.videoUrl());
            assertEquals(403,
                    new RawHttp(port).header("Host", "evil.example:" + port)
                            .header("Origin", "http://evil.example:" + port)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .send("POST", video.getRawPath() + "?" + video.getRawQuery(), "data=AA").status(),
                    "oh-video after DNS rebinding");
        }
    }

    private static RawHttp json(int port) {
        return new RawHttp(port).header("Content-Type", "application/json");
    }

    /**
     * #18 item 6: the thing id in the path is decoded once ({@code %253A} is not {@code :}), a credential given twice
     * is refused (no "last one wins"), and every method but GET, HEAD and POST gets 405 with {@code Allow}.
     */
    @Test
    void pathsDecodeOnceCredentialsComeOnceAndOnlyGetHeadAndPostAreServed() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            int port = harness.osgi.httpPort();
            URI page = URI.create(harness.callPageUrl());
            URI entry = URI.create(harness.entryUrl());
            String path = page.getRawPath();
            String token = page.getRawQuery().substring(2);
            String key = entry.getRawQuery().substring(2);
            assertTrue(path.contains("%3A"), path);
            assertEquals(200, new RawHttp(port).send("GET", path + "?t=" + token).status());
            assertEquals(200, new RawHttp(port).send("HEAD", path + "?t=" + token).status());
            assertEquals(401, new RawHttp(port).send("GET", path.replace("%3A", "%253A") + "?t=" + token).status(),
                    "a thing id decoded twice");

            assertEquals(400, new RawHttp(port).send("GET", path + "?t=" + token + "&t=" + token).status(),
                    "the page token twice");
            assertEquals(400, new RawHttp(port).send("GET", path + "?t=forged&t=" + token).status(),
                    "a forged token before the real one");
            assertEquals(400, new RawHttp(port).send("GET", path + "?%74=" + token + "&t=" + token).status(),
                    "twice, once encoded");
            assertEquals(400, new RawHttp(port).send("GET", path + "?k=" + key + "&k=" + key).status(),
                    "the entry key twice");
            String api = path.replace("/call/", "/api/");
            assertEquals(400,
                    json(port).header("Origin", "http://127.0.0.1:" + port)
                            .send("POST", api + "/answer?t=" + token + "&t=" + token, "{}").status(),
                    "twice on a POST");
            assertEquals(400,
                    new RawHttp(port).send("GET", api + "/events?t=" + token + "&c=aaaaaaaa&c=bbbbbbbb").status(),
                    "the page id twice");

            for (String method : List.of("TRACE", "PATCH", "PUT", "DELETE", "OPTIONS", "PROPFIND")) {
                for (String target : List.of(path + "?t=" + token, api + "/unlock?t=" + token, "/tuyaintercom/")) {
                    RawHttp.Response response = new RawHttp(port).header("Content-Type", "application/json")
                            .header("Origin", "http://127.0.0.1:" + port).send(method, target, "{}");
                    assertEquals(405, response.status(), method + " " + target.replaceAll("[?].*", ""));
                    if (!"TRACE".equals(method)) { // Jetty refuses TRACE itself (405, no Allow): never served
                        assertEquals("GET, HEAD, POST", response.header("Allow"), method + " " + response.headers());
                    }
                }
            }
            RawHttp.Response get = new RawHttp(port).send("GET", api + "/unlock?t=" + token);
            assertEquals(405, get.status(), "state changes are POST only");
            assertEquals("POST", get.header("Allow"));
        }
    }
}
