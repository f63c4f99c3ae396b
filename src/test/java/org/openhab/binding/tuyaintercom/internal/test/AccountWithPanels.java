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

import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.THING_TYPE_PANEL;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.framework.TestThing;
import org.openhab.binding.tuyaintercom.internal.handler.PanelHandler;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingUID;

/**
 * One account bridge with {@code count} panel things on it (devices {@code panel00}, {@code panel01}, … added to the
 * simulator), initialised and disposed together as openHAB does: the bridge first, the panels after; the panels
 * first when disposing. The simulator stays open.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class AccountWithPanels {
    public final CloudFixture cloud;
    public final PanelDirectory directory = new PanelDirectory();
    public final List<TestThing> things = new ArrayList<>();
    public final List<PanelHandler> panels = new ArrayList<>();

    public AccountWithPanels(TuyaCloudSimulator sim, int count) {
        cloud = new CloudFixture(sim, Map.of("linkId", "ohpanels"));
        for (int i = 0; i < count; i++) {
            String id = deviceId(i);
            if (sim.device(id) == null) {
                sim.addDevice(SimDevice.panel(id, "Panel " + i));
            }
            TestThing thing = new TestThing(new ThingUID(THING_TYPE_PANEL, cloud.bridge.getUID(), id), THING_TYPE_PANEL,
                    cloud.bridge.getUID(), Map.of("deviceId", id));
            cloud.bridge.addThing(thing);
            PanelHandler handler = new PanelHandler(thing.thing(), CloudFixture.HTTP, Clock.systemUTC(), directory);
            thing.setHandler(handler);
            handler.setCallback(cloud.callback.callback());
            things.add(thing);
            panels.add(handler);
        }
    }

    public static String deviceId(int index) {
        return String.format("panel%02d", index);
    }

    public void initialize() {
        cloud.handler.initialize();
        panels.forEach(PanelHandler::initialize);
    }

    public void dispose() {
        panels.forEach(PanelHandler::dispose);
        cloud.handler.dispose();
    }

    public void awaitOnline(Duration timeout) throws InterruptedException {
        cloud.awaitOnline();
        for (TestThing thing : things) {
            cloud.callback.awaitStatus(thing, ThingStatus.ONLINE, timeout);
        }
    }

    /** Panel sessions reachable in the directory of the web endpoints. */
    public int sessions() {
        int count = 0;
        for (int i = 0; i < panels.size(); i++) {
            if (directory.get(things.get(i).getUID().getAsString()) != null) {
                count++;
            }
        }
        return count;
    }
}
