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
import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.THING_TYPE_SMART_ACCOUNT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.framework.TestBridge;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.sim.SimSmartWeb;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.CloudFixture;
import org.openhab.binding.tuyaintercom.internal.test.LogCapture;
import org.openhab.binding.tuyaintercom.internal.test.PanelRig;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.core.thing.ThingUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Text from the cloud cannot forge a log line (issue 18): each control, separator and bidi character is sent from
 * the simulated cloud through every log site that takes cloud text (device messages of protocols 4 and 20 for an
 * unknown device at TRACE, messages that are not JSON on the device and ipc topics, 302 and 308 messages for no
 * panel, a 308 message the panel's session cannot decode, a refusal of the OpenAPI and of the Tuya Smart sign-in), and
 * the captured log holds no
 * forged line and no raw character of them; the characters show escaped.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(120)
class LogForgeryTest {
    private static final String MARKER = "FORGED";
    private static final Duration LOGGED = Duration.ofSeconds(20);

    private static String tag(char c) {
        return String.format(" %04X", (int) c);
    }

    private static String ipc(int protocol, ObjectNode data) {
        return TuyaJson.write(TuyaJson.object().put("protocol", protocol).put("t", 1_795_600_000L).set("data", data));
    }

    @Test
    void cloudMessagesForgeNoLogLine() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of());
                LogCapture log = LogCapture.start(AccountBridgeHandler.class, SignallingRouter.class)) {
            TuyaCloudSimulator.Credential device = rig.sim.issuedCredentials().stream()
                    .filter(c -> "device".equals(c.topics())).reduce((first, last) -> last).orElseThrow();
            List<String> expected = new ArrayList<>();
            for (char c : LogCapture.DANGEROUS) {
                String esc = LogCapture.escaped(c);
                // not JSON: the parser's message quotes the text
                rig.sim.publishRaw(device.sourceTopic(), ("X" + c + MARKER + tag(c)).getBytes(StandardCharsets.UTF_8));
                rig.sim.publishToIpcClients("X" + c + MARKER + tag(c));
                // an unknown device, protocols 4 and 20 (logged at TRACE)
                rig.sim.publishDeviceStatus("dev" + c + MARKER + " p4" + tag(c), Map.of("doorbell_pic", "x"));
                expected.add("unknown device 'dev" + esc + MARKER + " p4" + tag(c) + "'");
                rig.sim.publishOnline("dev" + c + MARKER + " p20" + tag(c), true);
                expected.add("unknown device 'dev" + esc + MARKER + " p20" + tag(c) + "'");
                // signalling for no panel
                rig.sim.publishToIpcClients(
                        ipc(302, TuyaJson.object().set("header", TuyaJson.object().put("type", "answer")
                                .put("from", "p" + c + MARKER + " 302" + tag(c)).put("sessionid", "s1"))));
                expected.add("no panel 'p" + esc + MARKER + " 302" + tag(c) + "'");
                rig.sim.publishToIpcClients(ipc(308, TuyaJson.object().put("type", "rtc").set("data",
                        TuyaJson.object().put("event", "call").put("curId", "p" + c + MARKER + " 308" + tag(c)))));
                expected.add("no panel 'p" + esc + MARKER + " 308" + tag(c) + "'");
                // a 308 message of the panel that its session cannot decode
                rig.sim.publishToIpcClients(ipc(308, TuyaJson.object().put("type", "rtc" + c + MARKER + tag(c))
                        .set("data", TuyaJson.object().put("curId", "panel1"))));
                expected.add("type 'rtc" + esc + MARKER + tag(c) + "'");
            }
            // each topic's messages arrive in order: once these are logged, all before them were handled
            rig.sim.publishOnline("sentinel", true);
            rig.sim.publishToIpcClients(ipc(302, TuyaJson.object().set("header",
                    TuyaJson.object().put("type", "answer").put("from", "sentinel").put("sessionid", "s1"))));
            log.await("unknown device 'sentinel'", LOGGED);
            log.await("no panel 'sentinel'", LOGGED);
            String text = log.text();
            assertEquals(List.of(), LogCapture.forgeries(text, MARKER));
            for (String fragment : expected) {
                assertTrue(text.contains(fragment), "escaped: " + fragment);
            }
            assertTrue(text.contains("Dropped a device message on"), "the device topic's garbage was logged");
            assertTrue(text.contains("Dropped a message on"), "the ipc topic's garbage was logged");
        }
    }

    /**
     * Refusal messages carrying every dangerous character, 8 a message, each followed by the marker: pairs of the text
     * as the cloud sends it and as the log must show it.
     */
    private static List<String[]> refusals(String prefix) {
        List<Character> all = LogCapture.DANGEROUS;
        List<String[]> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 8) {
            StringBuilder sent = new StringBuilder(prefix);
            StringBuilder shown = new StringBuilder(prefix);
            for (char c : all.subList(from, Math.min(all.size(), from + 8))) {
                sent.append(c).append(MARKER);
                shown.append(LogCapture.escaped(c)).append(MARKER);
            }
            batches.add(new String[] { sent.toString(), shown.toString() });
        }
        return batches;
    }

    @Test
    void refusalsOfTheCloudForgeNoLogLineNorStatus() throws Exception {
        for (String[] batch : refusals("sign invalid")) {
            String refusal = batch[0];
            String shown = batch[1];
            try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start(); LogCapture log = LogCapture.start()) {
                sim.faults.rejectSignatures = true;
                sim.faults.signatureRefusal = refusal;
                try (CloudFixture cloud = new CloudFixture(sim, Map.of()).start()) {
                    log.await(MARKER + " (1004)", LOGGED);
                    assertEquals(List.of(), LogCapture.forgeries(log.text(), MARKER));
                    assertTrue(log.text().contains(shown), "escaped: " + shown);
                    // openHAB logs a thing's status description too (events.log)
                    cloud.callback.await(e -> "status".equals(e.kind()) && e.value().contains(MARKER), LOGGED);
                    for (RecordingCallback.Event event : cloud.callback.events()) {
                        assertFalse(event.value().codePoints().anyMatch(LogCapture::dangerous), event.value());
                    }
                }
            }
        }
    }

    @Test
    void refusalsOfTheSmartCloudForgeNoLogLineNorStatus() throws Exception {
        for (String[] batch : refusals("captcha")) {
            String refusal = batch[0];
            String shown = batch[1];
            try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start(); LogCapture log = LogCapture.start()) {
                sim.smart.faults.refuseLogin = true;
                sim.smart.faults.captchaMessage = refusal;
                RecordingCallback callback = new RecordingCallback();
                Map<String, Object> config = new HashMap<>();
                config.put("username", SimSmartWeb.DEFAULT_USER);
                config.put("password", SimSmartWeb.DEFAULT_PASSWORD);
                config.put("region", "EU");
                config.put("baseUrl", sim.baseUrl());
                TestBridge bridge = new TestBridge(new ThingUID(THING_TYPE_SMART_ACCOUNT, "smart"),
                        THING_TYPE_SMART_ACCOUNT, config);
                callback.addBridge(bridge);
                SmartAccountBridgeHandler handler = new SmartAccountBridgeHandler(bridge.thing(), CloudFixture.HTTP,
                        Clock.systemUTC(), new PanelDirectory());
                bridge.setHandler(handler);
                handler.setCallback(callback.callback());
                handler.initialize();
                try {
                    log.await("Tuya Smart sign-in: ", LOGGED);
                    callback.await(e -> "status".equals(e.kind()) && e.value().contains(MARKER), LOGGED);
                    String text = log.text();
                    assertEquals(List.of(), LogCapture.forgeries(text, MARKER));
                    assertTrue(text.contains(shown), "escaped: " + shown);
                    for (RecordingCallback.Event event : callback.events()) {
                        assertFalse(event.value().codePoints().anyMatch(LogCapture::dangerous), event.value());
                    }
                } finally {
                    handler.dispose();
                }
            }
        }
    }
}
