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
package org.openhab.binding.tuyaintercom.internal.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

/**
 * The network between the binding and the simulated panels, as bad as a test wants it: per direction and kind of
 * message it drops, delays (uniformly between a minimum and a maximum, which reorders messages by itself), duplicates
 * (the copy after a delay of its own) and explicitly reorders (holds a message back until the next one of the same
 * direction and kind has passed, or {@link #reorderLimit} elapsed). Every fault is off by default; while a rule is off
 * its messages are delivered at once on the caller's thread, exactly as without this class. Delayed deliveries run on
 * one daemon thread, started when first needed and stopped by {@link #close()} (with the simulator); a delivery due
 * after that is skipped. The random numbers come from a seeded {@link Random}, so a run can be repeated.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimNetworkFaults implements AutoCloseable {
    /** Which way a message crosses the network. */
    public enum Direction {
        /** Published by the binding, consumed by the simulator and its panels. */
        TO_PANEL,
        /** Published by the simulator (the cloud, a panel) towards the binding. */
        FROM_PANEL
    }

    /** What a message is, by its Tuya protocol number. */
    public enum Kind {
        /** Protocol 302 (WebRTC signalling) and 312 (its control messages). */
        WEBRTC,
        /** Protocol 308 (call signalling). */
        CALL,
        /** Everything else of a device: protocol 4 (data points), 20 (online), messages without a protocol. */
        DATA_POINT;

        public static Kind ofProtocol(int protocol) {
            return switch (protocol) {
                case 302, 312 -> WEBRTC;
                case 308 -> CALL;
                default -> DATA_POINT;
            };
        }

        /** The kind of a message by the {@code protocol} field of its (unencrypted) JSON envelope. */
        public static Kind ofPayload(byte[] payload) {
            try {
                return ofProtocol(TuyaJson.parse(new String(payload, StandardCharsets.UTF_8)).path("protocol").asInt());
            } catch (IllegalArgumentException e) {
                return DATA_POINT; // not JSON, e.g. a wake-up of a low-power device
            }
        }
    }

    /** What the network did to messages; see {@link #count(Direction, Kind, Fault)}. */
    public enum Fault {
        DROPPED,
        DELAYED,
        DUPLICATED,
        REORDERED
    }

    /**
     * What happens to the messages of one direction and kind.
     *
     * @param drop probability (0..1) that a message is lost
     * @param minDelay shortest delay of a message
     * @param maxDelay longest delay of a message (uniformly between the two)
     * @param duplicate probability (0..1) that a message arrives a second time, after a delay of its own
     * @param reorder whether every other message is held back until the next one has passed
     */
    public record Rule(double drop, Duration minDelay, Duration maxDelay, double duplicate, boolean reorder) {

        /** A perfect network. */
        public static final Rule OFF = new Rule(0, Duration.ZERO, Duration.ZERO, 0, false);

        public Rule {
            if (!(drop >= 0 && drop <= 1) || !(duplicate >= 0 && duplicate <= 1)) {
                throw new IllegalArgumentException("probabilities are between 0 and 1");
            }
            if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
                throw new IllegalArgumentException("delays must satisfy 0 <= min <= max");
            }
        }

        /** Loses this share of the messages, nothing else. */
        public static Rule loss(double drop) {
            return OFF.withDrop(drop);
        }

        /** Delays every message uniformly between min and max, nothing else. */
        public static Rule jitter(Duration min, Duration max) {
            return OFF.withDelay(min, max);
        }

        public Rule withDrop(double probability) {
            return new Rule(probability, minDelay, maxDelay, duplicate, reorder);
        }

        public Rule withDelay(Duration min, Duration max) {
            return new Rule(drop, min, max, duplicate, reorder);
        }

        public Rule withDuplicate(double probability) {
            return new Rule(drop, minDelay, maxDelay, probability, reorder);
        }

        public Rule withReorder(boolean holdBack) {
            return new Rule(drop, minDelay, maxDelay, duplicate, holdBack);
        }

        public boolean isOff() {
            return drop == 0 && maxDelay.isZero() && duplicate == 0 && !reorder;
        }
    }

    /** A message held back by a reordering rule, with the timer that lets it go on its own. */
    private record Held(Runnable delivery, Future<?> release) {
    }

    /** The longest a reordering rule holds a message back when no other one follows. */
    public volatile Duration reorderLimit = Duration.ofSeconds(1);

    private static final int KINDS = Kind.values().length;
    private static final int FAULTS = Fault.values().length;

    private final Supplier<List<String>> connectionBreaker;
    private final Map<Direction, Map<Kind, Rule>> rules = new EnumMap<>(Direction.class);
    private final AtomicLongArray counters = new AtomicLongArray(Direction.values().length * KINDS * FAULTS);
    private final Map<Integer, Held> held = new HashMap<>();
    private volatile boolean active;
    private volatile boolean closed;
    private long seed = System.nanoTime();
    private Random random = new Random(seed);
    private @Nullable ScheduledExecutorService executor;

    /**
     * @param connectionBreaker drops the binding's connections to the broker and names their client ids
     */
    public SimNetworkFaults(Supplier<List<String>> connectionBreaker) {
        this.connectionBreaker = connectionBreaker;
        for (Direction direction : Direction.values()) {
            Map<Kind, Rule> perKind = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                perKind.put(kind, Rule.OFF);
            }
            rules.put(direction, perKind);
        }
    }

    // ------------------------------------------------------------------------------------------- settings

    /** Sets the rule of one direction and kind. */
    public synchronized SimNetworkFaults set(Direction direction, Kind kind, Rule rule) {
        Map<Kind, Rule> perKind = rules.get(direction);
        if (perKind != null) {
            perKind.put(kind, rule);
        }
        active = rules.values().stream().flatMap(m -> m.values().stream()).anyMatch(r -> !r.isOff());
        return this;
    }

    /** Sets the rule of one kind in both directions. */
    public SimNetworkFaults both(Kind kind, Rule rule) {
        for (Direction direction : Direction.values()) {
            set(direction, kind, rule);
        }
        return this;
    }

    /** Sets the rule of every direction and kind. */
    public SimNetworkFaults all(Rule rule) {
        for (Kind kind : Kind.values()) {
            both(kind, rule);
        }
        return this;
    }

    /** Switches every fault off (counters and seed stay). */
    public SimNetworkFaults clear() {
        return all(Rule.OFF);
    }

    public synchronized Rule rule(Direction direction, Kind kind) {
        Map<Kind, Rule> perKind = rules.get(direction);
        Rule rule = perKind == null ? null : perKind.get(kind);
        return rule == null ? Rule.OFF : rule;
    }

    /** Starts the random numbers again from this seed. */
    public synchronized SimNetworkFaults seed(long newSeed) {
        seed = newSeed;
        random = new Random(newSeed);
        return this;
    }

    /** The seed the random numbers started from (print it when a test fails to repeat the run). */
    public synchronized long seed() {
        return seed;
    }

    // ------------------------------------------------------------------------------------------- counters

    public long count(Direction direction, Kind kind, Fault fault) {
        return counters.get(index(direction, kind) * FAULTS + fault.ordinal());
    }

    public long count(Direction direction, Fault fault) {
        long sum = 0;
        for (Kind kind : Kind.values()) {
            sum += count(direction, kind, fault);
        }
        return sum;
    }

    public long total(Fault fault) {
        long sum = 0;
        for (Direction direction : Direction.values()) {
            sum += count(direction, fault);
        }
        return sum;
    }

    public void resetCounters() {
        for (int i = 0; i < counters.length(); i++) {
            counters.set(i, 0);
        }
    }

    /** The seed and every counter that is not zero, for a test report or a benchmark row. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("network faults (seed ").append(seed()).append(')');
        for (Direction direction : Direction.values()) {
            for (Kind kind : Kind.values()) {
                for (Fault fault : Fault.values()) {
                    long n = count(direction, kind, fault);
                    if (n > 0) {
                        text.append(' ').append(direction).append('/').append(kind).append(' ').append(fault)
                                .append('=').append(n);
                    }
                }
            }
        }
        return text.toString();
    }

    // ------------------------------------------------------------------------------------------- connections

    /** Drops the binding's connections to the broker (it has to reconnect); returns their client ids. */
    public List<String> loseBrokerConnection() {
        return connectionBreaker.get();
    }

    // ------------------------------------------------------------------------------------------- delivery

    /** Delivers a message whose kind is told by its unencrypted JSON envelope (read only while a fault is on). */
    public void deliver(Direction direction, byte[] payload, Runnable delivery) {
        if (!active) {
            delivery.run();
            return;
        }
        deliver(direction, Kind.ofPayload(payload), delivery);
    }

    /** Delivers a message of a protocol number. */
    public void deliver(Direction direction, int protocol, Runnable delivery) {
        if (!active) {
            delivery.run();
            return;
        }
        deliver(direction, Kind.ofProtocol(protocol), delivery);
    }

    /** Delivers a message now, later, twice or never, as the rule of its direction and kind says. */
    public void deliver(Direction direction, Kind kind, Runnable delivery) {
        Rule rule = active ? rule(direction, kind) : Rule.OFF;
        if (rule.isOff()) {
            delivery.run();
            return;
        }
        int route = index(direction, kind);
        long delay;
        Runnable now = delivery;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (chance(rule.drop())) {
                counted(route, Fault.DROPPED);
                return;
            }
            if (chance(rule.duplicate())) {
                counted(route, Fault.DUPLICATED);
                later(delivery, draw(rule));
            }
            if (rule.reorder()) {
                Held before = held.remove(route);
                if (before == null) {
                    held.put(route, new Held(delivery, later(() -> releaseHeld(route), reorderLimit.toMillis())));
                    return;
                }
                before.release().cancel(false);
                counted(route, Fault.REORDERED);
                now = () -> {
                    delivery.run();
                    before.delivery().run();
                };
            }
            delay = draw(rule);
            if (delay > 0) {
                counted(route, Fault.DELAYED);
                later(now, delay);
                return;
            }
        }
        now.run();
    }

    /** Lets a held message go when none followed it within the limit. */
    private void releaseHeld(int route) {
        Held released;
        synchronized (this) {
            released = held.remove(route);
        }
        if (released != null) {
            released.delivery().run();
        }
    }

    /** Stops the delivery thread; what is still delayed or held back is never delivered. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            closed = true;
            held.clear();
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }

    private boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    private long draw(Rule rule) {
        long min = rule.minDelay().toMillis();
        long span = rule.maxDelay().toMillis() - min;
        return min + (span > 0 ? random.nextLong(span + 1) : 0);
    }

    private void counted(int route, Fault fault) {
        counters.incrementAndGet(route * FAULTS + fault.ordinal());
    }

    private static int index(Direction direction, Kind kind) {
        return direction.ordinal() * KINDS + kind.ordinal();
    }

    /**
     * Runs a delivery after a delay on the delivery thread, unless closed by then (an exception of a delivery ends that
     * delivery only: a message lost on the way); once closed, nothing is scheduled.
     */
    private synchronized Future<?> later(Runnable delivery, long delayMillis) {
        if (closed) {
            return CompletableFuture.completedFuture("skipped");
        }
        ScheduledExecutorService scheduler = executor;
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "sim-network");
                thread.setDaemon(true);
                return thread;
            });
            executor = scheduler;
        }
        // close() takes the executor away under this lock before it shuts it down: this one still runs
        return scheduler.schedule(() -> {
            if (!closed) {
                delivery.run();
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }
}
