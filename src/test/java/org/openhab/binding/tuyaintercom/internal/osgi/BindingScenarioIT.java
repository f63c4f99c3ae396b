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

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;

/**
 * A call through the packaged bundle inside Felix: the handlers come from the binding's handler factory service, the
 * panel and the cloud are the simulator on loopback.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(120)
class BindingScenarioIT {

    @Test
    void panelRingsIsAnsweredAndHangsUpInsideOsgi() throws Exception {
        File jar = new File(System.getProperty("bundle.jar", "target/missing.jar"));
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().transport(TuyaCloudSimulator.CallTransport.OPEN_HUB_308)
                .start();
                SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Front door"));
                OsgiTestFramework osgi = OsgiTestFramework.start(OsgiTestFramework.defaultRelease())) {
            OsgiTestFramework.Installed installed = osgi.installBinding(jar);
            Map<String, Object> bridgeConfig = Map.of("accessId", sim.accessId(), "accessSecret", sim.accessSecret(),
                    "dataCenter", "CUSTOM", "baseUrl", sim.baseUrl(), "userId", sim.userId(), "linkId", "felix");
            Map<String, Object> panelConfig = Map.of("deviceId", "panel1", "ringTimeout", 20);
            Runnable press = () -> device.pressCallButton(3, Duration.ofSeconds(20));
            Runnable hangUp = () -> {
                long deadline = System.currentTimeMillis() + 5000;
                while (device.answeredBy() == null && System.currentTimeMillis() < deadline) {
                    Thread.onSpinWait();
                }
                device.hangUp();
            };

            @SuppressWarnings("unchecked")
            List<String> trace = (List<String>) installed.call("FelixScenario", "run",
                    new Class<?>[] { Object.class, Map.class, Map.class, Runnable.class, Runnable.class },
                    installed.factory(), bridgeConfig, panelConfig, press, hangUp);

            assertEquals(List.of("call-state=RINGING", "call=RING", "call-state=IN_CALL", "call=ANSWERED",
                    "call-state=IDLE", "call-end-reason=PEER_HANG_UP (-2513)", "call=HUNG_UP"), trace);
            assertEquals(1, device.count("answer"));
            assertEquals(1, device.count("ring"));
        }
    }
}
