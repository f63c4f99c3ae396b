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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.tuyaintercom.internal.discovery.PanelDiscoveryService;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.framework.TestThing;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.SimRings;
import org.openhab.binding.tuyaintercom.internal.sim.SimSecrets;
import org.openhab.binding.tuyaintercom.internal.sim.SimSmartWeb;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.HandlerProbe;
import org.openhab.binding.tuyaintercom.internal.test.RecordingInbox;
import org.openhab.binding.tuyaintercom.internal.test.SmartAccountExtension;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * The Tuya Smart account bridge against the simulator's web client API, through the real HTTP server and MQTT broker:
 * sign-in with the RSA-encrypted password, discovery, a panel ringing and answered through the bridge, session
 * renewal with a 5-second session, a session that ends early, and each sign-in failure with its status and without
 * retries that could lock the account.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(90)
class SmartAccountBridgeTest {
    @RegisterExtension
    final SmartAccountExtension account = new SmartAccountExtension(TuyaCloudSimulator.CallTransport.OPEN_HUB_308);
    private final RecordingCallback callback = account.callback;

    private SmartAccountBridgeHandler start(String user, String password) {
        SimSecrets.record(password); // the log audit looks for every password a test configured
        Map<String, Object> config = new HashMap<>();
        config.put("username", user);
        config.put("password", password);
        return account.start(config);
    }

    private SmartAccountBridgeHandler startDefault() throws InterruptedException {
        SmartAccountBridgeHandler h = start(SimSmartWeb.DEFAULT_USER, SimSmartWeb.DEFAULT_PASSWORD);
        callback.awaitStatus(account.bridge(), ThingStatus.ONLINE, Duration.ofSeconds(15));
        return h;
    }

    @Test
    void disposeWhileSigningInStartsNoLinkAndSchedulesNothing() throws Exception {
        int jobsBefore = HandlerProbe.jobs();
        account.sim().hold.hold("/api/private/");
        SmartAccountBridgeHandler h = start(SimSmartWeb.DEFAULT_USER, SimSmartWeb.DEFAULT_PASSWORD);
        assertTrue(account.sim().hold.awaitHeld(Duration.ofSeconds(15)), "the bridge signs in");
        h.dispose(); // returns although a sign-in is under way
        int mark = callback.events().size();
        account.sim().hold.release();
        assertTrue(HandlerProbe.awaitNotRunning(SmartAccountBridgeHandler.class, "connect", Duration.ofSeconds(15)));
        assertNull(h.ipcLink(), "no link started");
        assertFalse(h.isReady());
        assertEquals(jobsBefore, HandlerProbe.awaitAtMost(HandlerProbe::jobs, jobsBefore, Duration.ofSeconds(15)),
                "no job scheduled");
        List<RecordingCallback.Event> events = callback.events();
        assertEquals(List.of(), events.subList(mark, events.size()), "nothing reported after dispose()");
    }

    @Test
    void signsInWithTheEncryptedPasswordAndDiscoversThePanels() throws Exception {
        account.sim().addDevice(SimDevice.panel("panel1", "Front door"));
        account.sim().addDevice(SimDevice.camera("cam1", "Garden"));
        SmartAccountBridgeHandler h = startDefault();
        assertEquals(1, account.sim().smart.logins());
        assertTrue(h.isReady());

        PanelDiscoveryService discovery = new PanelDiscoveryService();
        discovery.setThingHandler(h);
        RecordingInbox inbox = new RecordingInbox();
        discovery.addDiscoveryListener(inbox);
        List<DeviceInfo> found = discovery.scan();
        assertEquals(List.of("panel1"), found.stream().map(DeviceInfo::id).toList());
        inbox.await(results -> results.containsKey("panel1"), Duration.ofSeconds(10));
        DiscoveryResult result = inbox.results.get("panel1");
        assertNotNull(result);
        assertEquals(account.bridge().getUID(), result.getBridgeUID());
        assertEquals("Front door", result.getLabel());
        assertEquals("true", result.getProperties().get("webrtc"));
        discovery.dispose();
        assertTrue(account.sim().smart.requestedPaths().containsAll(List.of("/api/new/common/homeList",
                "/api/new/common/roomList", "/api/new/playback/shareList", "/api/jarvis/config", "/api/jarvis/mqtt")));
    }

