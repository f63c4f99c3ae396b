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
package org.openhab.binding.tuyaintercom.internal.tuya.api;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.CloudFixture;

/**
 * Real response shapes: the user's device list as a plain JSON array paged with {@code page_no} (what public clients
 * read from the real API) and the {@code {devices, has_more, last_row_key}} form; open-hub access in the v2 form
 * ({@code /v2.0/open-iot-hub/access/config} with {@code unique_id}, as AlexxIT/go2rtc {@code pkg/tuya} and
 * TuyaInc/webrtc-demo-go use it) when the v1 form fails.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class DeviceListShapesTest {
    private static List<String> listed(boolean legacy) throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            sim.legacyDeviceList = legacy;
            for (int i = 0; i < 230; i++) {
                sim.addDevice(SimDevice.plug(String.format("plug%03d", i), "Plug " + i));
            }
            OpenApiClient api = new OpenApiClient(sim.baseUrl(), sim.accessId(), sim.accessSecret(), CloudFixture.HTTP,
                    Clock.systemUTC());
            return api.userDevices(sim.userId()).stream().map(DeviceInfo::id).toList();
        }
    }

    @Test
    void aPlainArrayIsPagedWithPageNo() throws Exception {
        List<String> ids = listed(false);
        assertEquals(230, ids.size());
        assertEquals(230, ids.stream().distinct().count());
        assertEquals("plug229", ids.get(229));
    }

    @Test
    void openHubAccessFallsBackToTheV2FormWhenV1Fails() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            sim.faults.openHubV1Gone = true;
            OpenApiClient api = new OpenApiClient(sim.baseUrl(), sim.accessId(), sim.accessSecret(), CloudFixture.HTTP,
                    Clock.systemUTC());
            MqttAccessConfig access = api.mqttAccessConfig(sim.userId(), "oh-test-ipc", "ipc", "2.0");
            assertEquals(1, sim.openHubRequests(1));
            assertEquals(1, sim.openHubRequests(2));
            assertTrue(sim.issuedCredentials().stream().anyMatch(c -> c.linkId().equals("oh-test-ipc")),
                    "the v2 form carries the link id as unique_id");
            assertNotNull(access);
        }
    }

    @Test
    void theObjectFormIsPagedWithLastRowKey() throws Exception {
        List<String> ids = listed(true);
        assertEquals(230, ids.size());
        assertEquals("plug229", ids.get(229));
    }
}
