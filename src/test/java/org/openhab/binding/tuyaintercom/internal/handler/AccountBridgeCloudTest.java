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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.framework.TestThing;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.CloudFixture;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The account bridge against the simulated cloud: a real HTTP server checking signatures and tokens, a real MQTT
 * broker checking credentials and their expiry.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(90)
class AccountBridgeCloudTest {
    private final List<CloudFixture> fixtures = new ArrayList<>();

    @AfterEach
    void tearDown() {
        fixtures.forEach(CloudFixture::close);
    }

    private CloudFixture fixture(TuyaCloudSimulator sim, Map<String, Object> overrides) {
        CloudFixture fixture = new CloudFixture(sim, overrides);
        fixtures.add(fixture);
        return fixture;
    }

    private static TuyaCloudSimulator simWithPanel() throws Exception {
        TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
        sim.addDevice(SimDevice.panel("panel1", "Front door"));
        return sim;
    }

    /** Collects the data point reports the bridge routes to one device. */
    static final class StatusCollector implements DeviceMessageListener {
        final List<JsonNode> statuses = new CopyOnWriteArrayList<>();
        final Set<String> values = ConcurrentHashMap.newKeySet();

        @Override
        public void onDeviceStatus(JsonNode status) {
            statuses.add(status);
            status.forEach(dp -> values.add(dp.path("code").asText() + "=" + dp.path("value").asText()));
        }

        @Override
        public void onDeviceOnline(boolean online) {
            values.add("online=" + online);
        }

        @Override
        public void onSignalling(int protocol, JsonNode data) {
            values.add("signalling=" + protocol);
        }

        void await(String value, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!values.contains(value)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not received: " + value + "; got " + values.size() + " values");
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void bridgeGoesOnlineWithBothMqttLinks() throws Exception {
        CloudFixture cloud = fixture(simWithPanel(), Map.of()).start().awaitOnline();
        assertEquals(cloud.sim.userId(), cloud.bridge.getProperties().get("userId"));
        assertFalse(cloud.bridge.getConfiguration().get("linkId").toString().isBlank(), "link id persisted");
        assertEquals(2, cloud.sim.broker().connectedClients().size(), "ipc and device connections");
        assertFalse(cloud.handler.mqttUid().isEmpty());
    }

    @Test
    void emptyUserIdIsLookedUpThroughAConfiguredPanel() throws Exception {
        CloudFixture cloud = fixture(simWithPanel(), Map.of("userId", ""));
        cloud.bridge.addThing(new TestThing(new ThingUID(THING_TYPE_PANEL, cloud.bridge.getUID(), "front"),
                THING_TYPE_PANEL, cloud.bridge.getUID(), Map.of("deviceId", "panel1")));
        cloud.start().awaitOnline();
        assertEquals(cloud.sim.userId(), cloud.bridge.getProperties().get("userId"));
    }

    @Test
    void wrongSecretIsAConfigurationError() throws Exception {
        CloudFixture cloud = fixture(simWithPanel(), Map.of("accessSecret", "wrong-secret-0000000000000000000"))
                .start();
        cloud.callback.awaitStatus(cloud.bridge, ThingStatus.OFFLINE, Duration.ofSeconds(10));
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, cloud.bridge.getStatusInfo().getStatusDetail());
        assertTrue(String.valueOf(cloud.bridge.getStatusInfo().getDescription())
                .startsWith("@text/offline.cloud.wrong-credentials"), cloud.bridge.getStatusInfo().toString());
        assertFalse(String.valueOf(cloud.bridge.getStatusInfo().getDescription()).contains("wrong-secret"),
                "the secret is not in the status");
    }

    @Test
    void unreachableCloudIsACommunicationError() throws Exception {
        TuyaCloudSimulator sim = simWithPanel();
        String url = sim.baseUrl();
        sim.close();
        CloudFixture cloud = fixture(new TuyaCloudSimulator().start(), Map.of("baseUrl", url)).start();
        cloud.callback.awaitStatus(cloud.bridge, ThingStatus.OFFLINE, Duration.ofSeconds(20));
        assertEquals(ThingStatusDetail.COMMUNICATION_ERROR, cloud.bridge.getStatusInfo().getStatusDetail());
        assertTrue(String.valueOf(cloud.bridge.getStatusInfo().getDescription())
                .startsWith("@text/offline.cloud.network"));
    }

    @Test
    void deviceMessagesOfBothEncryptionVersionsDecode() throws Exception {
        CloudFixture cloud = fixture(simWithPanel(), Map.of()).start().awaitOnline();
        StatusCollector collector = new StatusCollector();
        cloud.handler.addDeviceListener("panel1", collector);
        TuyaCloudSimulator.Credential device = cloud.sim.issuedCredentials().stream()
                .filter(c -> c.topics().equals("device")).reduce((a, b) -> b).orElseThrow();
        for (String version : List.of("1.0", "2.0")) {
            TuyaCloudSimulator.Credential asVersion = new TuyaCloudSimulator.Credential(device.linkId(),
                    device.topics(), device.clientId(), device.username(), device.password(), device.sourceTopic(),
                    device.sinkPrefix(), version, device.expiresAt());
            cloud.sim.publishRawToDeviceTopic(asVersion, 4,
                    "{\"devId\":\"panel1\",\"status\":[{\"code\":\"doorbell_active\",\"value\":\"v" + version + "\"}]}",
                    System.currentTimeMillis());
            collector.await("doorbell_active=v" + version, Duration.ofSeconds(5));
        }
        cloud.sim.publishOnline("panel1", false);
        collector.await("online=false", Duration.ofSeconds(5));
    }

