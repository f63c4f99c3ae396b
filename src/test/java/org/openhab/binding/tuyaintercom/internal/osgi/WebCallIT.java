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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Answering from a browser: headless Chromium opens the call page of the packaged binding running in Felix, the
 * simulated panel rings, the page answers with its (fake) camera and microphone, and media flows both ways directly
 * between browser and panel.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(240)
class WebCallIT {
    /** The simulator's call transport: the configured one (dp-only unless set); {@link WebCall308IT} uses 308. */
    protected TuyaCloudSimulator.CallTransport transport() {
        return TuyaCloudSimulator.CallTransport.configured();
    }

    /** Clicks a button and resolves with the milliseconds until the first video frame is decoded. */
    static final String CLICK_AND_TIME_FIRST_FRAME = """
            const done = arguments[arguments.length - 1];
            const start = performance.now();
            document.getElementById(arguments[0]).click();
            const poll = async () => {
              const s = await window.pageProbe.stats();
              if (s.framesDecoded > 0) return done(Math.round(performance.now() - start));
              if (performance.now() - start > 30000) return done(-1);
              setTimeout(poll, 10);
            };
            poll();
            """;

    /** The same media between browser and the simulated panel's peer without the binding (no trickle). */
    static final String DIRECT_OFFER = """
            const done = arguments[arguments.length - 1];
            window.direct = { start: performance.now() };
            const pc = window.direct.pc = new RTCPeerConnection({ iceServers: [] });
            pc.addTransceiver('audio', { direction: 'recvonly' });
            pc.addTransceiver('video', { direction: 'recvonly' });
            pc.createOffer().then(o => pc.setLocalDescription(o)).then(() => new Promise(resolve => {
              if (pc.iceGatheringState === 'complete') return resolve();
              pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') resolve(); };
              setTimeout(resolve, 2000);
            })).then(() => done(pc.localDescription.sdp));
            """;

    static final String DIRECT_ANSWER = """
            const done = arguments[arguments.length - 1];
            const pc = window.direct.pc;
            pc.setRemoteDescription({ type: 'answer', sdp: arguments[0] }).then(() => {
              const poll = async () => {
                let frames = 0;
                (await pc.getStats()).forEach(r => { if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded || 0; });
                if (frames > 0) { const t = Math.round(performance.now() - window.direct.start); pc.close(); return done(t); }
                if (performance.now() - window.direct.start > 30000) return done(-1);
                setTimeout(poll, 10);
              };
              poll();
            });
            """;

    static long directFirstFrameMillis(WebHarness harness, ChromeDriver browser) throws Exception {
        String offer = (String) browser.executeAsyncScript(DIRECT_OFFER);
        java.util.List<String> candidates = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Void> gathered = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<String> answer = new java.util.concurrent.CompletableFuture<>();
        try (org.openhab.binding.tuyaintercom.internal.sim.SimMediaPeer peer = new org.openhab.binding.tuyaintercom.internal.sim.SimMediaPeer(
                offer, c -> {
                    if (c.isEmpty()) {
                        gathered.complete(null);
                    } else {
                        candidates.add(c);
                    }
                }, () -> {
                }, answer)) {
            String sdp = answer.get(10, java.util.concurrent.TimeUnit.SECONDS);
            gathered.get(10, java.util.concurrent.TimeUnit.SECONDS);
            String withCandidates = org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapter.withCandidates(sdp,
                    candidates);
            return ((Number) browser.executeAsyncScript(DIRECT_ANSWER, withCandidates)).longValue();
        }
    }

    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stats(ChromeDriver browser) {
        return (Map<String, Object>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.pageProbe.stats().then(done, e => done({error: String(e)}));");
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
        try (WebHarness harness = new WebHarness(transport())) {
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            harness.clearTrace();
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            visible(browser, "answer");
            Number firstFrame = (Number) browser.executeAsyncScript(CLICK_AND_TIME_FIRST_FRAME, "answer");
            long firstFrameMillis = firstFrame.longValue();
            Map<String, Object> stats = Map.of();
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                stats = stats(browser);
                if (number(stats, "framesDecoded") > 30 && number(stats, "audioPacketsReceived") > 0
                        && harness.panel.videoFramesReceived() > 0 && harness.panel.audioPacketsReceived() >= 30) {
                    break;
                }
                Thread.sleep(250);
            }
            long direct = directFirstFrameMillis(harness, browser);
            System.out.printf(
                    "answer click -> first decoded frame: via the binding %d ms, direct browser <-> panel " + "%d ms%n",
                    firstFrameMillis, direct);
            System.out.printf(
                    "call page: browser decoded %d frames, "
                            + "%d audio packets; panel received %d video frames, %d audio packets%n",
                    number(stats, "framesDecoded"), number(stats, "audioPacketsReceived"),
                    harness.panel.videoFramesReceived(), harness.panel.audioPacketsReceived());
            assertTrue(number(stats, "framesDecoded") > 30, "browser decoded frames: " + stats);
            assertTrue(number(stats, "audioPacketsReceived") > 0, "browser received audio: " + stats);
            assertTrue(harness.panel.videoFramesReceived() > 0, "panel received the browser's video");
            assertTrue(harness.panel.audioPacketsReceived() > 0, "panel received the browser's audio");
            // the answer asks for 30 ms G.711 frames (a=ptime:30), as go2rtc sends them to Tuya devices
            double frameBytes = harness.panel.audioBytesPerPacket();
            System.out.printf("talk-back: %d audio packets, %.1f payload bytes per packet%n",
                    harness.panel.audioPacketsReceived(), frameBytes);
            assertEquals(240, frameBytes, 2, "the browser sends 30 ms (240-byte) G.711 frames");
            assertTrue(harness.awaitTrigger("CONNECTED"), "CONNECTED fired: " + harness.trace());

            visible(browser, "hangup").click();
            assertTrue(harness.awaitTrigger("HUNG_UP"), harness.trace().toString());
            assertTrue(harness.trace().contains("call-state=IDLE"));
            long deadlineHangUp = System.currentTimeMillis() + 10_000;
            while (!harness.panel.toldCallEnded() && System.currentTimeMillis() < deadlineHangUp) {
                Thread.sleep(50);
            }
            assertTrue(harness.panel.toldCallEnded(), "the panel saw hang_up (308) or the media's disconnect (302)");
        }
    }

