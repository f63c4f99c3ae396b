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

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.config.discovery.DiscoveryService;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * A discovery listener that keeps the results by thing id, for openHAB 4.3 and 5.x alike (5.x tells listeners on its
 * own thread: {@link #await} waits for what a test expects).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class RecordingInbox implements DiscoveryListener {
    public final Map<String, DiscoveryResult> results = new ConcurrentHashMap<>();
    public final Set<String> removed = ConcurrentHashMap.newKeySet();

    @Override
    public void thingDiscovered(DiscoveryService source, DiscoveryResult result) {
        results.put(result.getThingUID().getId(), result);
    }

    @Override
    public void thingRemoved(DiscoveryService source, ThingUID thingUID) {
        removed.add(thingUID.getId());
        results.remove(thingUID.getId());
    }

    // openHAB 4.3's DiscoveryListener (the binding never calls it: it withdraws panels with thingRemoved)
    public @Nullable Collection<ThingUID> removeOlderResults(DiscoveryService source, long timestamp,
            @Nullable Collection<ThingTypeUID> thingTypeUIDs, @Nullable ThingUID bridgeUID) {
        throw new UnsupportedOperationException("removeOlderResults");
    }

    // openHAB 5.x's DiscoveryListener
    public @Nullable Collection<ThingUID> removeOlderResults(DiscoveryService source, Instant timestamp,
            @Nullable Collection<ThingTypeUID> thingTypeUIDs, @Nullable ThingUID bridgeUID) {
        throw new UnsupportedOperationException("removeOlderResults");
    }

    /** Waits (at most {@code limit}) until the results by id satisfy {@code expected}; the caller asserts after. */
    public void await(Predicate<Map<String, DiscoveryResult>> expected, Duration limit) throws InterruptedException {
        long deadline = System.currentTimeMillis() + limit.toMillis();
        while (!expected.test(results) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
