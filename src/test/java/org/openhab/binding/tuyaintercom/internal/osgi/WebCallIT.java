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

import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Answering from a browser: headless Chromium opens the call page of the packaged binding running in Felix, the
 * simulated panel rings, the page answers with its (fake) camera and microphone, and media flows both ways directly
 * between browser and panel.
 */
@NonNullByDefault
@Timeout(240)
class WebCallIT {

    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stats(ChromeDriver browser) {
        return (Map<String, Object>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.intercomStats().then(done, e => done({error: String(e)}));");
    }

    static long number(Map<String, Object> stats, String key) {
        Object value = stats.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }

    static WebElement visible(ChromeDriver browser, String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id(id)).isDisplayed() ? d.findElement(By.id(id)) : null);
    }

    @Test
    void panelRingsPageAnswersMediaFlowsBothWaysThenHangUp() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            harness.clearTrace();
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            WebElement answer = visible(browser, "answer");
            long clicked = System.nanoTime();
            answer.click();

            long firstFrameMillis = -1;
            Map<String, Object> stats = Map.of();
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                stats = stats(browser);
                if (firstFrameMillis < 0 && number(stats, "framesDecoded") > 0) {
                    firstFrameMillis = (System.nanoTime() - clicked) / 1_000_000;
                }
                if (number(stats, "framesDecoded") > 30 && number(stats, "audioPacketsReceived") > 0
                        && harness.panel.videoFramesReceived() > 0 && harness.panel.audioPacketsReceived() > 0) {
                    break;
                }
                Thread.sleep(250);
            }
            System.out.printf("call page: answer click -> first decoded frame %d ms; browser decoded %d frames, "
                    + "%d audio packets; panel received %d video frames, %d audio packets%n", firstFrameMillis,
                    number(stats, "framesDecoded"), number(stats, "audioPacketsReceived"),
                    harness.panel.videoFramesReceived(), harness.panel.audioPacketsReceived());
            assertTrue(number(stats, "framesDecoded") > 30, "browser decoded frames: " + stats);
            assertTrue(number(stats, "audioPacketsReceived") > 0, "browser received audio: " + stats);
            assertTrue(harness.panel.videoFramesReceived() > 0, "panel received the browser's video");
            assertTrue(harness.panel.audioPacketsReceived() > 0, "panel received the browser's audio");
            assertTrue(harness.awaitTrigger("CONNECTED"), "CONNECTED fired: " + harness.trace());

            visible(browser, "hangup").click();
            assertTrue(harness.awaitTrigger("HUNG_UP"), harness.trace().toString());
            assertTrue(harness.trace().contains("call-state=IDLE"));
            long deadlineHangUp = System.currentTimeMillis() + 10_000;
            while (harness.panel.count("hang_up") == 0 && System.currentTimeMillis() < deadlineHangUp) {
                Thread.sleep(50);
            }
            assertEquals(1, harness.panel.count("hang_up"), "the panel saw hang_up");
        }
    }
}
