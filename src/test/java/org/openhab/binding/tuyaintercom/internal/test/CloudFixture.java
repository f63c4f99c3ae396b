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
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.framework.TestBridge;
import org.openhab.binding.tuyaintercom.internal.framework.TestHttpClients;
import org.openhab.binding.tuyaintercom.internal.handler.AccountBridgeHandler;
import org.openhab.binding.tuyaintercom.internal.sim.SimTls;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingUID;

/**
 * The simulated cloud plus an account bridge handler pointed at it, with a recording framework callback.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class CloudFixture implements AutoCloseable {
    /** openHAB's shared HTTP client as the tests have it (a started Jetty client trusting the test CA). */
    public static final HttpClient HTTP = TestHttpClients.common(SimTls.trustStore(), SimTls.PASSWORD);

    public final TuyaCloudSimulator sim;
    public final RecordingCallback callback = new RecordingCallback();
    public final TestBridge bridge;
    public final AccountBridgeHandler handler;

    public CloudFixture(TuyaCloudSimulator sim, Map<String, Object> overrides) {
        this.sim = sim;
        Map<String, Object> config = new HashMap<>();
        config.put("accessId", sim.accessId());
        config.put("accessSecret", sim.accessSecret());
        config.put("dataCenter", "CUSTOM");
        config.put("baseUrl", sim.baseUrl());
        config.put("userId", sim.userId());
        config.putAll(overrides);
        bridge = new TestBridge(new ThingUID(THING_TYPE_ACCOUNT, "home"), THING_TYPE_ACCOUNT, config);
        callback.addBridge(bridge);
        handler = new AccountBridgeHandler(bridge.thing(), HTTP, Clock.systemUTC());
        bridge.setHandler(handler);
        handler.setCallback(callback.callback());
    }

    public CloudFixture start() {
        handler.initialize();
        return this;
    }

    public CloudFixture awaitOnline() throws InterruptedException {
        callback.awaitStatus(bridge, ThingStatus.ONLINE, Duration.ofSeconds(15));
        return this;
    }

    @Override
    public void close() {
        handler.dispose();
        sim.close();
    }
}
