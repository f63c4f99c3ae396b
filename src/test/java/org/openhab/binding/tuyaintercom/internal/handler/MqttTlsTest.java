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
import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.*;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.framework.TestBridge;
import org.openhab.binding.tuyaintercom.internal.framework.TestThing;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimSecrets;
import org.openhab.binding.tuyaintercom.internal.sim.SimSmartWeb;
import org.openhab.binding.tuyaintercom.internal.sim.SimTls;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.CloudFixture;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;

/**
 * Both bridges reach the simulated message service over TLS only, with the certificate and host-name checks of the
 * JVM's default trust store (which the test JVM fills with the simulator's test CA, see {@link SimTls}): the Tuya
 * Smart bridge over MQTT/TLS when the broker serves it, over WebSocket/TLS when MQTT/TLS is refused; a broker whose
 * certificate names another host, or is signed by no trusted CA, is refused by either bridge with a status that says
 * so and no secret in it.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(90)
class MqttTlsTest {
    private final RecordingCallback callback = new RecordingCallback();
    private @Nullable TuyaCloudSimulator sim;
    private @Nullable SmartAccountBridgeHandler smartHandler;
    private @Nullable CloudFixture cloudFixture;

    @AfterEach
    void tearDown() {
        SmartAccountBridgeHandler h = smartHandler;
        if (h != null) {
            h.dispose();
        }
        CloudFixture fixture = cloudFixture;
        if (fixture != null) {
            fixture.close();
        }
        TuyaCloudSimulator cloud = sim;
        if (cloud != null) {
            cloud.close();
        }
    }

    private TuyaCloudSimulator startSim() throws Exception {
        TuyaCloudSimulator cloud = new TuyaCloudSimulator().start();
        cloud.callTransport = TuyaCloudSimulator.CallTransport.OPEN_HUB_308;
        cloud.addDevice(SimDevice.panel("panel1", "Front door"));
        sim = cloud;
        return cloud;
    }

    private TestBridge startSmartBridge(TuyaCloudSimulator cloud) {
        SimSecrets.record(SimSmartWeb.DEFAULT_PASSWORD);
        Map<String, Object> config = new HashMap<>();
        config.put("username", SimSmartWeb.DEFAULT_USER);
        config.put("password", SimSmartWeb.DEFAULT_PASSWORD);
        config.put("region", "EU");
        config.put("baseUrl", cloud.baseUrl());
        TestBridge bridge = new TestBridge(new ThingUID(THING_TYPE_SMART_ACCOUNT, "smart"), THING_TYPE_SMART_ACCOUNT,
                config);
        callback.addBridge(bridge);
        SmartAccountBridgeHandler h = new SmartAccountBridgeHandler(bridge.thing(), CloudFixture.HTTP,
                Clock.systemUTC(), new PanelDirectory());
        bridge.setHandler(h);
        h.setCallback(callback.callback());
        smartHandler = h;
        h.initialize();
        return bridge;
    }

    @Test
    void theSmartBridgeConnectsOverMqttTls() throws Exception {
        TuyaCloudSimulator cloud = startSim();
        cloud.broker().transports(true, false); // WebSocket/TLS refused: only ssl:// can work
        TestBridge bridge = startSmartBridge(cloud);
        callback.awaitStatus(bridge, ThingStatus.ONLINE, Duration.ofSeconds(30));
        assertRings(cloud, bridge);
    }

    @Test
    void theSmartBridgeFallsBackToWebSocketTlsWhenMqttTlsIsRefused() throws Exception {
        TuyaCloudSimulator cloud = startSim();
        cloud.broker().transports(false, true); // MQTT/TLS refused: only wss://…/mqtt can work
        TestBridge bridge = startSmartBridge(cloud);
        callback.awaitStatus(bridge, ThingStatus.ONLINE, Duration.ofSeconds(30));
        assertRings(cloud, bridge);
    }

    @Test
    void theSmartBridgeIsOfflineWhenTheBrokerServesNeitherTransport() throws Exception {
        TuyaCloudSimulator cloud = startSim();
        cloud.broker().transports(false, false);
        TestBridge bridge = startSmartBridge(cloud);
        String description = awaitRefusal(bridge);
        assertTrue(
                description.contains("ssl://localhost:" + cloud.broker().sslPort())
                        && description.contains("wss://localhost:" + cloud.broker().wssPort() + "/mqtt"),
                "both addresses tried: " + description);
    }

    /** A ring from the panel reaches the bridge over the connection that came up, so it carries messages. */
    private void assertRings(TuyaCloudSimulator cloud, TestBridge bridge) throws Exception {
        try (var device = new org.openhab.binding.tuyaintercom.internal.sim.SimPanel(cloud,
                SimDevice.panel("panel2", "Back door"))) {
            Map<String, Object> config = new HashMap<>();
            config.put("deviceId", "panel2");
            config.put("ringTimeout", 5);
            TestThing thing = new TestThing(new ThingUID(THING_TYPE_PANEL, bridge.getUID(), "door"), THING_TYPE_PANEL,
                    bridge.getUID(), config);
            bridge.addThing(thing);
            PanelHandler panel = new PanelHandler(thing.thing(), CloudFixture.HTTP, Clock.systemUTC(),
                    new org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory());
            thing.setHandler(panel);
            panel.setCallback(callback.callback());
            try {
                panel.initialize();
                callback.awaitStatus(thing, ThingStatus.ONLINE, Duration.ofSeconds(15));
                callback.clear();
                device.pressCallButton(2, Duration.ofSeconds(20));
                callback.await(e -> e.channelOrThing().endsWith("call") && e.value().equals("RING"),
                        Duration.ofSeconds(15));
            } finally {
                panel.dispose();
            }
        }
    }

    @ParameterizedTest(name = "{0} bridge, {1} certificate")
    @CsvSource({ "cloud, WRONG_NAME, does not name its host", "cloud, UNTRUSTED, not signed by a trusted CA",
            "smart, WRONG_NAME, does not name its host", "smart, UNTRUSTED, not signed by a trusted CA" })
    void aCertificateTheJvmDoesNotAcceptIsRefused(String bridgeKind, SimTls.Identity identity, String why)
            throws Exception {
        TuyaCloudSimulator cloud = startSim();
        cloud.broker().identity(identity);
        TestBridge bridge;
        if ("cloud".equals(bridgeKind)) {
            CloudFixture fixture = new CloudFixture(cloud, Map.of());
            cloudFixture = fixture;
            sim = null; // the fixture closes it
            fixture.start();
            bridge = fixture.bridge;
            String description = awaitRefusal(fixture.callback, bridge);
            assertTrue(description.contains(why), description);
        } else {
            bridge = startSmartBridge(cloud);
            String description = awaitRefusal(bridge);
            assertTrue(description.contains(why), description);
        }
        assertTrue(cloud.broker().connectedClients().isEmpty(), "nothing connected to the broker");
    }

    private String awaitRefusal(TestBridge bridge) throws InterruptedException {
        return awaitRefusal(callback, bridge);
    }

    /**
     * Waits for the bridge to report the message service unreachable; the bridge never went online, and the status
     * names no secret the simulator issued.
     */
    private String awaitRefusal(RecordingCallback recording, TestBridge bridge) throws InterruptedException {
        recording.await(e -> e.channelOrThing().equals(bridge.getUID().getAsString()) && e.kind().equals("status")
                && e.value().contains("offline.mqtt.down"), Duration.ofSeconds(30));
        ThingStatusInfo status = bridge.getStatusInfo();
        assertEquals(ThingStatus.OFFLINE, status.getStatus());
        assertEquals(ThingStatusDetail.COMMUNICATION_ERROR, status.getStatusDetail());
        assertFalse(
                recording.events().stream()
                        .anyMatch(e -> e.kind().equals("status") && e.value().startsWith(ThingStatus.ONLINE.name())),
                "never online: " + recording.events());
        String description = String.valueOf(status.getDescription());
        for (String secret : SimSecrets.all()) {
            assertFalse(description.contains(secret), "a secret in the status: " + description);
        }
        return description;
    }
}
