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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimRings;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every state of the call page in headless Chromium, asserted on its DOM: idle, ringing (with the snapshot and the
 * ringtone), in call, door opened, ended, missed (time and snapshot), live view, an invalid link, German; and the
 * card's answer path (the call page opened with {@code #answer} answers at once, with media both ways).
 * <p>
 * With the environment variable {@code SCREENSHOTS_DIR} set (see {@code screenshots.sh}) it also renders each state
 * at phone (390x844) and desktop (1280x800) size, and some in Main UI's 300 px web frame, as PNG files.
 * <p>
 * Runs with the {@code open-hub-308} call transport: its states include what only 308 tells (a call missed by the
 * panel's timeout, the panel receiving the answer); the page on {@code dp-only} is covered by {@code WebCallIT}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(300)
class CallPageIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int RING_TIMEOUT = 15;

    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    private static WebElement app(ChromeDriver browser) {
        return browser.findElement(By.id("app"));
    }

    static void awaitView(ChromeDriver browser, String view) {
        new WebDriverWait(browser, WAIT)
                .withMessage(() -> "view " + view + ", page shows "
                        + browser.findElement(By.id("app")).getAttribute("data-view") + ": "
                        + browser.findElement(By.id("status")).getText())
                .until(d -> view.equals(app(browser).getAttribute("data-view")));
    }

    static boolean shown(ChromeDriver browser, String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    static String text(ChromeDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    static void awaitShown(ChromeDriver browser, String id) {
        new WebDriverWait(browser, WAIT).withMessage(() -> id + " shown").until(d -> shown(browser, id));
    }

    static long frames(ChromeDriver browser) {
        return WebCallIT.number(WebCallIT.stats(browser), "framesDecoded");
    }

    static void awaitFrames(ChromeDriver browser, long more) {
        long start = frames(browser);
        new WebDriverWait(browser, WAIT).withMessage(() -> "video frames decoded")
                .until(d -> frames(browser) > start + more);
    }

    /** The snapshot image has loaded (a real JPEG from the snapshot endpoint). */
    static void awaitSnapshot(ChromeDriver browser) {
        awaitShown(browser, "snapbox");
        new WebDriverWait(browser, WAIT).withMessage(() -> "snapshot loaded")
                .until(d -> Boolean.TRUE.equals(browser.executeScript("const i = document.getElementById('snapshot');"
                        + " return i.complete && i.naturalWidth > 0 && i.src.includes('/snapshot?');")));
    }

    private static @Nullable Path screenshots() {
        String dir = System.getenv("SCREENSHOTS_DIR");
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /** Renders the page at phone and desktop size (and optionally in a 360x300 web frame), if screenshots are on. */
    static void shot(ChromeDriver browser, String name, boolean frame) throws Exception {
        Path dir = screenshots();
        if (dir == null) {
            return;
        }
        Files.createDirectories(dir);
        capture(browser, dir.resolve(name + "-phone.png"), 390, 844, true);
        capture(browser, dir.resolve(name + "-desktop.png"), 1280, 800, false);
        if (frame) {
            capture(browser, dir.resolve(name + "-webframe.png"), 360, 300, false);
        }
        resize(browser, 390, 844, true);
    }

    static void resize(ChromeDriver browser, int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private static void capture(ChromeDriver browser, Path file, int width, int height, boolean mobile)
            throws Exception {
        resize(browser, width, height, mobile);
        // two animation frames: the new layout is painted
        browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The snapshot endpoint: a page link or the entry link gets the JPEG, anything else 401; GET only. */
    static void assertSnapshotNeedsAPageCredential(WebHarness harness) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String page = harness.callPageUrl().replace("/call/", "/api/").replace("?", "/snapshot?");
        String entry = harness.entryUrl().replace("/call/", "/api/").replace("?", "/snapshot?");
        HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(URI.create(page)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, ok.statusCode());
        assertEquals("image/jpeg", ok.headers().firstValue("Content-Type").orElse(""));
        assertEquals(0xFF, ok.body()[0] & 0xFF, "a JPEG");
        assertEquals("no-store", ok.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(200,
                http.send(HttpRequest.newBuilder(URI.create(entry)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode());
        for (String bad : List.of(page.replaceAll("t=[^&]+", "t=forged"), page.replaceAll("\\?t=[^&]+", ""),
                entry.replaceAll("k=[^&]+", "k=wrongkey"),
                harness.videoUrl().replace("/video/", "/api/").replace("?", "/snapshot?"))) {
            assertEquals(401,
                    http.send(HttpRequest.newBuilder(URI.create(bad)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode(),
                    bad);
        }
        assertEquals(405, http
                .send(HttpRequest.newBuilder(URI.create(page)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
    }

    @Test
    void everyStateOfTheCallPage() throws Exception {
        try (WebHarness harness = new WebHarness(HttpStack.selected(), TuyaCloudSimulator.CallTransport.OPEN_HUB_308,
                Map.of("ringTimeout", RING_TIMEOUT, "thingLabel", "Front door"))) {
            // a panel that does not stream while it rings: the ringing page shows the snapshot (RingPreviewIT has the
            // live preview)
            harness.panel.streamsWhileRinging = false;
            ChromeDriver browser = harness.browser();
            resize(browser, 390, 844, true);
            browser.get(harness.callPageUrl());

            // idle: the panel's name, ready, no empty video frame
            awaitView(browser, "idle");
            new WebDriverWait(browser, WAIT).withMessage(() -> "the panel's name")
                    .until(d -> "Front door".equals(browser.findElement(By.id("title")).getAttribute("textContent")));
            assertEquals("Ready", text(browser, "status"));
            assertFalse(shown(browser, "videos"), "no empty video box");
            assertFalse(shown(browser, "snapbox"));
            assertTrue(shown(browser, "badge"));
            assertTrue(shown(browser, "call") && shown(browser, "view"));
            assertFalse(shown(browser, "answer") || shown(browser, "hangup") || shown(browser, "unlock"));
            shot(browser, "idle", true);

            // ringing: the snapshot as soon as it arrives, Answer / Reject, the ringtone
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            harness.panel.publishDoorbellDataPoints("Visitor");
            awaitView(browser, "ringing");
            assertEquals("Someone is at the door", text(browser, "status"));
            assertTrue(shown(browser, "answer") && shown(browser, "reject"));
            assertFalse(shown(browser, "call"), "no call button while it rings");
            awaitSnapshot(browser);
            assertTrue(text(browser, "snaptime").startsWith("Visitor at "), text(browser, "snaptime"));
            assertFalse(shown(browser, "videos"), "no video box before media");
            assertEquals("on", app(browser).getAttribute("data-ringtone"), "the ringtone plays");
            assertSnapshotNeedsAPageCredential(harness);
            shot(browser, "ringing", true);

            // in call: media flows, the door can be opened
            browser.findElement(By.id("answer")).click();
            awaitView(browser, "in-call");
            awaitFrames(browser, 5);
            assertTrue(shown(browser, "videos") && shown(browser, "hangup") && shown(browser, "unlock"));
            assertFalse(shown(browser, "snapbox") || shown(browser, "answer"));
            assertEquals("off", app(browser).getAttribute("data-ringtone"), "the ringtone stops");
            shot(browser, "in-call", true);

            // door opened: a visible confirmation
            browser.findElement(By.id("unlock")).click();
            new WebDriverWait(browser, WAIT).withMessage(() -> "door opened")
                    .until(d -> "opened".equals(browser.findElement(By.id("door")).getAttribute("data-door")));
            assertTrue(shown(browser, "door"));
            assertTrue(text(browser, "door").contains("Door opened"), text(browser, "door"));
            shot(browser, "door-opened", false);

            // ended: clear words, the SDK code as small print
            browser.findElement(By.id("hangup")).click();
            awaitView(browser, "ended");
            assertEquals("Call ended", text(browser, "status"));
            assertEquals("HUNG_UP", browser.findElement(By.id("code")).getText().replace("·", "").trim());
            assertTrue(text(browser, "detail").startsWith("Ended at "), text(browser, "detail"));
            assertFalse(shown(browser, "videos"), "no video box after the call");
            shot(browser, "ended", false);

            // missed: nobody answers within the ring timeout; time and snapshot stay
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            harness.panel.publishDoorbellDataPoints("Visitor 2");
            awaitView(browser, "ringing");
            new WebDriverWait(browser, Duration.ofSeconds(RING_TIMEOUT + 20))
                    .until(d -> "missed".equals(app(browser).getAttribute("data-view")));
            assertTrue(text(browser, "status").startsWith("Missed call at "), text(browser, "status"));
            awaitSnapshot(browser);
            assertTrue(shown(browser, "call") && shown(browser, "view"));
            shot(browser, "missed", false);

            // live view outside a call
            browser.findElement(By.id("view")).click();
            awaitView(browser, "live-view");
            awaitFrames(browser, 5);
            assertTrue(shown(browser, "videos"));
            assertFalse(shown(browser, "local"), "no own camera in a live view");
            assertEquals("Stop live view", text(browser, "view"));
            shot(browser, "live-view", false);
            browser.findElement(By.id("view")).click();
            awaitView(browser, "idle");
            assertFalse(shown(browser, "videos"));

            // an invalid link: the translated page, not JSON
            String thing = URLEncoder.encode("tuyaintercom:panel:home:panel1", StandardCharsets.UTF_8);
            browser.get(harness.base() + "/tuyaintercom/call/" + thing + "?t=invalid");
            assertEquals("Link not valid", text(browser, "invalid"));
            assertTrue(text(browser, "invalid-text").contains("Open the current link"));
            shot(browser, "invalid-link", false);

            // German
            ChromeDriver german = harness.browser("de-DE");
            resize(german, 390, 844, true);
            german.get(harness.callPageUrl());
            // a page opened later still shows the last (missed) call
            awaitView(german, "missed");
            assertTrue(text(german, "status").startsWith("Verpasster Anruf um "), text(german, "status"));
            assertEquals("Anrufen", text(german, "call"));
            assertEquals("de", german.executeScript("return document.documentElement.lang"));
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            harness.panel.rings.send(SimRings.Source.STATION, java.time.Instant.now()); // a multi-station panel
            awaitView(german, "ringing");
            assertEquals("Es hat geklingelt", text(german, "status"));
            new WebDriverWait(german, WAIT).withMessage(() -> "the calling station: " + text(german, "detail"))
                    .until(d -> text(german, "detail").startsWith("Ruf von DOOR1"));
            assertEquals("Annehmen", text(german, "answer"));
            shot(german, "ringing-de", false);
            harness.panel.cancel();
            awaitView(german, "ended");
            assertEquals("Der Besucher hat aufgegeben, bevor jemand annahm", text(german, "status"));
            german.get(harness.base() + "/tuyaintercom/call/" + thing + "?t=invalid");
            assertEquals("Link ungültig", text(german, "invalid"));
        }
    }

    /** The card's Answer: it opens the call page with {@code #answer}, which answers at once with media. */
    @Test
    void callPageOpenedFromTheCardAnswersWithMediaBothWays() throws Exception {
        try (WebHarness harness = new WebHarness(TuyaCloudSimulator.CallTransport.OPEN_HUB_308)) {
            ChromeDriver browser = harness.browser();
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            assertTrue(harness.awaitTrigger("RING"), harness.trace().toString());
            browser.get(harness.callPageUrl() + "#answer");
            awaitView(browser, "in-call");
            awaitFrames(browser, 30);
            assertTrue(harness.awaitTrigger("CONNECTED"), harness.trace().toString());
            new WebDriverWait(browser, WAIT).withMessage(() -> "the panel receives the browser's media")
                    .until(d -> harness.panel.videoFramesReceived() > 0 && harness.panel.audioPacketsReceived() > 0);
            assertEquals("", browser.executeScript("return location.hash"), "#answer is used once");
            assertEquals(1, harness.panel.count("answer"));
            browser.findElement(By.id("hangup")).click();
            assertTrue(harness.awaitTrigger("HUNG_UP"), harness.trace().toString());

            // opened with #answer while nothing rings: the page drops #answer and a later call just rings
            browser.get("about:blank"); // a new page load, not a jump to a fragment of the same page
            browser.get(harness.callPageUrl() + "#answer");
            awaitView(browser, "ended");
            assertEquals("", browser.executeScript("return location.hash"), "#answer is dropped at the first state");
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            awaitView(browser, "ringing");
            assertTrue(shown(browser, "answer"));
        }
    }
}
