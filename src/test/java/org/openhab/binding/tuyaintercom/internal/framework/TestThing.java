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
 * A plain thing for handler tests, holding what the framework would hold. Handlers get its {@link #thing()} view,
 * which answers the {@link Thing} methods with the public methods of this class (see {@link InterfaceDouble}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class TestThing {
    private final ThingUID uid;
    private final ThingTypeUID type;
    private final @Nullable ThingUID bridgeUID;
    private final Configuration configuration;
    private final Map<String, String> properties = new HashMap<>();
    private volatile ThingStatusInfo status = new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE,
            null);
    private @Nullable ThingHandler handler;
    private final Thing view;
    private @Nullable String label;

    public TestThing(ThingUID uid, ThingTypeUID type, @Nullable ThingUID bridgeUID, Map<String, Object> config) {
        this.uid = uid;
        this.type = type;
        this.bridgeUID = bridgeUID;
        this.configuration = new Configuration(config);
        this.view = view();
    }

    /** The view handed to handlers and the framework: a {@link Thing} backed by this object. */
    protected Thing view() {
        return InterfaceDouble.of(Thing.class, this);
    }

    /** This thing as openHAB's {@link Thing}; the same object on every call. */
    public Thing thing() {
        return view;
    }

    public boolean isEnabled() {
        return true;
    }

    public @Nullable String getLocation() {
        return null;
    }

    @Override
    public String toString() {
        return "TestThing " + uid;
    }

    public @Nullable String getLabel() {
        String shown = label;
        return shown != null ? shown : uid.getId();
    }

    /** The label a user gave the thing (its id when none). */
    public void setLabel(@Nullable String label) {
        this.label = label;
    }

    public ThingStatus getStatus() {
        return status.getStatus();
    }

    public ThingStatusInfo getStatusInfo() {
        return status;
    }

    public void setStatusInfo(ThingStatusInfo status) {
        this.status = status;
    }

    public void setHandler(@Nullable ThingHandler thingHandler) {
        this.handler = thingHandler;
    }

    public @Nullable ThingHandler getHandler() {
        return handler;
    }

    public @Nullable ThingUID getBridgeUID() {
        return bridgeUID;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    public ThingUID getUID() {
        return uid;
    }

    public ThingTypeUID getThingTypeUID() {
        return type;
    }

    public Map<String, String> getProperties() {
        synchronized (properties) {
            return Map.copyOf(properties);
        }
    }

    public @Nullable String setProperty(String name, @Nullable String value) {
        synchronized (properties) {
            return value == null ? properties.remove(name) : properties.put(name, value);
        }
    }

    public void setProperties(Map<String, String> properties) {
        synchronized (this.properties) {
            this.properties.clear();
            this.properties.putAll(properties);
        }
    }
}
