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
package org.openhab.binding.tuyaintercom.internal.framework;

import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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
 * An openHAB installation inside the OSGi framework for end-to-end tests and the try-it command: an account bridge
 * and its panels created through the binding's handler factory, running until closed. Only plain Java types cross to
 * the caller.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class FelixInstallation {
    private FelixInstallation() {
    }

    /** One panel; see {@link #start(Object, String, Map, List, Consumer)}. */
    public static Map<String, Object> start(Object factory, String id, Map<String, Object> bridgeConfig,
            Map<String, Object> panelConfig) throws Exception {
        return start(factory, id, bridgeConfig, List.of(panelConfig), line -> {
        });
    }

    /**
     * @param printer told every channel update, trigger and status as it happens
     * @return for the first panel "callPageUrl", "videoUrl", "thing", "command" (BiConsumer channel, command),
     *         "trace" (Supplier of "channel=value"), "awaitTrigger" (Function event → true), "freshPageLink"
     *         (Supplier: a page link signed now), "renewLinks" (Runnable: the 6-hourly renewal), "configure"
     *         (BiConsumer parameter, value: a configuration change); for every panel
     *         "callPageUrl:&lt;deviceId&gt;", "videoUrl:&lt;deviceId&gt;"; "clear" and "close" (Runnable)
     */
    public static Map<String, Object> start(Object factory, String id, Map<String, Object> bridgeConfig,
            List<Map<String, Object>> panelConfigs, Consumer<String> printer) throws Exception {
        ThingHandlerFactory handlers = (ThingHandlerFactory) factory;
        // a configuration with a user name is a Tuya Smart account, otherwise a cloud project
        ThingTypeUID accountType = new ThingTypeUID("tuyaintercom",
                bridgeConfig.containsKey("username") ? "smartaccount" : "account");
        ThingTypeUID panelType = new ThingTypeUID("tuyaintercom", "panel");
        RecordingCallback callback = new RecordingCallback();
        callback.setListener(printer);
        TestBridge bridge = new TestBridge(new ThingUID(accountType, id), accountType, bridgeConfig);
        callback.addBridge(bridge);
        ThingHandler bridgeHandler = handlers.registerHandler(bridge.thing());
        bridge.setHandler(bridgeHandler);
        bridgeHandler.setCallback(callback.callback());
        List<TestThing> panels = new ArrayList<>();
        List<ThingHandler> panelHandlers = new ArrayList<>();
        for (Map<String, Object> panelConfig : panelConfigs) {
            String deviceId = String.valueOf(panelConfig.get("deviceId"));
            Map<String, Object> thingConfig = new HashMap<>(panelConfig);
            Object label = thingConfig.remove("thingLabel"); // the thing's label, not a parameter
            TestThing panel = new TestThing(new ThingUID(panelType, bridge.getUID(), deviceId), panelType,
                    bridge.getUID(), thingConfig);
            if (label != null) {
                panel.setLabel(String.valueOf(label));
            }
            bridge.addThing(panel);
            ThingHandler handler = handlers.registerHandler(panel.thing());
            panel.setHandler(handler);
            handler.setCallback(callback.callback());
            panels.add(panel);
            panelHandlers.add(handler);
        }
        bridgeHandler.initialize();
        callback.awaitStatus(bridge, ThingStatus.ONLINE, Duration.ofSeconds(20));
        Map<String, Object> installation = new HashMap<>();
        for (int i = 0; i < panels.size(); i++) {
            TestThing panel = panels.get(i);
            panelHandlers.get(i).initialize();
            callback.awaitStatus(panel, ThingStatus.ONLINE, Duration.ofSeconds(20));
            String deviceId = panel.getUID().getId();
            installation.put("callPageUrl:" + deviceId,
                    callback.await(e -> e.channelOrThing().equals("call-page-url") && e.value().contains(deviceId),
                            Duration.ofSeconds(10)).value());
            installation.put("videoUrl:" + deviceId,
                    callback.await(e -> e.channelOrThing().equals("video-url") && e.value().contains(deviceId),
                            Duration.ofSeconds(10)).value());
            installation.put("entryUrl:" + deviceId,
                    callback.await(e -> e.channelOrThing().equals("entry-url") && e.value().contains(deviceId),
                            Duration.ofSeconds(10)).value());
        }
        TestThing first = panels.get(0);
        ThingHandler firstHandler = panelHandlers.get(0);
        installation.put("callPageUrl", installation.get("callPageUrl:" + first.getUID().getId()));
        installation.put("videoUrl", installation.get("videoUrl:" + first.getUID().getId()));
        installation.put("entryUrl", installation.get("entryUrl:" + first.getUID().getId()));
        installation.put("thing", first.getUID().getAsString());
        Function<String, String> latest = channel -> callback.events().stream()
                .filter(e -> e.channelOrThing().equals(channel)).reduce((a, b) -> b).map(e -> e.value()).orElse("");
        installation.put("latest", latest);
        Supplier<List<String>> trace = () -> callback.events().stream().filter(e -> !e.kind().equals("status"))
                .filter(e -> List.of("call-state", "call-end-reason", "call").contains(e.channelOrThing()))
                .map(e -> e.channelOrThing() + "=" + e.value()).collect(Collectors.toList());
        installation.put("trace", trace);
        BiConsumer<String, String> command = (channel, value) -> firstHandler
                .handleCommand(new ChannelUID(first.getUID(), channel), new StringType(value));
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
        // the binding's internal packages are not exported: its handler is reached by reflection
        Supplier<String> freshPageLink = () -> {
            try {
                Object session = firstHandler.getClass().getMethod("session").invoke(firstHandler);
                Object links = session.getClass().getMethod("links").invoke(session);
                return "/tuyaintercom/call/" + URLEncoder.encode(first.getUID().getAsString(), StandardCharsets.UTF_8)
                        + "?t=" + links.getClass().getMethod("pageToken").invoke(links);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        installation.put("freshPageLink", freshPageLink);
        Runnable renewLinks = () -> {
            try {
                Method renew = firstHandler.getClass().getDeclaredMethod("renewLinks");
                renew.setAccessible(true);
                renew.invoke(firstHandler); // what the handler runs every 6 hours
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        installation.put("renewLinks", renewLinks);
        BiConsumer<String, Object> configure = (parameter, value) -> firstHandler
                .handleConfigurationUpdate(Map.of(parameter, value));
        installation.put("configure", configure);
        Runnable clear = callback::clear;
        installation.put("clear", clear);
        Runnable close = () -> {
            for (int i = 0; i < panels.size(); i++) {
                panelHandlers.get(i).dispose();
                handlers.unregisterHandler(panels.get(i).thing());
            }
            bridgeHandler.dispose();
            handlers.unregisterHandler(bridge.thing());
        };
        installation.put("close", close);
        return installation;
    }
}
