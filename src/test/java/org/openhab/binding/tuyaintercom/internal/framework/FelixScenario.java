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

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * A call scenario that runs inside the OSGi framework, against the handler factory the binding bundle registered:
 * creates the account bridge and a panel through the factory, lets the panel ring, answers, and waits until the panel
 * hangs up. Only openHAB API types cross into this bundle; the caller passes plain Java values.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class FelixScenario {
    private FelixScenario() {
    }

    /**
     * @param factory the binding's {@code ThingHandlerFactory} service
     * @param press makes the simulated panel call
     * @param panelHangsUp makes the simulated panel hang up
     * @return the channel updates and triggers of the panel, "channel=value"
     */
    public static List<String> run(Object factory, Map<String, Object> bridgeConfig, Map<String, Object> panelConfig,
            Runnable press, Runnable panelHangsUp) throws Exception {
        ThingHandlerFactory handlers = (ThingHandlerFactory) factory;
        ThingTypeUID accountType = new ThingTypeUID("tuyaintercom", "account");
        ThingTypeUID panelType = new ThingTypeUID("tuyaintercom", "panel");
        RecordingCallback callback = new RecordingCallback();
        TestBridge bridge = new TestBridge(new ThingUID(accountType, "felix"), accountType, bridgeConfig);
        callback.addBridge(bridge);
        TestThing panel = new TestThing(new ThingUID(panelType, bridge.getUID(), "door"), panelType, bridge.getUID(),
                panelConfig);
        bridge.addThing(panel);

        ThingHandler bridgeHandler = handlers.registerHandler(bridge.thing());
        bridge.setHandler(bridgeHandler);
        bridgeHandler.setCallback(callback.callback());
        ThingHandler panelHandler = handlers.registerHandler(panel.thing());
        panel.setHandler(panelHandler);
        panelHandler.setCallback(callback.callback());
        try {
            bridgeHandler.initialize();
            callback.awaitStatus(bridge, ThingStatus.ONLINE, Duration.ofSeconds(20));
            panelHandler.initialize();
            callback.awaitStatus(panel, ThingStatus.ONLINE, Duration.ofSeconds(20));
            callback.clear();

            press.run();
            callback.await(e -> e.kind().equals("trigger") && e.value().equals("RING"), Duration.ofSeconds(10));
            panelHandler.handleCommand(new ChannelUID(panel.getUID(), "call-control"), new StringType("ANSWER"));
            callback.await(e -> e.kind().equals("trigger") && e.value().equals("ANSWERED"), Duration.ofSeconds(10));
            panelHangsUp.run();
            callback.await(e -> e.kind().equals("trigger") && e.value().equals("HUNG_UP"), Duration.ofSeconds(10));
            return callback.events().stream().filter(e -> !e.kind().equals("status"))
                    .filter(e -> List.of("call-state", "call-end-reason", "call").contains(e.channelOrThing()))
                    .map(e -> e.channelOrThing() + "=" + e.value()).collect(Collectors.toList());
        } finally {
            panelHandler.dispose();
            bridgeHandler.dispose();
            handlers.unregisterHandler(panel.thing());
            handlers.unregisterHandler(bridge.thing());
        }
    }
}
