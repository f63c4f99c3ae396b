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
package org.openhab.binding.tuyaintercom.internal.discovery;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.CloudFixture;
import org.openhab.binding.tuyaintercom.internal.test.RecordingInbox;
import org.openhab.core.config.discovery.DiscoveryResult;

/**
 * Discovery through the simulated cloud: an account of 300 devices of every kind yields exactly its panels.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class PanelDiscoveryServiceTest {
    private static final Path I18N = Path.of("src/main/resources/OH-INF/i18n");

    @Test
    void threeHundredDevicesYieldExactlyThePanels() throws Exception {
        TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
        Set<String> panels = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String id = String.format("dev%03d", i);
            SimDevice device = switch (i % 20) {
                case 0 -> SimDevice.panel(id, "Panel " + i);
                case 1 -> SimDevice.doorbellCamera(id, "Doorbell " + i);
                case 2 -> SimDevice.intercom(id, "Intercom " + i);
                case 3, 4, 5, 6, 7, 8, 9, 10 -> SimDevice.camera(id, "Camera " + i);
                default -> SimDevice.plug(id, "Plug " + i);
            };
            if (i % 20 <= 2) {
                panels.add(id);
            }
            sim.addDevice(device);
        }
        // a device list entry whose id could not be a thing's (a separator, a path, a line break) is skipped
        sim.addDevice(SimDevice.panel("bad:id/../x\nFORGED", "Not a panel id"));
        try (CloudFixture cloud = new CloudFixture(sim, Map.of()).start().awaitOnline()) {
            PanelDiscoveryService discovery = new PanelDiscoveryService();
            discovery.setThingHandler(cloud.handler);
            RecordingInbox inbox = new RecordingInbox();
            discovery.addDiscoveryListener(inbox);

            discovery.startScan(null); // its time is measured in the benchmarks (BindingBenchmark)

            inbox.await(results -> results.keySet().equals(panels), Duration.ofSeconds(10));
            assertEquals(panels, inbox.results.keySet());
            DiscoveryResult panel = inbox.results.get("dev000");
            assertNotNull(panel);
            assertEquals("Panel 0", panel.getLabel());
            assertEquals("deviceId", panel.getRepresentationProperty());
            assertEquals(cloud.bridge.getUID(), panel.getBridgeUID());
            Map<String, Object> properties = panel.getProperties();
            assertEquals("dev000", properties.get("deviceId"));
            assertEquals("sp_dpsxj", properties.get("category"));
            assertEquals("Simulated Video Intercom", properties.get("product"));
            assertEquals("true", properties.get("online"));
            assertEquals("true", properties.get("webrtc"));
            assertEquals("true", properties.get("twoWayAudio"));
            assertEquals("false", properties.get("lowPower"));
            assertEquals("true", inbox.results.get("dev001").getProperties().get("lowPower"));
            assertEquals("dghsxj", inbox.results.get("dev002").getProperties().get("category"),
                    "an intercom of category dghsxj, without doorbell data points in its status");

            sim.removeDevice("dev020");
            discovery.startScan(null);
            assertEquals(Set.of("dev020"), inbox.removed);
            assertFalse(inbox.results.containsKey("dev020"));
            discovery.dispose();
        }
    }

    @Test
    void aPanelsWebRtcConfigurationIsAskedForOnceNotAtEveryScan() throws Exception {
        TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
        sim.addDevice(SimDevice.panel("panel1", "Front door"));
        sim.addDevice(SimDevice.panel("panel2", "Back door"));
        sim.addDevice(SimDevice.plug("plug1", "Plug"));
        try (CloudFixture cloud = new CloudFixture(sim, Map.of()).start().awaitOnline()) {
            PanelDiscoveryService discovery = new PanelDiscoveryService();
            discovery.setThingHandler(cloud.handler);
            RecordingInbox inbox = new RecordingInbox();
            discovery.addDiscoveryListener(inbox);
            int before = sim.webrtcConfigsIssued();
            discovery.scan();
            assertEquals(2, sim.webrtcConfigsIssued() - before, "one WebRTC configuration per panel found");
            int requests = sim.requestCount();
            for (int i = 0; i < 10; i++) {
                discovery.scan(); // 2.5 hours of background scans
            }
            assertEquals(2, sim.webrtcConfigsIssued() - before, "no WebRTC configuration at a later scan");
            assertEquals(10, sim.requestCount() - requests, "one device list a scan, nothing else");
            assertEquals("true", inbox.results.get("panel2").getProperties().get("twoWayAudio"),
                    "the properties of the first scan are kept");

            sim.addDevice(SimDevice.panel("panel3", "Garage"));
            discovery.scan();
            assertEquals(3, sim.webrtcConfigsIssued() - before, "a new panel's configuration is asked for once");
            discovery.dispose();
        } finally {
            sim.close();
        }
    }

    @Test
    void theBackgroundScanListsOnceTheBridgeIsOnlineAndThenOnlyWhenDue() throws Exception {
        TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
        sim.addDevice(SimDevice.panel("panel1", "Front door"));
        try (CloudFixture cloud = new CloudFixture(sim, Map.of())) {
            PanelDiscoveryService discovery = new PanelDiscoveryService();
            discovery.setThingHandler(cloud.handler);
            RecordingInbox inbox = new RecordingInbox();
            discovery.addDiscoveryListener(inbox);
            int requests = sim.requestCount();
            discovery.scanIfDue(); // the bridge is not online yet (e.g. waiting for a QR code sign-in)
            assertEquals(requests, sim.requestCount(), "no API call while the bridge is not online");
            assertTrue(inbox.results.isEmpty());

            cloud.start().awaitOnline();
            discovery.scanIfDue(); // the next check after the bridge came online
            inbox.await(results -> results.containsKey("panel1"), Duration.ofSeconds(10)); // 5.x tells it later
            assertEquals(Set.of("panel1"), inbox.results.keySet(), "listed at once, not 15 minutes later");
            requests = sim.requestCount();
            for (int i = 0; i < 10; i++) {
                discovery.scanIfDue(); // 5 minutes of checks
            }
            assertEquals(requests, sim.requestCount(), "the next listing is due 15 minutes after the last");
            discovery.dispose();
        } finally {
            sim.close();
        }
    }

    @Test
    void aPanelWithoutANameIsLabelledWithATranslatedTextAndItsId() throws Exception {
        TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
        sim.addDevice(SimDevice.panel("panel1", ""));
        try (CloudFixture cloud = new CloudFixture(sim, Map.of()).start().awaitOnline()) {
            PanelDiscoveryService discovery = new PanelDiscoveryService();
            discovery.setThingHandler(cloud.handler);
            RecordingInbox inbox = new RecordingInbox();
            discovery.addDiscoveryListener(inbox);
            discovery.scan();
            // openHAB 5.x tells its discovery listeners on its scheduler, 4.3 at once
            inbox.await(results -> results.containsKey("panel1"), Duration.ofSeconds(10));
            DiscoveryResult panel = inbox.results.get("panel1");
            assertNotNull(panel);
            String label = panel.getLabel();
            assertEquals("@text/discovery.panel.unnamed.label [ \"panel1\" ]", label);

            // as openHAB's AbstractDiscoveryService (ParsedKey, 4.3 and 5.x) reads it: key, then the arguments
            String[] keyAndArguments = label.substring("@text/".length()).split("\\s+", 2);
            String arguments = keyAndArguments[1].replaceAll("\\[|\\]|\"", "").trim();
            assertEquals("panel1", arguments);
            for (String file : List.of("tuyaintercom.properties", "tuyaintercom_de.properties")) {
                Properties texts = new Properties();
                try (InputStream in = Files.newInputStream(I18N.resolve(file))) {
                    texts.load(in);
                }
                String text = texts.getProperty(keyAndArguments[0]);
                assertNotNull(text, keyAndArguments[0] + " in " + file);
                assertTrue(MessageFormat.format(text, arguments).endsWith(" panel1"), file + ": " + text);
            }
            discovery.dispose();
        } finally {
            sim.close();
        }
    }
}