    private TestThing addPanel(String deviceId) throws InterruptedException {
        Map<String, Object> config = new HashMap<>();
        config.put("deviceId", deviceId);
        config.put("ringTimeout", 5);
        config.put("heartbeatInterval", 1);
        config.put("heartbeatTimeout", 3);
        TestThing thing = account.addPanel(config);
        callback.awaitStatus(thing, ThingStatus.ONLINE, Duration.ofSeconds(15));
        return thing;
    }

    private void awaitEvent(String channel, String value) throws InterruptedException {
        callback.await(e -> e.channelOrThing().endsWith(channel) && e.value().equals(value), Duration.ofSeconds(15));
    }

    @Test
    void aPanelCallRingsAndIsAnsweredThroughTheSmartAccount() throws Exception {
        try (SimPanel device = new SimPanel(account.sim(), SimDevice.panel("panel1", "Front door"))) {
            startDefault();
            TestThing thing = addPanel("panel1");
            callback.clear();
            device.pressCallButton(2, Duration.ofSeconds(20));
            awaitEvent("call", "RING");
            PanelHandler p = account.panel();
            assertNotNull(p);
            p.handleCommand(new ChannelUID(thing.getUID(), "call-control"), new StringType("ANSWER"));
            awaitEvent("call", "ANSWERED");
            long deadline = System.currentTimeMillis() + 10_000;
            while (device.answersReceived() < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, device.answersReceived(), "the panel got the answer through the web client's topic");
        }
    }

    @Test
    void aDevicesCallNoticeOnTheIpcTopicRingsThroughTheSmartAccount() throws Exception {
        try (SimPanel device = new SimPanel(account.sim(), SimDevice.panel("panel1", "Front door"))) {
            startDefault();
            addPanel("panel1");
            callback.clear();
            device.rings.send(SimRings.Source.PROTOCOL_43_IPC, java.time.Instant.now());
            awaitEvent("call", "RING");
            awaitEvent("doorbell", "PRESSED");
        }
    }

    @Test
    void aFiveSecondSessionIsRenewedAndCallsStillRing() throws Exception {
        account.sim().smart.sessionLifetime = Duration.ofSeconds(5);
        try (SimPanel device = new SimPanel(account.sim(), SimDevice.panel("panel1", "Front door"))) {
            SmartAccountBridgeHandler h = startDefault();
            int online = callback.events().size();
            addPanel("panel1");
            Thread.sleep(12_000); // two renewals and more
            assertTrue(account.sim().smart.logins() >= 3,
                    "signed in again before each session ended: " + account.sim().smart.logins());
            assertTrue(account.sim().smart.logins() <= 8, "no sign-in storm: " + account.sim().smart.logins());
            String bridgeUid = account.bridge().getUID().getAsString();
            List<RecordingCallback.Event> events = callback.events();
            List<String> statuses = events.subList(online, events.size()).stream()
                    .filter(e -> "status".equals(e.kind()) && e.channelOrThing().equals(bridgeUid)).map(e -> e.value())
                    .toList();
            assertTrue(statuses.stream().allMatch(s -> s.startsWith("ONLINE")),
                    "the MQTT link switched to each new session's credential without a gap: " + statuses);
            assertEquals(ThingStatus.ONLINE, account.bridge().getStatus());
            assertTrue(h.isReady());
            callback.clear();
            device.pressCallButton(2, Duration.ofSeconds(20));
            awaitEvent("call", "RING");
        }
    }

