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

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * Compile-time stand-in: forwards results to listeners; background discovery is on by default.
 */
@NonNullByDefault
public abstract class AbstractDiscoveryService implements DiscoveryService {
    protected final ScheduledExecutorService scheduler = ThreadPoolManager.getScheduledPool("discovery");

    private final Set<ThingTypeUID> supportedThingTypes;
    private final int timeout;
    private final boolean backgroundDiscoveryEnabled;
    private final Set<DiscoveryListener> listeners = new CopyOnWriteArraySet<>();

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout,
            boolean backgroundDiscoveryEnabledByDefault) throws IllegalArgumentException {
        if (timeout < 0) {
            throw new IllegalArgumentException("The timeout must not be negative");
        }
        this.supportedThingTypes = supportedThingTypes == null ? Set.of() : Set.copyOf(supportedThingTypes);
        this.timeout = timeout;
        this.backgroundDiscoveryEnabled = backgroundDiscoveryEnabledByDefault;
    }

    @Override
    public Set<ThingTypeUID> getSupportedThingTypes() {
        return supportedThingTypes;
    }

    @Override
    public int getScanTimeout() {
        return timeout;
    }

    @Override
    public boolean isBackgroundDiscoveryEnabled() {
        return backgroundDiscoveryEnabled;
    }

    @Override
    public void addDiscoveryListener(@Nullable DiscoveryListener listener) {
        if (listener != null) {
            listeners.add(listener);
        }
    }

    @Override
    public void removeDiscoveryListener(@Nullable DiscoveryListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void startScan(@Nullable ScanListener listener) {
        try {
            startScan();
            if (listener != null) {
                listener.onFinished();
            }
        } catch (RuntimeException e) {
            if (listener != null) {
                listener.onErrorOccurred(e);
            }
        }
    }

    protected abstract void startScan();

    protected void thingDiscovered(DiscoveryResult discoveryResult) {
        listeners.forEach(listener -> listener.thingDiscovered(this, discoveryResult));
    }

    protected void thingRemoved(ThingUID thingUID) {
        listeners.forEach(listener -> listener.thingRemoved(this, thingUID));
    }

    protected void activate(@Nullable Map<String, Object> configProperties) {
        if (backgroundDiscoveryEnabled) {
            startBackgroundDiscovery();
        }
    }

    protected void deactivate() {
        if (backgroundDiscoveryEnabled) {
            stopBackgroundDiscovery();
        }
    }

    protected void startBackgroundDiscovery() {
    }

    protected void stopBackgroundDiscovery() {
    }
}
