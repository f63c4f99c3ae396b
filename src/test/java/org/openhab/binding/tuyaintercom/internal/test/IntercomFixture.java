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
package org.openhab.binding.tuyaintercom.internal.test;

import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.*;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.framework.TestThing;
import org.openhab.binding.tuyaintercom.internal.handler.PanelHandler;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.types.Command;

/**
 * One openHAB installation in a test: an account bridge and a panel thing with their real handlers, pointed at the
 * simulated cloud, with a recording framework callback.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class IntercomFixture implements AutoCloseable {
    /** Channels whose updates scenarios compare (the others carry ids and times that vary). */
    public static final Set<String> COMPARED = Set.of("call-state", "call-direction", "call-end-reason", "call",
            "doorbell", "unlock");

    public final CloudFixture cloud;
    public final TestThing panelThing;
    public final PanelHandler panel;
    public final RecordingCallback callback;
    public final PanelDirectory directory;

    public IntercomFixture(TuyaCloudSimulator sim, String installation, String deviceId,
            Map<String, Object> panelConfig) {
        this(sim, installation, deviceId, panelConfig, new PanelDirectory());
    }

    public IntercomFixture(TuyaCloudSimulator sim, String installation, String deviceId,
            Map<String, Object> panelConfig, PanelDirectory directory) {
        this(sim, installation, deviceId, panelConfig, directory, Clock.systemUTC());
    }

    /** With the clock of the panel handler (e.g. a {@link MutableClock} shared with the simulator). */
    public IntercomFixture(TuyaCloudSimulator sim, String installation, String deviceId,
            Map<String, Object> panelConfig, PanelDirectory directory, Clock clock) {
        this(sim, installation, deviceId, panelConfig, directory, clock, Map.of());
    }

    /** With more configuration of the bridge (e.g. {@code captureCalls}). */
    public IntercomFixture(TuyaCloudSimulator sim, String installation, String deviceId,
            Map<String, Object> panelConfig, PanelDirectory directory, Clock clock, Map<String, Object> bridgeConfig) {
        this.directory = directory;
        Map<String, Object> bridge = new HashMap<>(bridgeConfig);
        bridge.put("linkId", "oh" + installation);
        cloud = new CloudFixture(sim, bridge);
        callback = cloud.callback;
        Map<String, Object> config = new HashMap<>();
        config.put("deviceId", deviceId);
        config.put("ringTimeout", 3);
        config.put("heartbeatInterval", 1);
        config.put("heartbeatTimeout", 3);
        config.put("unlockAutoOff", 5);
        config.putAll(panelConfig);
        panelThing = new TestThing(new ThingUID(THING_TYPE_PANEL, cloud.bridge.getUID(), "door"), THING_TYPE_PANEL,
                cloud.bridge.getUID(), config);
        cloud.bridge.addThing(panelThing);
        panel = new PanelHandler(panelThing.thing(), CloudFixture.HTTP, clock, directory);
        panelThing.setHandler(panel);
        panel.setCallback(callback.callback());
    }

    public IntercomFixture start() throws InterruptedException {
        cloud.start().awaitOnline();
        panel.initialize();
        callback.awaitStatus(panelThing, ThingStatus.ONLINE, Duration.ofSeconds(15));
        return this;
    }

    public void command(String channel, Command command) {
        panel.handleCommand(new ChannelUID(panelThing.getUID(), channel), command);
    }

    /** The compared channel updates and triggers since the last clear, as "channel=value". */
    public List<String> trace() {
        return callback.events().stream().filter(e -> !e.kind().equals("status"))
                .filter(e -> COMPARED.contains(e.channelOrThing())).map(e -> e.channelOrThing() + "=" + e.value())
                .collect(Collectors.toList());
    }

    /** Waits until the trace contains the entry. */
    public void await(String entry, Duration timeout) throws InterruptedException {
        callback.await(
                e -> COMPARED.contains(e.channelOrThing()) && (e.channelOrThing() + "=" + e.value()).equals(entry),
                timeout);
    }

    public void await(String entry) throws InterruptedException {
        await(entry, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        panel.dispose();
        cloud.handler.dispose();
    }
}