    /**
     * A renewal that cannot reach the cloud (the sign-in answers 503) leaves the session serving: the bridge stays
     * online and a ring still rings; the renewal is tried again before the session ends and succeeds once the sign-in
     * answers again, without the bridge ever going offline.
     */
    @Test
    void aRenewalThatCannotReachTheCloudKeepsTheSessionServingAndIsTriedAgain() throws Exception {
        SimSmartWeb smart = account.sim().smart;
        smart.sessionLifetime = Duration.ofSeconds(40); // renewed 8 s before its end, tried again half-way to it
        try (SimPanel device = new SimPanel(account.sim(), SimDevice.panel("panel1", "Front door"))) {
            SmartAccountBridgeHandler h = startDefault();
            int online = callback.events().size();
            addPanel("panel1");
            smart.faults.signInUnavailable = true;
            long deadline = System.currentTimeMillis() + 45_000;
            while (smart.unavailableAnswers() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50); // a poll step
            }
            assertTrue(smart.unavailableAnswers() > 0, "the renewal was tried");
            assertTrue(h.isReady(), "the session serves on");
            callback.clear();
            device.pressCallButton(2, Duration.ofSeconds(20));
            awaitEvent("call", "RING");
            smart.faults.signInUnavailable = false;
            deadline = System.currentTimeMillis() + 15_000;
            while (smart.logins() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50); // a poll step
            }
            assertEquals(2, smart.logins(), "renewed on a later try");
            assertTrue(account.sim().smart.unavailableAnswers() <= 3, "tried again a few times, no storm");
            String bridgeUid = account.bridge().getUID().getAsString();
            assertTrue(
                    callback.events().stream().skip(online).noneMatch(e -> "status".equals(e.kind())
                            && e.channelOrThing().equals(bridgeUid) && !e.value().startsWith("ONLINE")),
                    "the bridge stayed online");
            assertEquals(ThingStatus.ONLINE, account.bridge().getStatus());
        }
    }

    @Test
    void aSessionThatEndsEarlyIsSignedInAgainOnce() throws Exception {
        account.sim().addDevice(SimDevice.panel("panel1", "Front door"));
        SmartAccountBridgeHandler h = startDefault();
        Thread.sleep(2_500); // past the minimum pause between sign-ins
        account.sim().smart.expireSessionsNow();
        assertEquals(List.of("panel1"), h.devices().stream().map(DeviceInfo::id).toList());
        assertEquals(2, account.sim().smart.logins());
        callback.awaitStatus(account.bridge(), ThingStatus.ONLINE, Duration.ofSeconds(15));
    }

    private void assertOffline(ThingStatusDetail detail, String description) throws InterruptedException {
        callback.awaitStatus(account.bridge(), ThingStatus.OFFLINE, Duration.ofSeconds(15));
        assertEquals(detail, account.bridge().getStatusInfo().getStatusDetail());
        String actual = String.valueOf(account.bridge().getStatusInfo().getDescription());
        assertTrue(actual.startsWith(description), actual);
    }

    @Test
    void aWrongPasswordStopsWithoutRetrying() throws Exception {
        start(SimSmartWeb.DEFAULT_USER, "not-the-password");
        assertOffline(ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.smart.wrong-password");
        Thread.sleep(3_000);
        assertEquals(1, account.sim().smart.loginAttempts(), "one try only: the account must not be locked");
    }

    @Test
    void anUnknownAccount() throws Exception {
        start("nobody@example.com", "whatever-password");
        assertOffline(ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.smart.unknown-account");
    }

    @Test
    void aSmartLifeAccount() throws Exception {
        account.sim().smart.addAccount("life@example.com", "smart-life-Passw0rd", true);
        start("life@example.com", "smart-life-Passw0rd");
        assertOffline(ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.smart.smart-life");
    }

    @Test
    void aRefusedSignInBacksOffForLong() throws Exception {
        account.sim().smart.faults.refuseLogin = true;
        start(SimSmartWeb.DEFAULT_USER, SimSmartWeb.DEFAULT_PASSWORD);
        assertOffline(ThingStatusDetail.COMMUNICATION_ERROR, "@text/offline.smart.refused");
        assertTrue(String.valueOf(account.bridge().getStatusInfo().getDescription()).endsWith("\"30\"]"),
                String.valueOf(account.bridge().getStatusInfo().getDescription()));
        Thread.sleep(2_000);
        assertEquals(1, account.sim().smart.loginAttempts());
    }

    @Test
    void missingCredentials() {
        start("", "");
        assertEquals(ThingStatus.OFFLINE, account.bridge().getStatus());
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, account.bridge().getStatusInfo().getStatusDetail());
        assertEquals(Set.of(), Set.copyOf(account.sim().smart.requestedPaths()));
    }
}
