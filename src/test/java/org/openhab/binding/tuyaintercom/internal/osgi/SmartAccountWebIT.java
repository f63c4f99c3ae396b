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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser paths through a {@code smartaccount} bridge (the Tuya Smart app account signed in through the
 * simulator's web client API, its WebRTC configuration from {@code jarvis/config}, its signalling over the web
 * client's MQTT session) in the packaged binding in Felix, with headless Chromium and the simulated panel's WebRTC
 * peer: a live view on the call page and through the {@code oh-video} endpoint (the {@code dp-only} transport: a live
 * view needs no ring), and a ring answered on the call page with media both ways, then hung up (the
 * {@code open-hub-308} transport: under this account type a ring arrives only as a 308 call).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(120)
class SmartAccountWebIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    /** The bridge signed in through the web client API and took the panel's WebRTC configuration from it. */
    private static void assertWebClientApiUsed(WebHarness harness) {
        assertTrue(harness.sim.smart.logins() >= 1, "signed in through the web client API");
        List<String> paths = harness.sim.smart.requestedPaths();
        assertTrue(paths.contains("/api/jarvis/config"), "WebRTC configuration from jarvis/config: " + paths);
        assertTrue(paths.contains("/api/jarvis/mqtt"), "MQTT access from jarvis/mqtt: " + paths);
    }

    /** Polls the call page's media statistics until the browser decoded frames and received audio. */
    private static Map<String, Object> awaitBrowserMedia(ChromeDriver browser, long frames) throws Exception {
        Map<String, Object> stats = Map.of();
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            stats = WebCallIT.stats(browser);
            if (WebCallIT.number(stats, "framesDecoded") > frames
                    && WebCallIT.number(stats, "audioPacketsReceived") > 0) {
                break;
            }
            Thread.sleep(250);
        }
        return stats;
    }

    @SuppressWarnings("unchecked")
    @Test
    void liveViewOnTheCallPageAndThroughOhVideo() throws Exception {
        try (WebHarness harness = new WebHarness(WebHarness.Account.TUYA_SMART,
                TuyaCloudSimulator.CallTransport.DP_ONLY)) {
            assertWebClientApiUsed(harness);
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            CallPageIT.awaitView(browser, "idle");

            // the call page's live view: the panel's video and audio, no own camera
            browser.findElement(By.id("view")).click();
            CallPageIT.awaitView(browser, "live-view");
            Map<String, Object> stats = awaitBrowserMedia(browser, 30);
            System.out.printf("smartaccount live view: browser decoded %d frames, %d audio packets%n",
                    WebCallIT.number(stats, "framesDecoded"), WebCallIT.number(stats, "audioPacketsReceived"));
            assertTrue(WebCallIT.number(stats, "framesDecoded") > 30, "browser decoded the panel's video: " + stats);
            assertTrue(WebCallIT.number(stats, "audioPacketsReceived") > 0, "browser received the panel's audio");
            assertFalse(CallPageIT.shown(browser, "local"), "no own camera in a live view");
            assertTrue(harness.panel.webrtcReceived().contains("offer"), "the offer reached the panel over 302");
            browser.findElement(By.id("view")).click();
            CallPageIT.awaitView(browser, "idle");
            assertEquals(0, harness.awaitPanelMediaSessions(0, Duration.ofSeconds(10)),
                    "stopping the live view ended its media session");

            // the oh-video widget's exchange: one POST, a base64 answer, video
            Map<String, Object> exchange = (Map<String, Object>) browser.executeAsyncScript(OhVideoIT.OH_VIDEO_EXCHANGE,
                    harness.videoUrl());
            assertEquals(200L, exchange.get("status"), exchange.toString());
            Map<String, Object> video = Map.of();
            long deadline = System.currentTimeMillis() + WAIT.toMillis();
            while (System.currentTimeMillis() < deadline) {
                video = (Map<String, Object>) browser.executeAsyncScript(OhVideoIT.OH_VIDEO_STATS);
                if (((Number) video.get("frames")).longValue() > 30) {
                    break;
                }
                Thread.sleep(250);
            }
            System.out.println("smartaccount oh-video: " + video);
            assertTrue(((Number) video.get("frames")).longValue() > 30, "oh-video decoded frames: " + video);
            assertEquals("connected", video.get("connection"), video.toString());
            assertEquals("IDLE", harness.latest("call-state"), "a live view is no call");
        }
    }

    @Test
    void ringAnsweredOnTheCallPageWithMediaBothWaysThenHangUp() throws Exception {
        try (WebHarness harness = new WebHarness(WebHarness.Account.TUYA_SMART,
                TuyaCloudSimulator.CallTransport.OPEN_HUB_308)) {
            assertWebClientApiUsed(harness);
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            CallPageIT.awaitView(browser, "idle");
            harness.clearTrace();
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            assertTrue(harness.awaitTrigger("RING"), "the 308 call rang: " + harness.trace());
            WebCallIT.visible(browser, "answer").click();
            assertTrue(harness.awaitTrigger("CONNECTED"), "CONNECTED fired: " + harness.trace());

            Map<String, Object> stats = Map.of();
            long deadline = System.currentTimeMillis() + WAIT.toMillis();
            while (System.currentTimeMillis() < deadline) {
                stats = WebCallIT.stats(browser);
                if (WebCallIT.number(stats, "framesDecoded") > 30 && WebCallIT.number(stats, "audioPacketsReceived") > 0
                        && harness.panel.videoFramesReceived() > 0 && harness.panel.audioPacketsReceived() > 0) {
                    break;
                }
                Thread.sleep(250);
            }
            System.out.printf(
                    "smartaccount call: browser decoded %d frames, %d audio packets; "
                            + "panel received %d video frames, %d audio packets%n",
                    WebCallIT.number(stats, "framesDecoded"), WebCallIT.number(stats, "audioPacketsReceived"),
                    harness.panel.videoFramesReceived(), harness.panel.audioPacketsReceived());
            assertTrue(WebCallIT.number(stats, "framesDecoded") > 30, "browser decoded the panel's video: " + stats);
            assertTrue(WebCallIT.number(stats, "audioPacketsReceived") > 0, "browser received audio: " + stats);
            assertTrue(harness.panel.videoFramesReceived() > 0, "panel received the browser's video");
            assertTrue(harness.panel.audioPacketsReceived() > 0, "panel received the browser's audio");
            assertEquals(1, harness.panel.answersReceived(), "the panel got the 308 answer once");

            WebCallIT.visible(browser, "hangup").click();
            assertTrue(harness.awaitTrigger("HUNG_UP"), harness.trace().toString());
            deadline = System.currentTimeMillis() + 10_000;
            while (!(harness.trace().contains("call-state=IDLE") && harness.panel.toldCallEnded())
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(harness.trace().contains("call-state=IDLE"), harness.trace().toString());
            assertTrue(harness.panel.toldCallEnded(), "the panel got the 308 hang_up");
            CallPageIT.awaitView(browser, "ended");
            assertEquals(0, harness.awaitPanelMediaSessions(0, Duration.ofSeconds(10)),
                    "no media session left at the panel");
        }
    }
}
