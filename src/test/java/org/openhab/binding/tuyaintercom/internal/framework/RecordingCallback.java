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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * A framework stand-in for handler tests: applies status and configuration to the thing as openHAB does, and records
 * every report in order so that tests can wait for and assert them. Handlers get its {@link #callback()} view, which
 * answers the {@link ThingHandlerCallback} methods with the public methods of this class (see {@link InterfaceDouble}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class RecordingCallback {
    /** One report of a handler: a status, a state update or a trigger. */
    public record Event(String kind, String channelOrThing, String value) {
        @Override
        public String toString() {
            return kind + " " + channelOrThing + " " + value;
        }
    }

    private final List<Event> events = new ArrayList<>();
    private volatile java.util.function.Consumer<String> listener = line -> {
    };

    /** Also tells every report, as text, to a listener (e.g. a console). */
    public void setListener(java.util.function.Consumer<String> listener) {
        this.listener = listener;
    }

    private final Map<ThingUID, Bridge> bridges = new ConcurrentHashMap<>();
    private final ThingHandlerCallback view = InterfaceDouble.of(ThingHandlerCallback.class, this);

    /** This recorder as openHAB's {@link ThingHandlerCallback}; the same object on every call. */
    public ThingHandlerCallback callback() {
        return view;
    }

    public void addBridge(TestBridge bridge) {
        bridges.put(bridge.getUID(), bridge.thing());
    }

    public void stateUpdated(ChannelUID channelUID, State state) {
        record(new Event("state", channelUID.getId(), state.toFullString()));
    }

    public void postCommand(ChannelUID channelUID, Command command) {
        record(new Event("command", channelUID.getId(), command.toFullString()));
    }

    public void statusUpdated(Thing thing, ThingStatusInfo thingStatus) {
        ThingStatus before = thing.getStatus();
        thing.setStatusInfo(thingStatus);
        record(new Event("status", thing.getUID().getAsString(), thingStatus.toString()));
        if (thing instanceof Bridge bridge && before != thingStatus.getStatus()) {
            // as the framework does: children learn about their bridge's status
            for (Thing child : bridge.getThings()) {
                ThingHandler handler = child.getHandler();
                ThingStatus childStatus = child.getStatus();
                boolean initialized = childStatus == ThingStatus.ONLINE || childStatus == ThingStatus.OFFLINE
                        || childStatus == ThingStatus.UNKNOWN;
                if (handler != null && initialized) {
                    handler.bridgeStatusChanged(thingStatus);
                }
            }
        }
    }

    public void thingUpdated(Thing thing) {
    }

    public void validateConfigurationParameters(Thing thing, Map<String, Object> configurationParameters) {
    }

    public void configurationUpdated(Thing thing) {
    }

    public void channelTriggered(Thing thing, ChannelUID channelUID, String event) {
        record(new Event("trigger", channelUID.getId(), event));
    }

    public boolean isChannelLinked(ChannelUID channelUID) {
        return true;
    }

    public @Nullable Bridge getBridge(ThingUID bridgeUID) {
        return bridges.get(bridgeUID);
    }

    private void record(Event event) {
        synchronized (events) {
            events.add(event);
            events.notifyAll();
        }
        String text = event.toString();
        listener.accept(text.length() > 160 ? text.substring(0, 160) + "…" : text);
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public void clear() {
        synchronized (events) {
            events.clear();
        }
    }

    /** Waits until an event matches, returning it; fails with the events seen after the timeout. */
    public Event await(Predicate<Event> matcher, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (Event event : events) {
                    if (matcher.test(event)) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching event within " + timeout + "; seen: " + events);
                }
                events.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Waits until a thing reaches a status. */
    public void awaitStatus(TestThing thing, ThingStatus status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (thing.getStatus() != status) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            thing.getUID() + " is " + thing.getStatusInfo() + ", not " + status + "; seen: " + events);
                }
                events.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
