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
package org.openhab.binding.tuyaintercom.internal.handler;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.call.Call;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.SimSecrets;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;
import org.openhab.binding.tuyaintercom.internal.web.PageController;
import org.openhab.binding.tuyaintercom.internal.web.Refusal;
import org.openhab.core.library.types.StringType;

/**
 * The capture mode for real users ({@code captureCalls} on the bridge): the Tuya messages of the next calls go into a
 * file under openHAB's userdata folder (system property {@code openhab.userdata}) — topic, protocol, field names and
 * values — and none of the secrets the simulator handed out (the log audit's list, {@link SimSecrets}) is in it.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(90)
class CallCaptureTest {

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void capturedCall(TuyaCloudSimulator.CallTransport transport, Path userdata) throws Exception {
        String before = System.getProperty("openhab.userdata");
        System.setProperty("openhab.userdata", userdata.toString());
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().transport(transport).start();
                SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Front door"))) {
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of(), new PanelDirectory(),
                    Clock.systemUTC(), Map.of("captureCalls", 1));
            try {
                home.start();
                PanelSession session = home.session();
                assertNotNull(session);
                device.pressCallButton(3, Duration.ofSeconds(30));
                home.await(PanelScenarioTest.RING);
                await("the WebRTC configuration noted at the ring (the cached one: no API call)",
                        () -> read(home).contains("\"event\":\"webrtc-config\""));
                session.pages().add(QuietListeners.page("page1"), QuietListeners.CREDENTIAL);
                Call call = session.engine().current();
                assertNotNull(call);
                String token = new PageController(session).answer(call.id(), "", null).callToken();
                PageController.MediaGrant grant = null;
                long deadline = System.currentTimeMillis() + 10_000;
                while (grant == null) {
                    try {
                        grant = new PageController(session).startMedia(true, token, "page1");
                    } catch (Refusal e) {
                        if (System.currentTimeMillis() > deadline) {
                            throw e;
                        }
                        Thread.sleep(20);
                    }
                }
                new PageController(session).offer(grant.media(), "page1", SdpAdapterTestData.LIVE_VIEW_OFFER);
                await("the panel's answer", () -> home.cloud.handler.capture().file() != null
                        && read(home).contains("\"type\":\"answer\""));
                home.command("call-control", new StringType("HANGUP"));
                home.await("call=HUNG_UP");
                await("the end of the capture", () -> !home.cloud.handler.capture().isActive());
            } finally {
                home.close();
            }
        } finally {
            if (before == null) {
                System.clearProperty("openhab.userdata");
            } else {
                System.setProperty("openhab.userdata", before);
            }
        }
    }

    private static String read(IntercomFixture home) {
        Path file = home.cloud.handler.capture().file();
        try {
            return file == null ? "" : Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String assertNoSecret(Path userdata) throws Exception {
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(userdata.resolve("tuyaintercom"))) {
            stream.forEach(files::add);
        }
        assertEquals(1, files.size(), "one capture file under userdata/tuyaintercom: " + files);
        String capture = Files.readString(files.get(0), StandardCharsets.UTF_8);
        System.out.println("capture of one call (" + capture.lines().count() + " lines):\n" + capture);
        assertTrue(capture.contains("\"event\":\"capture-started\""));
        assertTrue(capture.contains("\"protocol\":302"), "the WebRTC signalling");
        assertTrue(capture.contains("\"type\":\"offer\"") && capture.contains("\"type\":\"answer\""));
        assertTrue(capture.contains("\"skill\""), "what the panel can do");
        assertTrue(capture.contains("a=fingerprint:<redacted>") && capture.contains("a=ice-pwd:<redacted>"));
        assertTrue(capture.contains("\"auth\":\"<redacted>\"") && capture.contains("\"token\":\"<redacted>\""));
        List<String> hits = SimSecrets.all().stream().filter(capture::contains)
                .map(secret -> secret.substring(0, 3) + "…").toList();
        assertTrue(SimSecrets.all().size() > 5, "the secret list is filled");
        assertEquals(List.of(), hits, "secrets in the capture");
        return capture;
    }

    /** The 302 disconnect the binding sends at the end of the call is in the capture, before the call's end. */
    private static void assertDisconnectCaptured(String capture) {
        List<String> lines = capture.lines().toList();
        int ended = -1;
        int disconnect = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("\"event\":\"call-ended\"") && ended < 0) {
                ended = i;
            }
            if (line.contains("\"direction\":\"out\"") && line.contains("\"type\":\"disconnect\"") && disconnect < 0) {
                disconnect = i;
            }
        }
        assertTrue(ended >= 0, "the call's end is recorded");
        assertTrue(disconnect >= 0, "the outgoing 302 disconnect is recorded");
        assertTrue(disconnect < ended, "the disconnect comes before the end of the call it belongs to");
    }

    @Test
    void aCapturedCallHasTheWireTrafficAndNoSecret() throws Exception {
        Path userdata = Files.createTempDirectory(Path.of("target"), "userdata");
        capturedCall(TuyaCloudSimulator.CallTransport.DP_ONLY, userdata);
        String capture = assertNoSecret(userdata);
        assertTrue(capture.contains("doorbell_pic"), "the doorbell data point, by its code");
        assertTrue(capture.contains("\"value\":\"<redacted>\""), "its picture key and link redacted");
        assertTrue(capture.contains("\"event\":\"ring\"") && capture.contains("\"rang\":true")
                && capture.contains("\"delay_ms\""), "the ring: its source, whether it rang and its delay");
        assertDisconnectCaptured(capture);
    }

    @Test
    void aCapturedCallWith308HasNoSecretEither() throws Exception {
        Path userdata = Files.createTempDirectory(Path.of("target"), "userdata");
        capturedCall(TuyaCloudSimulator.CallTransport.OPEN_HUB_308, userdata);
        String capture = assertNoSecret(userdata);
        assertTrue(capture.contains("\"protocol\":308"), "the call signalling");
        assertDisconnectCaptured(capture);
    }
}
