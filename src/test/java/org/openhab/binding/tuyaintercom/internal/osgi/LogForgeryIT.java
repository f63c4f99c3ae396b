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
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.test.LogCapture;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

/**
 * Text of HTTP requests cannot forge a log line of the binding in Felix + pax-web (issue 18): each control, separator
 * and bidi character goes through the servlet in the request path (a thing id, logged with the refusal) and in a JSON
 * field (the page's report of a media error); the captured log holds no forged line and no raw character of them.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(180)
class LogForgeryIT {
    private static final String MARKER = "FORGED";
    private static final Duration LOGGED = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private int get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void requestTextForgesNoLogLine() throws Exception {
        try (WebHarness harness = new WebHarness();
                PageApi page = new PageApi(http, harness.callPageUrl()).listen();
                LogCapture log = LogCapture.start()) {
            page.awaitState("IDLE");
            HttpResponse<String> started = page.post("media-start", PageApi.json().put("forCall", false));
            assertEquals(200, started.statusCode(), started.body());
            String media = TuyaJson.parse(started.body()).path("media").asText();
            String call = harness.base() + "/tuyaintercom/call/";
            String thing = URLEncoder.encode(String.valueOf(harness.installation.get("thing")), StandardCharsets.UTF_8);
            String credential = URI.create(harness.callPageUrl()).getRawQuery();
            List<String> expected = new ArrayList<>();
            List<String> notServed = new ArrayList<>();
            for (char c : LogCapture.DANGEROUS) {
                String hex = String.format("%04X", (int) c);
                String esc = LogCapture.escaped(c);
                HttpResponse<String> reported = page.post("media", PageApi.json().put("media", media)
                        .put("event", "error").put("detail", "d" + c + MARKER + "-detail-" + hex));
                assertEquals(200, reported.statusCode(), reported.body());
                expected.add("d" + esc + MARKER + "-detail-" + hex);
                String path = thing + URLEncoder.encode(c + MARKER + "-path-" + hex, StandardCharsets.UTF_8);
                int status = get(call + path + "?" + credential);
                if (status == 400) {
                    notServed.add(hex); // the HTTP server refused the path before the servlet
                } else {
                    expected.add(esc + MARKER + "-path-" + hex);
                }
            }
            get(call + "sentinel?" + credential);
            log.await("/call/sentinel refused", LOGGED);
            String text = log.text();
            assertEquals(List.of(), LogCapture.forgeries(text, MARKER));
            for (String fragment : expected) {
                assertTrue(text.contains(fragment),
                        "escaped: " + fragment + " (paths the server refused: " + notServed + ")");
            }
        }
    }
}
