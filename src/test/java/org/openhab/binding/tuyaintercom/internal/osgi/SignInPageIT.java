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

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimSecrets;
import org.openhab.binding.tuyaintercom.internal.sim.SimSmartWeb;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;

/**
 * The QR code sign-in page of a {@code smartaccount} bridge, served by the packaged bundle in Felix on openHAB's
 * pax-web, over raw HTTP: without the bridge's sign-in key, with a wrong one or with the key given twice it is refused;
 * with the key it shows the QR code as an SVG image with a Content-Security-Policy that allows nothing else (no
 * script, no style) and reloads itself; once the code is confirmed in the (simulated) app the bridge goes online and
 * the page says so.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(120)
class SignInPageIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KEY = "it-sign-in-key-Z1x2C3v4B5n6";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the page until it holds the marker; connection failures count as "not yet" (the servlet starting). */
    private HttpResponse<String> awaitPage(String url, String marker) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> page = get(url);
                if (page.body().contains(marker)) {
                    return page;
                }
                last = page.statusCode() + " " + page.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200); // a poll step
        }
        return fail("the page never showed " + marker + ": " + last);
    }

    @Test
    void theSignInPageNeedsTheKeyShowsTheCodeAsAnImageUnderAStrictPolicyAndEndsSignedIn() throws Exception {
        SimSecrets.record(KEY);
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            OsgiTestFramework osgi = OsgiTestFramework.start("5.2.1", 0, HttpStack.selected());
            try {
                OsgiTestFramework.Installed installed = osgi
                        .installBinding(new File(System.getProperty("bundle.jar", "target/missing.jar")));
                @SuppressWarnings("unchecked")
                Map<String, Object> bridge = (Map<String, Object>) installed.call("FelixInstallation",
                        "startSmartBridge", new Class<?>[] { Object.class, String.class, Map.class },
                        installed.factory(), "qr",
                        Map.of("signIn", "qr", "signInKey", KEY, "region", "EU", "baseUrl", sim.baseUrl()));
                try {
                    String page = "http://127.0.0.1:" + osgi.httpPort() + "/tuyaintercom/signin/"
                            + URLEncoder.encode("tuyaintercom:smartaccount:qr", StandardCharsets.UTF_8);
                    String withKey = page + "?k=" + KEY;
                    HttpResponse<String> shown = awaitPage(withKey, "id=\"qr\"");

                    assertEquals(401, get(page).statusCode(), "no key");
                    assertEquals(401, get(page + "?k=wrong-key").statusCode(), "a wrong key");
                    assertEquals(401, get(page + "?t=" + KEY).statusCode(), "the key is no page link");
                    assertEquals(400, get(withKey + "&k=" + KEY).statusCode(), "the key given twice");
                    assertEquals(401,
                            get("http://127.0.0.1:" + osgi.httpPort() + "/tuyaintercom/signin/"
                                    + URLEncoder.encode("tuyaintercom:smartaccount:other", StandardCharsets.UTF_8)
                                    + "?k=" + KEY).statusCode(),
                            "another bridge");
                    HttpResponse<String> post = http.send(
                            HttpRequest.newBuilder(URI.create(withKey)).timeout(Duration.ofSeconds(20))
                                    .POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(405, post.statusCode(), "no POST");

                    assertEquals(200, shown.statusCode());
                    assertTrue(shown.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
                    assertEquals(
                            "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
                                    + "frame-ancestors 'none'",
                            shown.headers().firstValue("Content-Security-Policy").orElse(""));
                    assertEquals("no-store", shown.headers().firstValue("Cache-Control").orElse(""));
                    assertEquals("no-referrer", shown.headers().firstValue("Referrer-Policy").orElse(""));
                    String html = shown.body();
                    assertFalse(html.contains("<script"), "no script");
                    assertFalse(html.contains("<style") || html.contains("style="), "no style");
                    assertTrue(html.contains("<meta http-equiv=\"refresh\""), "the page reloads itself");
                    String prefix = "src=\"data:image/svg+xml;base64,";
                    int start = html.indexOf(prefix) + prefix.length();
                    String svg = new String(Base64.getDecoder().decode(html.substring(start, html.indexOf('"', start))),
                            StandardCharsets.UTF_8);
                    assertTrue(svg.startsWith("<svg ") && svg.contains("<path d=\"M"), svg);
                    assertFalse(html.contains(sim.smart.latestQrToken()), "the code's token is only in the image");

                    sim.smart.approveQr(SimSmartWeb.DEFAULT_USER);
                    HttpResponse<String> done = awaitPage(withKey, "data-phase=\"signed-in\"");
                    assertFalse(done.body().contains("http-equiv=\"refresh\""), "a signed-in page stops reloading");
                    @SuppressWarnings("unchecked")
                    Supplier<String> status = (Supplier<String>) bridge.get("status");
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    while (!"ONLINE".equals(status.get()) && System.nanoTime() < deadline) {
                        Thread.sleep(100); // a poll step
                    }
                    assertEquals("ONLINE", status.get());
                } finally {
                    ((Runnable) bridge.get("close")).run();
                }
            } finally {
                osgi.close();
            }
        }
    }
}
