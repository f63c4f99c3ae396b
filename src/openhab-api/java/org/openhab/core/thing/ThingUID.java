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
package org.openhab.core.thing;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Compile-time stand-in: binding id, thing type id, optional bridge ids and the thing id.
 */
@NonNullByDefault
public class ThingUID extends UID {
    public ThingUID(ThingTypeUID thingTypeUID, String id) {
        super(thingTypeUID.getBindingId(), thingTypeUID.getId(), id);
    }

    public ThingUID(ThingTypeUID thingTypeUID, ThingUID bridgeUID, String id) {
        super(segments(thingTypeUID.getBindingId(), thingTypeUID.getId(), bridgeUID, id));
    }

    public ThingUID(String thingUID) {
        super(thingUID);
    }

    private static List<String> segments(String bindingId, String typeId, ThingUID bridgeUID, String id) {
        List<String> segments = new ArrayList<>();
        segments.add(bindingId);
        segments.add(typeId);
        List<String> bridge = bridgeUID.getAllSegments();
        segments.addAll(bridge.subList(2, bridge.size()));
        segments.add(id);
        return segments;
    }

    public String getId() {
        List<String> segments = getAllSegments();
        return segments.get(segments.size() - 1);
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 3;
    }
}
