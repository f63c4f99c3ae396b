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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhab.binding.tuyaintercom.internal.sim.SimSessionLimit.WhenFull;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A panel that serves one WebRTC session ({@code maxMediaSessions} 1, the simulated panel refusing or dropping its
 * oldest session when full), in Chromium: a call page watches the door (Live view), a second call page answers a ring
 * and gets the media (the live view gives way and its page says why), then an oh-video exchange during the call is
 * refused (409) and the call's video goes on.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(240)
class WebSessionLimitIT {
    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    private static long frames(ChromeDriver browser) {
        return WebCallIT.number(WebCallIT.stats(browser), "framesDecoded");
    }

    private static void awaitFrames(ChromeDriver browser, long more, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (frames(browser) <= more) {
            if (System.currentTimeMillis() > deadline) {
                fail(what + ": " + WebCallIT.stats(browser));
            }
            Thread.sleep(100);
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @EnumSource(value = WhenFull.class, names = { "REFUSE", "DROP_OLDEST" })
    void withOneSessionTheCallAnsweredDuringALiveViewGetsTheMediaAndKeepsIt(WhenFull whenFull) throws Exception {
        try (WebHarness harness = new WebHarness(Map.of("maxMediaSessions", 1))) {
            harness.panel.sessionLimit.set(1, whenFull);
            ChromeDriver viewer = harness.browser();
            viewer.get(harness.callPageUrl());
            WebCallIT.visible(viewer, "view").click();
            awaitFrames(viewer, 0, "the live view shows the door");

            ChromeDriver phone = harness.browser();
            phone.get(harness.callPageUrl());
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            WebCallIT.visible(phone, "answer").click();
            assertTrue(harness.awaitTrigger("CONNECTED"), harness.trace().toString());
            awaitFrames(phone, 30, "the call's video plays");

            String ended = new WebDriverWait(viewer, Duration.ofSeconds(20)).until(d -> {
                String text = d.findElement(By.id("notice")).getText();
                return text.isEmpty() ? null : text;
            });
            assertEquals("The live view ended: the panel needs its picture for the call that was answered.", ended);

            Map<String, Object> ohVideo = (Map<String, Object>) viewer.executeAsyncScript(OhVideoIT.OH_VIDEO_EXCHANGE,
                    harness.videoUrl());
            assertEquals(409L, ohVideo.get("status"), ohVideo.toString());
            assertTrue(String.valueOf(ohVideo.get("body")).contains("media-session-limit"), ohVideo.toString());

            long before = frames(phone);
            awaitFrames(phone, before + 30, "the call's video goes on");
            System.out.printf(
                    "one session (%s): call page decoded %d frames; panel sessions %d, refused %s, dropped %s%n",
                    whenFull, frames(phone), harness.panel.openMediaSessions(), harness.panel.sessionLimit.refused(),
                    harness.panel.sessionLimit.dropped());
            assertEquals(1, harness.panel.openMediaSessions(), "the panel serves the call only");
            assertEquals(List.of(), harness.panel.sessionLimit.refused());
            assertEquals(List.of(), harness.panel.sessionLimit.dropped());
            assertFalse(harness.trace().contains("call=FAILED"), harness.trace().toString());
        }
    }
}
