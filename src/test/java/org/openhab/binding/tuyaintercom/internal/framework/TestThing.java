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

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;

/**
 * A plain thing for handler tests, holding what the framework would hold.
 */
@NonNullByDefault
public class TestThing implements Thing {
    private final ThingUID uid;
    private final ThingTypeUID type;
    private final @Nullable ThingUID bridgeUID;
    private final Configuration configuration;
    private final Map<String, String> properties = new HashMap<>();
    private volatile ThingStatusInfo status = new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE,
            null);
    private @Nullable ThingHandler handler;
    private @Nullable String label;

    public TestThing(ThingUID uid, ThingTypeUID type, @Nullable ThingUID bridgeUID, Map<String, Object> config) {
        this.uid = uid;
        this.type = type;
        this.bridgeUID = bridgeUID;
        this.configuration = new Configuration(config);
    }

    @Override
    public @Nullable String getLabel() {
        String shown = label;
        return shown != null ? shown : uid.getId();
    }

    /** The label a user gave the thing (its id when none). */
    public void setLabel(@Nullable String label) {
        this.label = label;
    }

    @Override
    public ThingStatus getStatus() {
        return status.getStatus();
    }

    @Override
    public ThingStatusInfo getStatusInfo() {
        return status;
    }

    @Override
    public void setStatusInfo(ThingStatusInfo status) {
        this.status = status;
    }

    @Override
    public void setHandler(@Nullable ThingHandler thingHandler) {
        this.handler = thingHandler;
    }

    @Override
    public @Nullable ThingHandler getHandler() {
        return handler;
    }

    @Override
    public @Nullable ThingUID getBridgeUID() {
        return bridgeUID;
    }

    @Override
    public Configuration getConfiguration() {
        return configuration;
    }

    @Override
    public ThingUID getUID() {
        return uid;
    }

    @Override
    public ThingTypeUID getThingTypeUID() {
        return type;
    }

    @Override
    public Map<String, String> getProperties() {
        synchronized (properties) {
            return Map.copyOf(properties);
        }
    }

    @Override
    public @Nullable String setProperty(String name, @Nullable String value) {
        synchronized (properties) {
            return value == null ? properties.remove(name) : properties.put(name, value);
        }
    }

    @Override
    public void setProperties(Map<String, String> properties) {
        synchronized (this.properties) {
            this.properties.clear();
            this.properties.putAll(properties);
        }
    }
}