    @Test
    void twoBrowsersRingOneAnswersTheOtherSeesAnsweredElsewhere() throws Exception {
        try (WebHarness harness = new WebHarness(transport())) {
            ChromeDriver first = harness.browser();
            ChromeDriver second = harness.browser();
            first.get(harness.callPageUrl());
            second.get(harness.callPageUrl());
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            visible(first, "answer");
            visible(second, "answer");
            first.findElement(By.id("answer")).click();
            new WebDriverWait(second, Duration.ofSeconds(20))
                    .until(d -> "Answered on another device".equals(d.findElement(By.id("status")).getText()));
            assertFalse(second.findElement(By.id("answer")).isDisplayed(), "no answer button any more");
            assertTrue(harness.awaitTrigger("CONNECTED"), harness.trace().toString());
            // each ringing page watched the visitor (a preview each); the answer kept one as the call's media and
            // closed the other: one 308 answer, and one media session left at the panel
            assertEquals(1, harness.awaitPanelMediaSessions(1, Duration.ofSeconds(10)),
                    "one media session: the answering page's");
            if (transport() == TuyaCloudSimulator.CallTransport.OPEN_HUB_308) {
                assertEquals(1, harness.panel.answersReceived(), "the panel received exactly one 308 answer");
            }
        }
    }

    @Test
    void closingTheTabMidCallEndsTheCallAndTellsThePanel() throws Exception {
        try (WebHarness harness = new WebHarness(transport())) {
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            visible(browser, "answer").click();
            assertTrue(harness.awaitTrigger("CONNECTED"), harness.trace().toString());
            harness.clearTrace();
            browser.quit(); // the tab goes away without hanging up
            long deadline = System.currentTimeMillis() + 60_000;
            // the state and the outcome trigger are separate events: wait for both
            while (System.currentTimeMillis() < deadline && !(harness.trace().contains("call-state=IDLE")
                    && (harness.trace().contains("call=HUNG_UP") || harness.trace().contains("call=FAILED")))) {
                Thread.sleep(100);
            }
            System.out.println("tab closed mid-call: " + harness.trace());
            assertTrue(harness.trace().contains("call-state=IDLE"), harness.trace().toString());
            List<String> ended = harness.trace();
            assertTrue(ended.contains("call=HUNG_UP") || ended.contains("call=FAILED"), ended.toString());
            long panelDeadline = System.currentTimeMillis() + 10_000;
            while (!harness.panel.toldCallEnded() && System.currentTimeMillis() < panelDeadline) {
                Thread.sleep(50);
            }
            assertTrue(harness.panel.toldCallEnded(), "the panel was told");
            assertEquals(0, harness.awaitPanelMediaSessions(0, Duration.ofSeconds(10)),
                    "no media session left at the panel");
        }
    }
}
