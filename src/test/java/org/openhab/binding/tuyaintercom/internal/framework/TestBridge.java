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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BridgeHandler;

/**
 * A plain bridge for handler tests; handlers get its {@link #thing()} view, a {@link Bridge}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class TestBridge extends TestThing {
    private final List<TestThing> things = new CopyOnWriteArrayList<>();

    public TestBridge(ThingUID uid, ThingTypeUID type, Map<String, Object> config) {
        super(uid, type, null, config);
    }

    @Override
    protected Thing view() {
        return InterfaceDouble.of(Bridge.class, this);
    }

    @Override
    public Bridge thing() {
        return (Bridge) super.thing();
    }

    public void addThing(TestThing thing) {
        things.add(thing);
    }

    public @Nullable Thing getThing(ThingUID thingUID) {
        return things.stream().filter(t -> t.getUID().equals(thingUID)).map(TestThing::thing).findFirst().orElse(null);
    }

    public List<Thing> getThings() {
        return things.stream().map(TestThing::thing).toList();
    }

    @Override
    public @Nullable BridgeHandler getHandler() {
        return (BridgeHandler) super.getHandler();
    }
}
