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
package org.openhab.binding.tuyaintercom.internal.tuya.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection to Tuya's message service for one credential set ("ipc" or "device" topics), kept alive
 * across credential expiry: shortly before {@code expire_time} it fetches new access, connects and subscribes with it
 * and only then, after a grace period for what is still on its way to it, closes the old connection, so that messages
 * arriving around the switch are not lost (messages seen on both connections during the overlap are delivered once).
 * Connections use a clean session, as public clients do: no
 * broker-side session is relied on. Where new access keeps the client id, the broker drops the old connection as
 * the new one connects, and messages in the round trip until it has subscribed are not delivered. Failures back off
 * from 1 s to 60 s.
 * <p>
 * Everything that blocks — fetching access from the cloud, connecting and subscribing (up to 10 s each), closing —
 * runs on the executor given to the link, which is the binding's own pool, never openHAB's shared handler pool;
 * {@link #stop()} returns at once and closes the connections there.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class MqttLink {
    static final int QOS = 1;
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration OVERLAP = Duration.ofSeconds(5);
    /**
     * How long a replaced connection stays open after the new one has subscribed: what the broker sent it before
     * that is still on its way in (inside the de-duplication window of {@link #OVERLAP}).
     */
    private static final Duration RETIRE_GRACE = Duration.ofSeconds(2);
    /** Failures to get access from the cloud back off up to a minute. */
    private static final int MAX_BACKOFF_SECONDS = 60;
    /** A broker that cannot be reached is tried again at least every 4 s, with the access already fetched. */
    private static final int MAX_BROKER_BACKOFF_SECONDS = 4;
    private static final int REMEMBERED_PASSWORDS = 2;
    static final int MAX_QUEUED_MESSAGES = 64;
    static final int MAX_QUEUED_BYTES = 256 * 1024;
    /** Messages seen during a credential overlap are remembered by digest, so memory stays bounded by bytes. */
    static final int MAX_OVERLAP_DIGESTS = 4096;

    private final Logger logger = LoggerFactory.getLogger(MqttLink.class);
    private final String name;
    private final MqttAccessSource accessSource;
    private final MqttMessageListener messageListener;
    private final MqttLinkStatusListener statusListener;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    private final Object lock = new Object();
    private volatile @Nullable Connection current;
    /** The connection being opened with new access, until it replaces {@link #current}. */
    private volatile @Nullable Connection connecting;
    private @Nullable ScheduledFuture<?> pending;
    private final Deque<String> previousPasswords = new ArrayDeque<>();
    private final Set<String> overlapSeen = new HashSet<>();
    /** Replaced connections in their grace period, closed at its end or when the link stops. */
    private final Set<Connection> retiring = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Outgoing> queued = new ArrayList<>();
    /**
     * A new connection failed and is tried again with the same access in a moment: what cannot go out meanwhile waits
     * for that one try, as it waited for the connection that failed.
     */
    private boolean queuedForRetry;
    private int queuedBytes;
    private Instant overlapUntil = Instant.MIN;
    private int failures;
    private boolean running;
    /** A {@link #connectOrRenew()} is under way; another one scheduled meanwhile does nothing. */
    private boolean working;
    /** {@link #renewAccess()} was asked while a connect or renewal was under way: one more follows it at once. */
    private boolean renewAgain;
    /** Access fetched for a connection that did not come up; reused while valid, so retries cost no API call. */
    private @Nullable MqttAccessConfig unusedAccess;

    public MqttLink(String name, MqttAccessSource accessSource, MqttMessageListener messageListener,
            MqttLinkStatusListener statusListener, ScheduledExecutorService scheduler, Clock clock) {
        this.name = name;
        this.accessSource = accessSource;
        this.messageListener = messageListener;
        this.statusListener = statusListener;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    public void start() {
        synchronized (lock) {
            running = true;
            schedule(Duration.ZERO);
        }
    }

    /** Stops the link: returns at once; its connections are closed on the link's executor. */
    public void stop() {
        Connection old;
        synchronized (lock) {
            running = false;
            ScheduledFuture<?> task = pending;
            if (task != null) {
                task.cancel(false);
            }
            pending = null;
            old = current;
            current = null;
            connecting = null;
            queuedForRetry = false;
            renewAgain = false;
        }
        if (old != null) {
            scheduler.execute(old::close);
        }
        for (Connection retired : List.copyOf(retiring)) {
            if (retiring.remove(retired)) {
                scheduler.execute(retired::close);
            }
        }
    }

    /**
     * Takes new access now rather than when the current one is due, e.g. because the session it was fetched with has
     * been renewed and the old one's credentials may end with it; the current connection serves until the new one is
     * up. Returns at once.
     */
    public void renewAccess() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            unusedAccess = null;
            if (working) {
                renewAgain = true;
            } else {
                schedule(Duration.ZERO);
            }
        }
    }

    public boolean isConnected() {
        Connection connection = current;
        return connection != null && connection.client.isConnected();
    }

    public @Nullable MqttAccessConfig access() {
        Connection connection = current;
        return connection == null ? null : connection.access;
    }

    /**
     * Passwords to decrypt device messages with: the current one first, then the one of new access being connected
     * (the cloud may encrypt with the newest credentials before their connection is up), then the ones replaced.
     */
    public List<String> passwords() {
        synchronized (lock) {
            List<String> passwords = new ArrayList<>();
            Connection connection = current;
            if (connection != null) {
                passwords.add(connection.access.password());
            }
            Connection next = connecting;
            if (next != null && !passwords.contains(next.access.password())) {
                passwords.add(next.access.password());
            }
            passwords.addAll(previousPasswords);
            return passwords;
        }
    }

    /** Publishes with QoS 1. */
    public void publish(String topic, String payload) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Publishes bytes with QoS 1 on the connection that is up, without waiting: while credentials are being switched
     * the message is queued (at most {@value #MAX_QUEUED_MESSAGES} messages, {@value #MAX_QUEUED_BYTES} bytes) and
     * sent as soon as the new connection is up, or dropped if it fails (if the broker drops it at once, after one more
     * try with the same access a moment later). Never blocks the caller.
     */
    public void publish(String topic, byte[] payload) throws MqttException {
        Connection usable = usableConnection();
        if (usable == null) {
            synchronized (lock) {
                usable = usableConnection();
                if (usable == null && (connecting != null || queuedForRetry)) {
                    if (queued.size() >= MAX_QUEUED_MESSAGES || queuedBytes + payload.length > MAX_QUEUED_BYTES) {
                        throw new MqttException(MqttException.REASON_CODE_MAX_INFLIGHT);
                    }
                    queued.add(new Outgoing(topic, payload));
                    queuedBytes += payload.length;
                    return;
                }
                Connection last = current;
                if (usable == null && last != null && last.client.isConnected()) {
                    usable = last; // retired, but no other connection is coming: better than nothing
                }
            }
        }
        if (usable == null) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
        }
        usable.client.publish(topic, payload, QOS, false);
    }

    /**
     * The connection to publish on: not one being retired, whose session the broker hands over to the new connection
     * of the same client id (a QoS 1 message in flight on it would be lost).
     */
    private @Nullable Connection usableConnection() {
        Connection connection = current;
        return connection != null && !connection.retired && connection.client.isConnected() ? connection : null;
    }

    /** Sends what was queued during a credential switch on the connection that is now up. */
    private void flushQueued(Connection connection) {
        List<Outgoing> messages;
        synchronized (lock) {
            messages = List.copyOf(queued);
            queued.clear();
            queuedBytes = 0;
        }
        for (Outgoing message : messages) {
            try {
                connection.client.publish(message.topic(), message.payload(), QOS, false);
            } catch (MqttException e) {
                logger.debug("MQTT link '{}': a queued message to {} was not sent: {}", name,
                        LogText.safe(message.topic()), LogText.safe(e.getMessage()));
            }
        }
    }

    private void dropQueued(String reason) {
        int dropped;
        synchronized (lock) {
            dropped = queued.size();
            queued.clear();
            queuedBytes = 0;
        }
        if (dropped > 0) {
            logger.debug("MQTT link '{}': {} queued messages dropped: {}", name, dropped, LogText.safe(reason));
        }
    }

    private record Outgoing(String topic, byte[] payload) {
    }

    private void schedule(Duration delay) {
        ScheduledFuture<?> task = pending;
        if (task != null) {
            task.cancel(false);
        }
        pending = scheduler.schedule(this::connectOrRenew, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void connectOrRenew() {
        synchronized (lock) {
            if (!running || working) {
                return; // the one under way schedules what follows it
            }
            working = true;
        }
        try {
            connectOrRenewAccess();
        } finally {
            synchronized (lock) {
                working = false;
                if (renewAgain && running) {
                    renewAgain = false;
                    unusedAccess = null;
                    schedule(Duration.ZERO);
                }
            }
        }
    }

    private void connectOrRenewAccess() {
        MqttAccessConfig access;
        synchronized (lock) {
            MqttAccessConfig reusable = unusedAccess;
            unusedAccess = null;
            access = reusable != null && clock.instant().isBefore(reusable.renewAt()) ? reusable : null;
        }
        boolean reused = access != null;
        if (access == null) {
            try {
                access = accessSource.fetch();
            } catch (TuyaApiException e) {
                synchronized (lock) {
                    queuedForRetry = false;
                }
                dropQueued("no access for the next try");
                failed("cannot get MQTT access: " + e.getMessage(), e, MAX_BACKOFF_SECONDS);
                return;
            }
        }
        Connection fresh;
        synchronized (lock) {
            if (!running) {
                return; // stopped while the cloud answered: no connection is opened
            }
            fresh = new Connection(access);
            connecting = fresh; // from now on, what cannot go out on a usable connection waits for this one
            Connection old = current;
            if (old != null) {
                overlapUntil = Instant.MAX; // deduplicate while two connections may both deliver
                if (old.access.clientId().equals(access.clientId())) {
                    old.retire(); // the broker hands the session over and drops the old connection: expected
                }
            }
        }
        try {
            fresh.open();
        } catch (MqttException e) {
            boolean refused = e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                    || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED;
            boolean waitForRetry;
            int waiting;
            synchronized (lock) {
                connecting = null;
                Connection previous = current;
                // a broker that accepted the new connection dropped the previous one of the same client id, whatever
                // its client has noticed yet
                boolean takenOver = fresh.accepted && previous != null
                        && previous.access.clientId().equals(access.clientId());
                boolean previousServes = previous != null && !takenOver && previous.client.isConnected();
                if (previous != null && previousServes) {
                    previous.retired = false; // the broker kept it: it goes on serving until the next try
                    flushQueued(previous); // under the lock, so nothing published meanwhile overtakes the queued
                }
                overlapUntil = clock.instant();
                // access that failed twice in a row, or that the broker refused, is fetched anew (a broker may refuse
                // expired credentials by just closing the connection)
                unusedAccess = refused || reused ? null : access;
                // a broker may drop a connection just after accepting it: when the same access is tried again in a
                // moment and no other connection serves, what was queued waits for that one try
                waitForRetry = unusedAccess != null && !previousServes && !queuedForRetry;
                queuedForRetry = waitForRetry;
                waiting = queued.size();
            }
            fresh.close();
            if (!waitForRetry) {
                dropQueued("the new connection failed");
            } else if (waiting > 0) {
                logger.debug("MQTT link '{}': the new connection failed, {} queued messages wait for the next try",
                        name, waiting);
            }
            failed("cannot connect to " + String.join(" or ", access.urls()) + ": " + MqttTransport.describe(e), null,
                    MAX_BROKER_BACKOFF_SECONDS);
            return;
        }
        Connection old;
        synchronized (lock) {
            if (!running) {
                connecting = null;
                fresh.close();
                return;
            }
            old = current;
            current = fresh;
            connecting = null;
            queuedForRetry = false;
            flushQueued(fresh); // under the lock, so nothing published meanwhile overtakes the queued messages
            if (old != null) {
                previousPasswords.addFirst(old.access.password());
                while (previousPasswords.size() > REMEMBERED_PASSWORDS) {
                    previousPasswords.removeLast();
                }
            }
            overlapUntil = clock.instant().plus(OVERLAP);
            failures = 0;
            Duration untilRenewal = Duration.between(clock.instant(), access.renewAt());
            schedule(untilRenewal.isNegative() ? Duration.ofSeconds(1) : untilRenewal);
        }
        if (old != null) {
            old.retire();
            Connection retired = old;
            retiring.add(retired);
            scheduler.schedule(() -> {
                if (retiring.remove(retired)) {
                    retired.close();
                }
            }, RETIRE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        logger.debug("MQTT link '{}' connected to {} until {}", name, LogText.safe(fresh.client.getCurrentServerURI()),
                access.expiresAt());
        statusListener.linkUp(this);
    }

    private void failed(String reason, @Nullable TuyaApiException cloudError, int maxBackoffSeconds) {
        synchronized (lock) {
            if (!running) {
                return;
            }
            failures++;
            long seconds = Math.min(maxBackoffSeconds, 1L << Math.min(failures - 1, 6));
            schedule(Duration.ofSeconds(seconds));
            Connection connection = current;
            if (connection != null && connection.client.isConnected()
                    && clock.instant().isBefore(connection.access.expiresAt())) {
                logger.debug("MQTT link '{}': renewing access failed ({}), the current connection stays", name,
                        LogText.safe(reason));
                return;
            }
        }
        logger.debug("MQTT link '{}' down: {}", name, LogText.safe(reason));
        statusListener.linkDown(this, reason, cloudError);
    }

    @SuppressWarnings("PMD.CompareObjectsWithEquals") // identity: only the loss of the current connection counts
    private void lost(Connection connection, @Nullable Throwable cause) {
        synchronized (lock) {
            if (!running || connection != current) {
                return; // a retired connection, or stopped
            }
            current = null;
        }
        connection.close();
        synchronized (lock) {
            unusedAccess = connection.access; // still valid: reconnect without a new API call
        }
        failed("connection lost: " + (cause == null ? "closed" : cause.getMessage()), null, MAX_BROKER_BACKOFF_SECONDS);
    }

    private void deliver(String topic, MqttMessage message, MqttAccessConfig access) {
        byte[] payload = message.getPayload();
        synchronized (lock) {
            Instant now = clock.instant();
            if (now.isBefore(overlapUntil) && overlapSeen.size() < MAX_OVERLAP_DIGESTS) {
                if (!overlapSeen.add(digest(topic, payload))) {
                    return;
                }
            } else if (!overlapSeen.isEmpty()) {
                overlapSeen.clear();
            }
        }
        try {
            messageListener.onMessage(topic, payload, access);
        } catch (RuntimeException e) {
            logger.debug("MQTT link '{}': message on {} not handled: {}", name, LogText.safe(topic),
                    LogText.safe(e.toString()));
        }
    }

    /** SHA-256 of topic and payload, Base64: 44 characters whatever the message size. */
    private static String digest(String topic, byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(topic.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(payload);
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One Paho client with the access it was opened with. */
    private final class Connection implements MqttCallback {
        final MqttAccessConfig access;
        final MqttAsyncClient client;
        private volatile boolean retired;
        /** The broker accepted the connection (its CONNACK arrived). */
        private volatile boolean accepted;

        Connection(MqttAccessConfig access) {
            this.access = access;
            MqttAsyncClient created;
            try {
                created = new MqttAsyncClient(access.url(), access.clientId(), new MemoryPersistence(),
                        new ScheduledExecutorPingSender(scheduler), null);
            } catch (MqttException | IllegalArgumentException e) {
                throw new IllegalStateException("invalid MQTT access " + access, e);
            }
            this.client = created;
            client.setCallback(this);
        }

        void open() throws MqttException {
            MqttConnectOptions options = MqttTransport.options(access, OPERATION_TIMEOUT);
            client.connect(options).waitForCompletion(MqttTransport.connectWait(access, OPERATION_TIMEOUT).toMillis());
            accepted = true;
            List<String> topics = List.copyOf(access.sourceTopics().values());
            if (!topics.isEmpty()) {
                int[] qos = topics.stream().mapToInt(t -> QOS).toArray();
                client.subscribe(topics.toArray(String[]::new), qos).waitForCompletion(OPERATION_TIMEOUT.toMillis());
            }
        }

        void retire() {
            retired = true;
        }

        void close() {
            retired = true;
            try {
                if (client.isConnected()) {
                    client.disconnect(0).waitForCompletion(OPERATION_TIMEOUT.toMillis());
                }
            } catch (MqttException e) {
                // the broker may already have dropped it
            }
            try {
                client.close(true);
            } catch (MqttException e) {
                logger.trace("closing MQTT client: {}", LogText.safe(e.getMessage()));
            }
        }

        @Override
        public void connectionLost(@Nullable Throwable cause) {
            if (!retired) {
                lost(this, cause);
            }
        }

        @Override
        public void messageArrived(@Nullable String topic, @Nullable MqttMessage message) {
            if (topic != null && message != null) {
                deliver(topic, message, access);
            }
        }

        @Override
        public void deliveryComplete(@Nullable IMqttDeliveryToken token) {
        }
    }
}
