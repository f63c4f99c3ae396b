/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
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
package org.openhab.binding.tuyaintercom.internal.framework;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;

/**
 * An openHAB installation inside the OSGi framework for end-to-end tests: an account bridge and one panel created
 * through the binding's handler factory, running until closed. Only plain Java types cross to the caller.
 */
@NonNullByDefault
public final class FelixInstallation {
    private FelixInstallation() {
    }

    /**
     * @return "callPageUrl", "videoUrl" (String), "trace" (Supplier of "channel=value" lines), "command"
     *         (BiConsumer channel, command), "awaitTrigger" (Function event → true), "close" (Runnable)
     */
    public static Map<String, Object> start(Object factory, String id, Map<String, Object> bridgeConfig,
            Map<String, Object> panelConfig) throws Exception {
        ThingHandlerFactory handlers = (ThingHandlerFactory) factory;
        ThingTypeUID accountType = new ThingTypeUID("tuyaintercom", "account");
        ThingTypeUID panelType = new ThingTypeUID("tuyaintercom", "panel");
        RecordingCallback callback = new RecordingCallback();
        TestBridge bridge = new TestBridge(new ThingUID(accountType, id), accountType, bridgeConfig);
        callback.addBridge(bridge);
        TestThing panel = new TestThing(new ThingUID(panelType, bridge.getUID(), "door"), panelType, bridge.getUID(),
                panelConfig);
        bridge.addThing(panel);
        ThingHandler bridgeHandler = handlers.registerHandler(bridge);
        bridge.setHandler(bridgeHandler);
        bridgeHandler.setCallback(callback);
        ThingHandler panelHandler = handlers.registerHandler(panel);
        panel.setHandler(panelHandler);
        panelHandler.setCallback(callback);
        bridgeHandler.initialize();
        callback.awaitStatus(bridge, ThingStatus.ONLINE, Duration.ofSeconds(20));
        panelHandler.initialize();
        callback.awaitStatus(panel, ThingStatus.ONLINE, Duration.ofSeconds(20));

        Map<String, Object> installation = new HashMap<>();
        installation.put("callPageUrl", callback
                .await(e -> e.channelOrThing().equals("call-page-url"), Duration.ofSeconds(10)).value());
        installation.put("videoUrl",
                callback.await(e -> e.channelOrThing().equals("video-url"), Duration.ofSeconds(10)).value());
        installation.put("thing", panel.getUID().getAsString());
        Supplier<List<String>> trace = () -> callback.events().stream().filter(e -> !e.kind().equals("status"))
                .filter(e -> List.of("call-state", "call-end-reason", "call").contains(e.channelOrThing()))
                .map(e -> e.channelOrThing() + "=" + e.value()).collect(Collectors.toList());
        installation.put("trace", trace);
        BiConsumer<String, String> command = (channel, value) -> panelHandler
                .handleCommand(new ChannelUID(panel.getUID(), channel), new StringType(value));
        installation.put("command", command);
        Function<String, Boolean> awaitTrigger = event -> {
            try {
                callback.await(e -> e.kind().equals("trigger") && e.value().equals(event), Duration.ofSeconds(20));
                return true;
            } catch (InterruptedException | AssertionError e) {
                return false;
            }
        };
        installation.put("awaitTrigger", awaitTrigger);
        Runnable clear = callback::clear;
        installation.put("clear", clear);
        Runnable close = () -> {
            panelHandler.dispose();
            bridgeHandler.dispose();
            handlers.unregisterHandler(panel);
            handlers.unregisterHandler(bridge);
        };
        installation.put("close", close);
        return installation;
    }
}
