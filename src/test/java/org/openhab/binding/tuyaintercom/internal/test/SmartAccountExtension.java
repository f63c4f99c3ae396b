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

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.*;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.framework.TestBridge;
import org.openhab.binding.tuyaintercom.internal.framework.TestThing;
import org.openhab.binding.tuyaintercom.internal.handler.PanelHandler;
import org.openhab.binding.tuyaintercom.internal.handler.SmartAccountBridgeHandler;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator.CallTransport;
import org.openhab.core.thing.ThingUID;

/**
 * The set-up of the Tuya Smart account bridge tests: before each test a started simulator, and on request a Smart
 * account bridge ({@code smart}, region EU, the simulator's address) with its real handler, a recording framework
 * callback and a panel directory, and a panel thing ({@code door}) on it; after the test the panel handler, the bridge
 * handler and the simulator are closed in that order. Register it on an instance field with
 * {@code @RegisterExtension}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SmartAccountExtension implements BeforeEachCallback, AfterEachCallback {
    public final RecordingCallback callback = new RecordingCallback();
    public final PanelDirectory directory = new PanelDirectory();

    private final @Nullable CallTransport callTransport;
    private @Nullable TuyaCloudSimulator sim;
    private @Nullable TestBridge bridge;
    private @Nullable SmartAccountBridgeHandler handler;
    private @Nullable PanelHandler panel;

    /** With the simulator's configured call transport. */
    public SmartAccountExtension() {
        this.callTransport = null;
    }

    /** With the simulator carrying calls over this transport. */
    public SmartAccountExtension(CallTransport callTransport) {
        this.callTransport = callTransport;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        TuyaCloudSimulator cloud = new TuyaCloudSimulator().start();
        CallTransport transport = callTransport;
        if (transport != null) {
            cloud.callTransport = transport;
        }
        sim = cloud;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PanelHandler p = panel;
        if (p != null) {
            p.dispose();
        }
        SmartAccountBridgeHandler h = handler;
        if (h != null) {
            h.dispose();
        }
        TuyaCloudSimulator cloud = sim;
        if (cloud != null) {
            cloud.close();
        }
    }

    public TuyaCloudSimulator sim() {
        return present(sim);
    }

    public TestBridge bridge() {
        return present(bridge);
    }

    /** The bridge's current handler. */
    public SmartAccountBridgeHandler handler() {
        return present(handler);
    }

    /** The handler of the panel thing of {@link #addPanel}. */
    public PanelHandler panel() {
        return present(panel);
    }

    private static <T> T present(@Nullable T value) {
        assertNotNull(value);
        return value;
    }

    /**
     * Creates the bridge thing with this configuration (plus region EU and the simulator's address) and starts a
     * handler on it (see {@link #restart()}).
     */
    public SmartAccountBridgeHandler start(Map<String, Object> configuration) {
        Map<String, Object> config = new HashMap<>(configuration);
        config.put("region", "EU");
        config.put("baseUrl", sim().baseUrl());
        TestBridge b = new TestBridge(new ThingUID(THING_TYPE_SMART_ACCOUNT, "smart"), THING_TYPE_SMART_ACCOUNT,
                config);
        callback.addBridge(b);
        bridge = b;
        return restart();
    }

    /**
     * Disposes the bridge's handler, if any, and initialises a new one on the same bridge thing (as after a restart of
     * openHAB: the configuration is kept).
     */
    public SmartAccountBridgeHandler restart() {
        SmartAccountBridgeHandler old = handler;
        if (old != null) {
            old.dispose();
        }
        SmartAccountBridgeHandler h = new SmartAccountBridgeHandler(bridge().thing(), CloudFixture.HTTP,
                Clock.systemUTC(), directory);
        bridge().setHandler(h);
        h.setCallback(callback.callback());
        handler = h;
        h.initialize();
        return h;
    }

    /** Adds a panel thing with this configuration to the bridge and initialises its handler (not awaiting online). */
    public TestThing addPanel(Map<String, Object> config) {
        TestThing thing = new TestThing(new ThingUID(THING_TYPE_PANEL, bridge().getUID(), "door"), THING_TYPE_PANEL,
                bridge().getUID(), config);
        bridge().addThing(thing);
        PanelHandler p = new PanelHandler(thing.thing(), CloudFixture.HTTP, Clock.systemUTC(), directory);
        thing.setHandler(p);
        p.setCallback(callback.callback());
        panel = p;
        p.initialize();
        return thing;
    }
}
