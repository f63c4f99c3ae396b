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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;

/**
 * A battery (low-power) doorbell is woken before a media offer: the big-endian CRC32 of its local key on
 * {@code m/w/<device id>}, then the 302 offer.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class LowPowerWakeTest {

    @Test
    void lowPowerPanelIsWokenBeforeTheOffer() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            SimDevice doorbell = sim.addDevice(SimDevice.doorbellCamera("bell1", "Battery doorbell"));
            List<String> published = new CopyOnWriteArrayList<>();
            List<byte[]> wakes = new CopyOnWriteArrayList<>();
            sim.broker().onPublish((topic, payload) -> {
                published.add(
                        topic + (new String(payload, StandardCharsets.UTF_8).contains("\"offer\"") ? " offer" : ""));
                if (topic.startsWith("m/w/")) {
                    wakes.add(payload);
                }
            });
            IntercomFixture home = new IntercomFixture(sim, "home", "bell1", Map.of()).start();
            try {
                PanelSession session = home.session();
                assertNotNull(session);
                SignallingRelay relay = session.relay();
                relay.offer(relay.open(SignallingRelay.Kind.LIVE_VIEW, "test", Duration.ofSeconds(30),
                        QuietListeners.MEDIA), SdpAdapterTestData.OFFER);
                long deadline = System.currentTimeMillis() + 5000;
                while (published.stream().noneMatch(p -> p.endsWith(" offer"))
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                int wake = published.indexOf("m/w/bell1");
                int offer = published.indexOf("/av/moto/moto_sim_01/u/bell1 offer");
                assertTrue(wake >= 0 && offer > wake, "wake before offer: " + published);
                CRC32 crc = new CRC32();
                crc.update(doorbell.localKey.getBytes(StandardCharsets.UTF_8));
                assertArrayEquals(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), wakes.get(0));
            } finally {
                home.close();
            }
        }
    }
}
