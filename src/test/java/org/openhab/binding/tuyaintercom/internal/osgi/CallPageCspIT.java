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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The call page under its Content-Security-Policy, in the packaged binding and headless Chromium: every response
 * carries the policy (and {@code nosniff}, {@code no-referrer}); the page's script and style are served without a
 * credential under the version of their contents; a call is answered with media both ways while the page causes no
 * violation (collected by the tests' probe, not by the page); and the policy is enforced: an inline script and an
 * inline style put into the page are refused.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(240)
class CallPageCspIT {
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "media-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
    private static final Pattern SCRIPT = Pattern.compile("<script src=\"\\.\\./(assets/[0-9a-f]{16}/call\\.js)\"");
    private static final Pattern STYLE = Pattern.compile("href=\"\\.\\./(assets/[0-9a-f]{16}/[a-z-]+\\.css)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        String what = response.uri().getPath();
        assertEquals(POLICY, header(response, "Content-Security-Policy"), what);
        assertEquals("nosniff", header(response, "X-Content-Type-Options"), what);
        assertEquals("no-referrer", header(response, "Referrer-Policy"), what);
    }

    private static String match(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }

    @Test
    void everyResponseCarriesThePolicyAndTheFilesNeedNoCredential() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            HttpResponse<String> page = get(harness.callPageUrl());
            assertEquals(200, page.statusCode());
            assertSecurityHeaders(page);
            assertEquals("no-store", header(page, "Cache-Control"), "the page (its URL carries a credential)");
            String base = harness.base() + "/tuyaintercom/";
            for (String asset : List.of(match(SCRIPT, page.body()), match(STYLE, page.body()))) {
                HttpResponse<String> file = get(base + asset); // no credential
                assertEquals(200, file.statusCode(), asset);
                assertSecurityHeaders(file);
                assertEquals("public, max-age=31536000, immutable", header(file, "Cache-Control"), asset);
                assertTrue(
                        header(file, "Content-Type").startsWith(asset.endsWith(".js") ? "text/javascript" : "text/css"),
                        header(file, "Content-Type"));
                assertFalse(file.body().contains("intercomStats"), "no test hook shipped");
                // another version (a page of an older binding) or name: not served
                assertEquals(404, get(base + asset.replaceAll("/[0-9a-f]{16}/", "/0123456789abcdef/")).statusCode());
            }
            assertEquals(404, get(base + "assets/x/call.html").statusCode());

            String thing = URLEncoder.encode("tuyaintercom:panel:home:panel1", StandardCharsets.UTF_8);
            HttpResponse<String> invalid = get(base + "call/" + thing + "?t=invalid");
            assertEquals(401, invalid.statusCode());
            assertSecurityHeaders(invalid);
            String style = match(STYLE, invalid.body());
            assertEquals(200, get(base + style).statusCode(), "the invalid-link page's style");

            HttpResponse<String> api = get(base + "api/" + thing + "/snapshot?t=invalid");
            assertEquals(401, api.statusCode());
            assertSecurityHeaders(api);
        }
    }

    @Test
    void thePageAnswersWithMediaWithoutAViolationAndTheInlineScriptAndStyleAreRefused() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            CallPageIT.awaitView(browser, "idle");
            assertEquals(60L,
                    browser.executeScript(
                            "return JSON.parse(document.getElementById('page-data').textContent).ringTimeout"),
                    "the panel's ring timeout (the harness configures 60 s)");
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            WebCallIT.visible(browser, "answer");
            Number firstFrame = (Number) browser.executeAsyncScript(WebCallIT.CLICK_AND_TIME_FIRST_FRAME, "answer");
            assertTrue(firstFrame.longValue() >= 0, WebCallIT.stats(browser) + WebHarness.console(browser));
            new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "media both ways")
                    .until(d -> WebCallIT.number(WebCallIT.stats(browser), "framesDecoded") > 10
                            && harness.panel.videoFramesReceived() > 0 && harness.panel.audioPacketsReceived() > 0);
            assertEquals("In call", browser.findElement(By.id("status")).getText());
            browser.findElement(By.id("unlock")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "door opened")
                    .until(d -> "opened".equals(browser.findElement(By.id("door")).getAttribute("data-door")));
            browser.findElement(By.id("hangup")).click();
            CallPageIT.awaitView(browser, "ended");
            assertEquals(List.of(), browser.executeScript("return pageProbe.violations"),
                    "the shipped page caused no violation" + WebHarness.console(browser));
            List<LogEntry> console = browser.manage().logs().get("browser").getAll();
            assertTrue(console.stream().noneMatch(e -> e.getMessage().contains("Content Security Policy")),
                    console.toString());

            // the policy is enforced: an inline script and an inline style do not take
            browser.executeScript("""
                    const script = document.createElement('script');
                    script.textContent = 'window.inlineRan = true;';
                    document.head.appendChild(script);
                    document.body.setAttribute('style', 'background: rgb(255, 0, 0)');
                    """);
            new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> "two violations reported")
                    .until(d -> ((List<?>) browser.executeScript("return pageProbe.violations")).size() >= 2);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> violations = (List<Map<String, Object>>) browser
                    .executeScript("return pageProbe.violations");
            System.out.println("violations of the injected inline script and style: " + violations);
            assertTrue(violations.stream().anyMatch(v -> String.valueOf(v.get("directive")).startsWith("script-src")),
                    violations.toString());
            assertTrue(violations.stream().anyMatch(v -> String.valueOf(v.get("directive")).startsWith("style-src")),
                    violations.toString());
            assertNull(browser.executeScript("return window.inlineRan"), "the inline script did not run");
            assertNotEquals("rgb(255, 0, 0)",
                    browser.executeScript("return getComputedStyle(document.body).backgroundColor"));
            assertTrue(browser.manage().logs().get("browser").getAll().stream()
                    .anyMatch(e -> e.getMessage().contains("Content Security Policy")), "Chromium's console says so");
        }
    }

    /** The page's own Call button asks for a call of the panel's ring timeout. */
    @Test
    void aCallFromThePageRingsForThePanelsRingTimeout() throws Exception {
        try (WebHarness harness = new WebHarness(HttpStack.selected(), TuyaCloudSimulator.CallTransport.OPEN_HUB_308,
                Map.of("ringTimeout", 42))) {
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            CallPageIT.awaitView(browser, "idle");
            browser.executeScript(
                    """
                            window.callBodies = [];
                            const realFetch = window.fetch;
                            window.fetch = (resource, init) => {
                              if (String(resource).split('?')[0].endsWith('/call')) window.callBodies.push(JSON.parse(init.body));
                              return realFetch(resource, init);
                            };
                            """);
            browser.findElement(By.id("call")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> "the call request")
                    .until(d -> ((List<?>) browser.executeScript("return window.callBodies")).size() == 1);
            assertEquals(42L, browser.executeScript("return window.callBodies[0].timeout"));
            new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "the page's call")
                    .until(d -> CallPageIT.shown(browser, "hangup"));
            browser.findElement(By.id("hangup")).click();
            CallPageIT.awaitView(browser, "ended");
        }
    }
}
