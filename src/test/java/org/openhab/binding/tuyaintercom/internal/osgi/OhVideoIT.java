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

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The stock Main UI video widget's WebRTC exchange, as {@code oh-video} does it: video then audio transceivers
 * (sendrecv), a data channel, no trickle, a form POST {@code data=base64(offer)} answered with a base64 answer. The
 * panel never speaks SCTP; the data channel must stay open (oh-video restarts its stream whenever it closes) and no
 * renegotiation may happen during 30 s of video.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(240)
class OhVideoIT {
    static final String OH_VIDEO_EXCHANGE = """
            const url = arguments[0];
            const done = arguments[arguments.length - 1];
            (async () => {
              const pc = new RTCPeerConnection({ iceServers: [] });
              const state = window.ohv = { pc, dcClose: 0, dcError: 0, negotiations: 0, connectionChanges: [] };
              pc.addTransceiver('video', { direction: 'sendrecv' });
              pc.addTransceiver('audio', { direction: 'sendrecv' });
              const dc = pc.createDataChannel('dataSendChannel');
              dc.onclose = () => state.dcClose++;
              dc.onerror = () => state.dcError++;
              const video = document.createElement('video');
              video.autoplay = true; video.muted = true; document.body.appendChild(video);
              const stream = new MediaStream();
              video.srcObject = stream;
              pc.ontrack = e => stream.addTrack(e.track);
              await pc.setLocalDescription(await pc.createOffer());
              await new Promise(resolve => {
                if (pc.iceGatheringState === 'complete') return resolve();
                const timer = setTimeout(resolve, 2000);
                pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') { clearTimeout(timer); resolve(); } };
              });
              const response = await fetch(url, { method: 'POST',
                  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                  body: new URLSearchParams({ data: btoa(pc.localDescription.sdp) }) });
              if (!response.ok) return done({ status: response.status, body: await response.text() });
              const answer = atob(await response.text());
              await pc.setRemoteDescription({ type: 'answer', sdp: answer });
              pc.onnegotiationneeded = () => state.negotiations++;
              pc.onconnectionstatechange = () => state.connectionChanges.push(pc.connectionState);
              done({ status: response.status, answer });
            })().catch(e => done({ error: String(e) }));
            """;

    static final String OH_VIDEO_STATS = """
            const done = arguments[arguments.length - 1];
            const s = window.ohv;
            s.pc.getStats().then(stats => {
              let frames = 0, audio = 0;
              stats.forEach(r => {
                if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded || 0;
                if (r.type === 'inbound-rtp' && r.kind === 'audio') audio += r.packetsReceived || 0;
              });
              done({ frames, audio, dcClose: s.dcClose, dcError: s.dcError, negotiations: s.negotiations,
                     signaling: s.pc.signalingState, connection: s.pc.connectionState,
                     changes: s.connectionChanges.join(',') });
            });
            """;

    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    @SuppressWarnings("unchecked")
    @Test
    void stockOhVideoExchangeGivesStableVideoWithoutRenegotiation() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            ChromeDriver browser = harness.browser();
            browser.get(harness.base() + "/tuyaintercom/");
            Map<String, Object> exchange = (Map<String, Object>) browser.executeAsyncScript(OH_VIDEO_EXCHANGE,
                    harness.videoUrl());
            assertEquals(200L, exchange.get("status"), exchange.toString());
            String answer = String.valueOf(exchange.get("answer"));
            assertTrue(answer.indexOf("m=video") < answer.indexOf("m=audio"), "answer in the offer's m-line order");
            assertTrue(answer.contains("m=application 9"), "data channel accepted");

            Map<String, Object> stats = Map.of();
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                stats = (Map<String, Object>) browser.executeAsyncScript(OH_VIDEO_STATS);
                if (((Number) stats.get("frames")).longValue() > 30) {
                    break;
                }
                Thread.sleep(250);
            }
            long framesAtStart = ((Number) stats.get("frames")).longValue();
            assertTrue(framesAtStart > 30, "decoded frames: " + stats);
            Thread.sleep(30_000);
            stats = (Map<String, Object>) browser.executeAsyncScript(OH_VIDEO_STATS);
            long framesAtEnd = ((Number) stats.get("frames")).longValue();
            System.out.printf(
                    "oh-video: %d frames decoded before, %d after 30 s; data channel closes=%s, "
                            + "renegotiations=%s, connection=%s%n",
                    framesAtStart, framesAtEnd, stats.get("dcClose"), stats.get("negotiations"),
                    stats.get("connection"));
            assertEquals(0L, ((Number) stats.get("dcClose")).longValue(), "data channel stayed open: " + stats);
            assertEquals(0L, ((Number) stats.get("negotiations")).longValue(), "no renegotiation: " + stats);
            assertEquals("stable", stats.get("signaling"));
            assertEquals("connected", stats.get("connection"), stats.toString());
            String changes = String.valueOf(stats.get("changes"));
            assertFalse(changes.contains("disconnected") || changes.contains("failed") || changes.contains("closed"),
                    "the connection never dropped: " + stats);
            assertTrue(framesAtEnd > framesAtStart + 150, "video kept flowing: " + stats);
            assertEquals(1, harness.panel.webrtcReceived().stream().filter("offer"::equals).count());
        }
    }
}
