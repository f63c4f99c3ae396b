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

import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.core.thing.ThingStatus;

/**
 * 100 000 mutated 302 / 308 / data point / OpenAPI / SDP payloads ({@link PayloadFuzzer}), seeded and reproducible,
 * into the codecs and into the running bridge and panel handlers: no exception escapes (codecs refuse with
 * IllegalArgumentException only), the things stay ONLINE, and no call or media session is left over. Time and heap
 * of the run are measured in the benchmarks ({@code BindingBenchmark}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(300)
class FuzzTest {
    static final int ITERATIONS = 100_000;

    @Test
    void mutatedPayloadsNeitherCrashNorStopTheBinding() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            sim.addDevice(SimDevice.panel(PayloadFuzzer.PANEL, "Door"));
            IntercomFixture home = new IntercomFixture(sim, "home", PayloadFuzzer.PANEL, Map.of("ringTimeout", 2))
                    .start();
            try {
                int refused = new PayloadFuzzer().feed(home, ITERATIONS);
                assertTrue(refused > 0, "the mutations reached the codecs' refusals");
                assertEquals(ThingStatus.ONLINE, home.cloud.bridge.getStatus());
                assertEquals(ThingStatus.ONLINE, home.panelThing.getStatus());
                // a fuzzed call may still be on: it ends by its ring timeout (2 s) or, once in a call, by the missing
                // heartbeats of the panel (30 s); then nothing is left of it
                long deadline = System.currentTimeMillis() + 45_000;
                while (home.panel.isOnCalling() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                List<String> trace = home.trace();
                assertFalse(home.panel.isOnCalling(),
                        "no call left over: " + trace.subList(Math.max(0, trace.size() - 12), trace.size()));
                PanelSession session = home.session();
                assertNotNull(session);
                assertEquals(0, session.relay().sessionCount(), "no media session left over");
            } finally {
                home.close();
            }
        }
    }
}
