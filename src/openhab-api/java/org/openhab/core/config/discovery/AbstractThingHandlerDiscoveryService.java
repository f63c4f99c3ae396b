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

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;

/**
 * Compile-time stand-in: a discovery service that belongs to one (bridge) handler. {@code getThingHandler()} is
 * left to subclasses: its generic signature differs between openHAB 4.3 and 5.x (same erasure).
 */
@NonNullByDefault
public abstract class AbstractThingHandlerDiscoveryService<T extends ThingHandler> extends AbstractDiscoveryService
        implements ThingHandlerService {
    private final Class<T> thingClass;

    protected @NonNullByDefault({}) T thingHandler;

    protected AbstractThingHandlerDiscoveryService(Class<T> thingClass, @Nullable Set<ThingTypeUID> supportedThingTypes,
            int timeout, boolean backgroundDiscoveryEnabledByDefault) throws IllegalArgumentException {
        super(supportedThingTypes, timeout, backgroundDiscoveryEnabledByDefault);
        this.thingClass = thingClass;
    }

    @Override
    protected abstract void startScan();

    @Override
    public void setThingHandler(ThingHandler handler) {
        if (thingClass.isAssignableFrom(handler.getClass())) {
            this.thingHandler = thingClass.cast(handler);
        } else {
            throw new IllegalArgumentException("Expected a " + thingClass.getName() + " but got " + handler);
        }
    }

    @Override
    public void deactivate() {
        super.deactivate();
    }

    @Override
    public void initialize() {
        activate(null);
    }

    @Override
    public void dispose() {
        deactivate();
    }
}
