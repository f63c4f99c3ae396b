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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

/**
 * Every endpoint of the binding, served by the packaged bundle in Felix, refuses requests without a valid signed
 * link (401), bodies over the limit (413), state changes by GET (405), and call actions with the token of an ended
 * call (401).
 */
@NonNullByDefault
@Timeout(120)
class WebSecurityIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private int get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40))
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
    void endpointsRefuseUnsignedTamperedOversizedAndReplayedRequests() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            String base = harness.base() + "/tuyaintercom";
            String thing = URLEncoder.encode(String.valueOf(harness.installation.get("thing")), StandardCharsets.UTF_8);
            String page = token(harness.callPageUrl());
            String video = token(harness.videoUrl());
            assertEquals(200, get(harness.callPageUrl()));
            assertEquals(200, get(base + "/api/" + thing + "/state?t=" + page));

            List<String> gets = List.of("/call/" + thing, "/api/" + thing + "/state", "/api/" + thing + "/ice",
                    "/api/" + thing + "/candidates");
            List<String> posts = List.of("/video/" + thing, "/api/" + thing + "/answer", "/api/" + thing + "/reject",
                    "/api/" + thing + "/hangup", "/api/" + thing + "/call", "/api/" + thing + "/view",
                    "/api/" + thing + "/candidate", "/api/" + thing + "/media", "/api/" + thing + "/unlock");
            for (String path : gets) {
                assertEquals(401, get(base + path), "unsigned GET " + path);
                assertEquals(401, get(base + path + "?t=" + tamper(page)), "tampered GET " + path);
                assertEquals(401, get(base + path + "?t=" + video), "wrong scope GET " + path);
            }
            for (String path : posts) {
                String goodScope = path.startsWith("/video") ? video : page;
                String wrongScope = path.startsWith("/video") ? page : video;
                assertEquals(401, post(base + path, "{}").statusCode(), "unsigned POST " + path);
                assertEquals(401, post(base + path + "?t=" + tamper(goodScope), "{}").statusCode(),
                        "tampered POST " + path);
                assertEquals(401, post(base + path + "?t=" + wrongScope, "{}").statusCode(), "wrong scope " + path);
            }
            assertEquals(401, get(base + "/call/tuyaintercom%3Apanel%3Ahome%3Aother?t=" + page), "another thing");
            assertEquals(401, get(base + "/call/" + thing + "?t=" + "x".repeat(5000)), "oversized token");

            String huge = "data=" + "A".repeat(70 * 1024);
            assertEquals(413, post(base + "/video/" + thing + "?t=" + video, huge).statusCode(), "oversized offer");
            assertEquals(413, post(base + "/api/" + thing + "/view?t=" + page,
                    "{\"offer\":\"" + "v".repeat(70 * 1024) + "\"}").statusCode(), "oversized view offer");
            assertEquals(405, get(base + "/api/" + thing + "/unlock?t=" + page), "state changes are POST only");
            assertEquals(405, get(base + "/video/" + thing + "?t=" + video), "oh-video is POST only");
            assertEquals(400, post(base + "/api/" + thing + "/view?t=" + page, "not json").statusCode());

            // a call token stops working when its call has ended
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            assertTrue(harness.awaitTrigger("RING"));
            // the RING trigger may fire just before the call pages' state board has the call: long-poll for it
            String callToken = "";
            long version = -1;
            for (int i = 0; i < 5 && callToken.isEmpty(); i++) {
                var state = TuyaJson.parse(http.send(HttpRequest.newBuilder(URI.create(
                        base + "/api/" + thing + "/state?t=" + page + "&since=" + version)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                callToken = state.path("callToken").asText("");
                version = state.path("version").asLong(-1);
            }
            assertFalse(callToken.isEmpty(), "the state of a ringing call carries a call token");
            assertEquals(401, post(base + "/api/" + thing + "/reject?t=" + page, "{}").statusCode(),
                    "call actions need the call token");
            harness.command("call-control", "REJECT");
            assertTrue(harness.awaitTrigger("REJECTED"));
            assertEquals(401, post(base + "/api/" + thing + "/hangup?t=" + page,
                    "{\"callToken\":\"" + callToken + "\"}").statusCode(), "replayed after the end of its call");
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            assertTrue(harness.awaitTrigger("RING"));
            assertEquals(401, post(base + "/api/" + thing + "/reject?t=" + page,
                    "{\"callToken\":\"" + callToken + "\"}").statusCode(), "the old token does not fit a new call");
        }
    }
}
