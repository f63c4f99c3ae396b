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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.test.PanelRig;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling;

/**
 * 302 messages are routed by {@code sessionid} to the panel whose media session it is, as public clients do
 * (AlexxIT/go2rtc {@code pkg/tuya/mqtt.go} and TuyaInc/webrtc-demo-go filter by session id): {@code header.from} may
 * not be the panel's id for child or NVR devices. Without a known session, {@code sub_dev_id} and then {@code from}
 * route the message.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class SignallingRoutingTest {

    private static String candidate(String from, String subDevId, String sessionId, String candidate) {
        String json = WebRtcSignalling.fromDevice("candidate", from, "me", sessionId, "moto_sim_01",
                TuyaJson.object().put("mode", "webrtc").put("candidate", "a=" + candidate + "\r\n"), 1_795_600_000L);
        return json.replace("\"sub_dev_id\":\"\"", "\"sub_dev_id\":\"" + subDevId + "\"");
    }

    private static void awaitCandidates(SignallingRelay.Session session, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (session.candidates().size() < count) {
            if (System.currentTimeMillis() > deadline) {
                fail("candidates routed so far: " + session.candidates());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void messagesOfAKnownSessionReachItsPanelWhateverTheirFrom() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of())) {
            PanelSession session = rig.session;
            SignallingRelay.Session media = session.relay().open(SignallingRelay.Kind.LIVE_VIEW, "page",
                    Duration.ofSeconds(30), QuietListeners.MEDIA);
            String host = "candidate:1 1 udp 2122260223 192.168.1.20 50000 typ host";
            // an NVR answers for its channel: "from" is the recorder's id, the session is ours
            rig.sim.publishToIpcClients(candidate("nvr0gateway01", "", media.id(), host));
            awaitCandidates(media, 1);
            // a child device of a gateway, with its own id in sub_dev_id
            rig.sim.publishToIpcClients(candidate("gateway01", "panel1", media.id(), host.replace(":1 ", ":2 ")));
            awaitCandidates(media, 2);
            assertEquals(List.of(host, host.replace(":1 ", ":2 ")), media.candidates());
        }
    }

    /** Waits until the panel has received a 302 message of the given type. */
    private static void awaitReceivedByPanel(SimPanel device, String type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (device.webrtcSubDevIds().stream().noneMatch(m -> m.startsWith(type + "="))) {
            if (System.currentTimeMillis() > deadline) {
                fail("no " + type + " reached the panel; it received " + device.webrtcSubDevIds());
            }
            Thread.sleep(20); // a poll step
        }
    }

    private static List<String> outgoingSubDevIds(String gatewayId) throws Exception {
        SimDevice panel = SimDevice.panel("panel1", "Door");
        panel.gatewayId = gatewayId;
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start(); SimPanel device = new SimPanel(sim, panel)) {
            device.mediaEnabled = false; // only the headers count here
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start();
            try {
                PanelSession session = home.session();
                assertNotNull(session);
                SignallingRelay.Session media = session.relay().open(SignallingRelay.Kind.LIVE_VIEW, "page",
                        Duration.ofSeconds(30), QuietListeners.MEDIA);
                session.relay().offer(media, SdpAdapterTestData.OFFER);
                session.relay().addBrowserCandidate(media, "candidate:1 1 udp 2122260223 192.168.1.30 50001 typ host");
                // the browser's candidate waits for the panel's answer
                sim.publishToIpcClients(WebRtcSignalling.fromDevice("answer", "panel1", "me", media.id(), "moto_sim_01",
                        TuyaJson.object().put("mode", "webrtc").put("sdp", SdpAdapterTestData.DEVICE_ANSWER),
                        1_795_600_000L));
                // the held candidate goes out on the MQTT thread just after the answer is recorded: closing as soon as
                // media.answer() is set could send the disconnect first, so the panel's receipt is what counts
                awaitReceivedByPanel(device, "candidate");
                assertNotNull(media.answer(), "the panel's answer arrived");
                session.relay().close(media);
                awaitReceivedByPanel(device, "disconnect");
                return device.webrtcSubDevIds();
            } finally {
                home.close();
            }
        }
    }

    @Test
    void aChildDeviceOfAGatewayIsAddressedWithItsSubDevId() throws Exception {
        assertEquals(List.of("offer=panel1", "candidate=panel1", "disconnect=panel1"), outgoingSubDevIds("gateway01"));
    }

    @Test
    void aStandAlonePanelIsAddressedWithAnEmptySubDevId() throws Exception {
        assertEquals(List.of("offer=", "candidate=", "disconnect="), outgoingSubDevIds(""));
    }
}
