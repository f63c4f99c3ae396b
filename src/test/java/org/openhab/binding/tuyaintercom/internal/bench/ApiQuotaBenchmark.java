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
package org.openhab.binding.tuyaintercom.internal.bench;

import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.THING_TYPE_PANEL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.discovery.PanelDiscoveryService;
import org.openhab.binding.tuyaintercom.internal.framework.TestThing;
import org.openhab.binding.tuyaintercom.internal.handler.PanelHandler;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.CloudFixture;
import org.openhab.binding.tuyaintercom.internal.test.MutableClock;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingUID;

/**
 * Cloud API calls per day of 1 account (cloud project) + 2 idle panels with background discovery, counted in the
 * simulator: a simulated day of 96 background scans (every 15 min), the panels' clock moved on by 15 min before each
 * scan. Beside it what the same setup cost with the schedule before (WebRTC configuration renewed on a timer every
 * {@code maxAge} per panel, and fetched for every panel at every scan), computed from those intervals.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@SuppressWarnings("PMD.SystemPrintln") // the benchmark row is shown on the console as it is measured
class ApiQuotaBenchmark {
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration SCAN_INTERVAL = Duration.ofMinutes(15);
    private static final int PANELS = 2;

    @Test
    void cloudApiCallsPerDayOfOneAccountWithTwoIdlePanels() throws Exception {
        MutableClock clock = new MutableClock();
        List<PanelHandler> handlers = new ArrayList<>();
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            for (int i = 1; i <= PANELS; i++) {
                sim.addDevice(SimDevice.panel("panel" + i, "Panel " + i));
            }
            int requestsBefore = sim.requestCount();
            int webrtcBefore = sim.webrtcConfigsIssued();
            CloudFixture cloud = new CloudFixture(sim, Map.of("linkId", "ohquota")).start().awaitOnline();
            PanelDirectory directory = new PanelDirectory();
            for (int i = 1; i <= PANELS; i++) {
                String id = "panel" + i;
                TestThing thing = new TestThing(new ThingUID(THING_TYPE_PANEL, cloud.bridge.getUID(), id),
                        THING_TYPE_PANEL, cloud.bridge.getUID(), Map.of("deviceId", id));
                cloud.bridge.addThing(thing);
                PanelHandler handler = new PanelHandler(thing.thing(), CloudFixture.HTTP, clock, directory);
                thing.setHandler(handler);
                handler.setCallback(cloud.callback.callback());
                handler.initialize();
                cloud.callback.awaitStatus(thing, ThingStatus.ONLINE, Duration.ofSeconds(30));
                handlers.add(handler);
            }
            PanelDiscoveryService discovery = new PanelDiscoveryService();
            discovery.setThingHandler(cloud.handler);
            int startup = sim.requestCount() - requestsBefore;
            int startupWebrtc = sim.webrtcConfigsIssued() - webrtcBefore;

            int dayRequests = sim.requestCount();
            int dayWebrtc = sim.webrtcConfigsIssued();
            long scans = DAY.dividedBy(SCAN_INTERVAL);
            for (int i = 0; i < scans; i++) {
                clock.advance(SCAN_INTERVAL); // the panels' cached configurations age; nobody needs one
                discovery.scan();
            }
            dayRequests = sim.requestCount() - dayRequests;
            dayWebrtc = sim.webrtcConfigsIssued() - dayWebrtc;
            discovery.dispose();

            // the same for both schedules (not changed), computed from the simulator's lifetimes: 2 MQTT links
            // renewed 60 s before their 2 h expire, the OpenAPI token refreshed once per 2 h lifetime
            double mqttRenewals = 2 * DAY.toSeconds() / (double) (sim.mqttLifetime.toSeconds() - 60);
            double tokenRefreshes = DAY.toSeconds() / (double) sim.tokenLifetime.toSeconds();
            double now = dayRequests + mqttRenewals + tokenRefreshes;
            // the schedule before: each handler renewed its WebRTC configuration every maxAge (min(ttl/2, 10 min);
            // TURN ttl 1 h here: 10 min), and every scan fetched each panel's configuration
            long maxAgeSeconds = Math.min(sim.turnLifetime.toSeconds() / 2, 600);
            double timerRenewals = PANELS * DAY.toSeconds() / (double) maxAgeSeconds;
            double scanFetches = PANELS * scans - dayWebrtc;
            double before = now + timerRenewals + scanFetches;
            String row = String.format(
                    "| Cloud API calls per day, 1 account + %d idle panels (background discovery every 15 min) "
                            + "| %.0f (measured: %d scans = %d requests, of which %d WebRTC configurations; "
                            + "computed: %.0f MQTT access renewals, %.0f token refreshes); once at start-up: %d "
                            + "(%d WebRTC configurations) "
                            + "| schedule before (computed from its intervals): %.0f (+%.0f timer renewals of the "
                            + "WebRTC configuration, every %d min per panel; +%.0f at the scans) |",
                    PANELS, now, scans, dayRequests, dayWebrtc, mqttRenewals, tokenRefreshes, startup, startupWebrtc,
                    before, timerRenewals, maxAgeSeconds / 60, scanFetches);
            System.out.println(row);
            Files.writeString(Path.of("target/benchmarks.md"), row + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            handlers.forEach(PanelHandler::dispose);
            cloud.handler.dispose();
        }
    }
}