    @Test
    void tokenAndMqttCredentialRolloverLosesNoEvent() throws Exception {
        TuyaCloudSimulator sim = simWithPanel();
        sim.tokenLifetime = Duration.ofSeconds(5);
        sim.mqttLifetime = Duration.ofSeconds(5);
        // a client id per credential set: the new connection is subscribed before the old one closes. With one client
        // id for all (the broker evicts the old connection when the new one connects) a clean session cannot be
        // seamless: MqttLinkCleanSessionTest covers that case
        sim.clientIdPerCredential = true;
        CloudFixture cloud = fixture(sim, Map.of()).start().awaitOnline();
        StatusCollector collector = new StatusCollector();
        cloud.handler.addDeviceListener("panel1", collector);

        // events until both links have had three credential sets and the token was renewed twice (two rollovers
        // each), however long that takes here
        int count = 0;
        long deadline = System.currentTimeMillis() + 60_000;
        while (!(credentials(sim, "ipc") >= 3 && credentials(sim, "device") >= 3
                && sim.tokenRefreshes() + sim.tokenGrants() >= 3) && System.currentTimeMillis() < deadline) {
            sim.publishDeviceStatus("panel1", Map.of("doorbell_active", "event-" + count++));
            Thread.sleep(50); // pacing of the events, not a check
        }
        for (int i = 0; i < count; i++) {
            collector.await("doorbell_active=event-" + i, Duration.ofSeconds(10));
        }
        assertTrue(credentials(sim, "ipc") >= 3 && credentials(sim, "device") >= 3,
                "credentials were renewed before expiry: " + sim.issuedCredentials().size() + " issued");
        assertTrue(sim.tokenRefreshes() + sim.tokenGrants() >= 3, "the token was renewed");
        assertEquals(ThingStatus.ONLINE, cloud.bridge.getStatus());
        assertEquals(count, collector.values.stream().filter(v -> v.startsWith("doorbell_active=event-")).count(),
                "each event exactly once");
    }

    private static long credentials(TuyaCloudSimulator sim, String topics) {
        return sim.issuedCredentials().stream().filter(c -> topics.equals(c.topics())).count();
    }

    @Test
    void thousandMalformedMessagesLeaveTheBridgeOnline() throws Exception {
        CloudFixture cloud = fixture(simWithPanel(), Map.of()).start().awaitOnline();
        StatusCollector collector = new StatusCollector();
        cloud.handler.addDeviceListener("panel1", collector);
        Random random = new Random(42);
        List<String> topics = cloud.sim.issuedCredentials().stream().map(TuyaCloudSimulator.Credential::sourceTopic)
                .distinct().toList();
        List<String> shapes = List.of("", "{", "null", "[]", "{\"protocol\":4}", "{\"protocol\":4,\"data\":12}",
                "{\"protocol\":4,\"t\":1,\"data\":\"!!notbase64\"}", "{\"protocol\":4,\"t\":1,\"data\":\"QUJDRA==\"}",
                "{\"protocol\":308,\"data\":{\"type\":\"rtc\",\"data\":{\"event\":\"call\",\"curId\":\"nobody\"}}}",
                "{\"protocol\":302,\"data\":{\"header\":null}}", "[".repeat(5000),
                "{\"a\":\"" + "x".repeat(300_000) + "\"}");
        for (int i = 0; i < 1000; i++) {
            byte[] payload;
            if (i % 3 == 0) {
                payload = new byte[random.nextInt(2000)];
                random.nextBytes(payload);
            } else {
                payload = shapes.get(random.nextInt(shapes.size())).getBytes(StandardCharsets.UTF_8);
            }
            cloud.sim.publishRaw(topics.get(i % topics.size()), payload);
        }
        cloud.sim.publishDeviceStatus("panel1", Map.of("doorbell_active", "after-garbage"));
        collector.await("doorbell_active=after-garbage", Duration.ofSeconds(20));
        assertEquals(ThingStatus.ONLINE, cloud.bridge.getStatus());
        String oversized = shapes.get(shapes.size() - 1);
        assertThrows(IllegalArgumentException.class, () -> TuyaJson.parse(oversized),
                "the 300 000 character document is one the codec refuses");
    }

    @Test
    void brokerRestartIsSurvived() throws Exception {
        CloudFixture cloud = fixture(simWithPanel(), Map.of()).start().awaitOnline();
        StatusCollector collector = new StatusCollector();
        cloud.handler.addDeviceListener("panel1", collector);
        cloud.callback.clear();
        cloud.sim.broker().stop();
        cloud.callback.awaitStatus(cloud.bridge, ThingStatus.OFFLINE, Duration.ofSeconds(10));
        cloud.sim.broker().start();
        cloud.callback.awaitStatus(cloud.bridge, ThingStatus.ONLINE, Duration.ofSeconds(20));
        cloud.sim.publishDeviceStatus("panel1", Map.of("doorbell_active", "after-restart"));
        collector.await("doorbell_active=after-restart", Duration.ofSeconds(10));
    }

    @Test
    void credentialsExpiredEarlyAreReplaced() throws Exception {
        CloudFixture cloud = fixture(simWithPanel(), Map.of()).start().awaitOnline();
        StatusCollector collector = new StatusCollector();
        cloud.handler.addDeviceListener("panel1", collector);
        int before = cloud.sim.issuedCredentials().size();
        cloud.sim.expireMqttCredentialsNow();
        long deadline = System.currentTimeMillis() + 15_000;
        while (cloud.sim.issuedCredentials().size() < before + 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(cloud.sim.issuedCredentials().size() >= before + 2, "both links got new credentials");
        cloud.callback.awaitStatus(cloud.bridge, ThingStatus.ONLINE, Duration.ofSeconds(15));
        cloud.sim.publishDeviceStatus("panel1", Map.of("doorbell_active", "after-expiry"));
        collector.await("doorbell_active=after-expiry", Duration.ofSeconds(10));
    }
}
