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
package org.openhab.core.config.discovery;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * Compile-time stand-in: builds inbox entries.
 */
@NonNullByDefault
public class DiscoveryResultBuilder {
    private final ThingUID thingUID;
    private @Nullable ThingTypeUID thingTypeUID;
    private @Nullable ThingUID bridgeUID;
    private final Map<String, Object> properties = new HashMap<>();
    private @Nullable String representationProperty;
    private String label = "";
    private long ttl = DiscoveryResult.TTL_UNLIMITED;

    private DiscoveryResultBuilder(ThingUID thingUID) {
        this.thingUID = thingUID;
    }

    public static DiscoveryResultBuilder create(ThingUID thingUID) {
        return new DiscoveryResultBuilder(thingUID);
    }

    public DiscoveryResultBuilder withThingType(@Nullable ThingTypeUID thingTypeUID) {
        this.thingTypeUID = thingTypeUID;
        return this;
    }

    public DiscoveryResultBuilder withProperties(@Nullable Map<String, Object> properties) {
        if (properties != null) {
            this.properties.putAll(properties);
        }
        return this;
    }

    public DiscoveryResultBuilder withProperty(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    public DiscoveryResultBuilder withRepresentationProperty(@Nullable String representationProperty) {
        this.representationProperty = representationProperty;
        return this;
    }

    public DiscoveryResultBuilder withBridge(@Nullable ThingUID bridgeUID) {
        this.bridgeUID = bridgeUID;
        return this;
    }

    public DiscoveryResultBuilder withLabel(@Nullable String label) {
        this.label = label == null ? "" : label;
        return this;
    }

    public DiscoveryResultBuilder withTTL(long ttl) {
        this.ttl = ttl;
        return this;
    }

    public DiscoveryResult build() {
        ThingTypeUID type = thingTypeUID;
        ThingTypeUID resolvedType = type != null ? type
                : new ThingTypeUID(thingUID.getBindingId(), thingUID.getAsString().split(":")[1]);
        Map<String, Object> props = Map.copyOf(properties);
        ThingUID bridge = bridgeUID;
        String representation = representationProperty;
        String text = label;
        long timeToLive = ttl;
        return new DiscoveryResult() {
            @Override
            public ThingUID getThingUID() {
                return thingUID;
            }

            @Override
            public ThingTypeUID getThingTypeUID() {
                return resolvedType;
            }

            @Override
            public String getBindingId() {
                return thingUID.getBindingId();
            }

            @Override
            public Map<String, Object> getProperties() {
                return props;
            }

            @Override
            public @Nullable String getRepresentationProperty() {
                return representation;
            }

            @Override
            public String getLabel() {
                return text;
            }

            @Override
            public @Nullable ThingUID getBridgeUID() {
                return bridge;
            }

            @Override
            public long getTimeToLive() {
                return timeToLive;
            }
        };
    }
}
