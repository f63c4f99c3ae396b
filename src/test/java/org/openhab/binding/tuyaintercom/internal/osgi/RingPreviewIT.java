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
import static org.openhab.binding.tuyaintercom.internal.osgi.WebCallIT.*;

import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator.CallTransport;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The muted preview of the visitor while the call rings (panel setting {@code ringPreview}): the ringing page shows
 * the panel's video before anyone answers and sends nothing to the panel; answering goes on with the same connection
 * (no second offer); a panel that does not stream while it rings leaves the page with its snapshot and the answer
 * opens the media as usual; with the setting off no preview is asked for.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(240)
class RingPreviewIT {
    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    private static String preview(ChromeDriver browser) {
        String value = browser.findElement(By.id("app")).getAttribute("data-preview");
        return value == null ? "" : value;
    }

    private static long offers(WebHarness harness) {
        return harness.panel.webrtcReceived().stream().filter("offer"::equals).count();
    }

    private static void awaitMediaBothWays(WebHarness harness, ChromeDriver browser) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        Map<String, Object> stats = Map.of();
        while (System.currentTimeMillis() < deadline) {
            stats = stats(browser);
            if (number(stats, "framesDecoded") > 0 && harness.panel.videoFramesReceived() > 0
                    && harness.panel.audioPacketsReceived() > 0) {
                break;
            }
            Thread.sleep(250);
        }
        assertTrue(number(stats, "framesDecoded") > 0, "browser decoded the panel's video: " + stats);
        assertTrue(harness.panel.videoFramesReceived() > 0, "panel received the browser's video");
        assertTrue(harness.panel.audioPacketsReceived() > 0, "panel received the browser's audio");
    }

    @Test
    void theRingingPageShowsTheVisitorMutedAndAnswersOnTheSameConnection() throws Exception {
        try (WebHarness harness = new WebHarness(CallTransport.DP_ONLY)) {
            ChromeDriver browser = harness.browser();
            CallPageIT.resize(browser, 390, 844, true);
            browser.get(harness.callPageUrl());
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            visible(browser, "answer");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "playing".equals(preview(browser)));
            assertEquals("ringing", browser.findElement(By.id("app")).getAttribute("data-view"));
            assertTrue(browser.findElement(By.id("videos")).isDisplayed(), "the visitor is shown");
            assertEquals(Boolean.TRUE, browser.executeScript("return document.getElementById('remote').muted"),
                    "the preview is muted");
            assertEquals("Live picture, sound off until you answer", browser.findElement(By.id("detail")).getText(),
                    "the page says so");
            assertTrue(number(stats(browser), "framesDecoded") > 0);
            CallPageIT.shot(browser, "ringing-preview", true);
            Thread.sleep(1500);
            assertEquals(0, harness.panel.videoFramesReceived(), "the preview sends no video to the panel");
            assertEquals(0, harness.panel.audioPacketsReceived(), "the preview sends no sound to the panel");
            assertEquals(1, offers(harness));

            browser.findElement(By.id("answer")).click();
            assertTrue(harness.awaitTrigger("CONNECTED"), harness.trace().toString());
            awaitMediaBothWays(harness, browser);
            assertEquals(1, offers(harness), "the answer went on with the preview's connection: no second offer");
            assertEquals(1, harness.panel.openMediaSessions());
            assertEquals(Boolean.FALSE, browser.executeScript("return document.getElementById('remote').muted"),
                    "the call is heard");
            assertEquals("in-call", browser.findElement(By.id("app")).getAttribute("data-view"));

            visible(browser, "hangup").click();
            assertTrue(harness.awaitTrigger("HUNG_UP"), harness.trace().toString());
        }
    }

    @Test
    void aPanelThatDoesNotStreamWhileRingingKeepsThePageOnItsPictureAndTheAnswerOpensMedia() throws Exception {
        try (WebHarness harness = new WebHarness(HttpStack.selected(), CallTransport.OPEN_HUB_308, Map.of())) {
            harness.panel.streamsWhileRinging = false;
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            visible(browser, "answer");
            long deadline = System.currentTimeMillis() + 10_000;
            while (harness.panel.refusedOffers().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(java.util.List.of("ringing"), harness.panel.refusedOffers(), "the page asked for a preview");
            Thread.sleep(1000);
            assertNotEquals("playing", preview(browser));
            assertFalse(browser.findElement(By.id("videos")).isDisplayed(), "no empty video frame");

            browser.findElement(By.id("answer")).click();
            assertTrue(harness.awaitTrigger("CONNECTED"), harness.trace().toString());
            awaitMediaBothWays(harness, browser);
            assertEquals(2, offers(harness), "the call's media is a new session: the unanswered preview was dropped");
            assertEquals(1, harness.panel.openMediaSessions());
            visible(browser, "hangup").click();
            assertTrue(harness.awaitTrigger("HUNG_UP"), harness.trace().toString());
        }
    }

    @Test
    void withThePreviewSwitchedOffNoMediaIsAskedForBeforeTheAnswer() throws Exception {
        try (WebHarness harness = new WebHarness(Map.of("ringPreview", false))) {
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            visible(browser, "answer");
            Thread.sleep(2000);
            assertEquals(0, offers(harness));
            assertEquals("", preview(browser));
            browser.findElement(By.id("answer")).click();
            assertTrue(harness.awaitTrigger("CONNECTED"), harness.trace().toString());
            assertEquals(1, offers(harness));
        }
    }
}
