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
package org.openhab.binding.tuyaintercom.internal.handler;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.call.CallResult;
import org.openhab.binding.tuyaintercom.internal.call.MessageNotSentException;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.OpenApiClient;
import org.openhab.binding.tuyaintercom.internal.tuya.api.StreamAllocation;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.events.PictureRef;
import org.openhab.binding.tuyaintercom.internal.tuya.events.SnapshotFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The resources of one panel in the account's cloud, for one connection of its thing: the panel's WebRTC
 * configuration, the pictures of its presses and its stream addresses (HLS/RTSP); and what the panel's
 * {@link PanelSession} needs of the account. Plain Java: what it finds goes to a {@link Listener}.
 * <p>
 * Cloud projects count API calls against a quota, so the WebRTC configuration is fetched when it is needed, never on
 * a timer: once while connecting (its {@code moto_id} addresses the panel's messages), and again only when a media
 * session is coming (a ring, a call, a live view, a preview, {@code oh-video}) and the cached one is too old for it
 * ({@link WebRtcConfig#maxAge()}, within the TTL of its TURN credentials).
 * <p>
 * It shares the handler's lock: work it started on the scheduler checks, holding that lock, that it was not
 * {@link #close() closed} before it publishes or schedules anything, so nothing of it goes on after
 * {@code dispose()}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class PanelResources implements PanelSession.PanelCloud {
    /**
     * When media is coming (a ring, a call started), the cached WebRTC configuration must stay fresh this much longer
     * (the ring and the answer), or a new one is fetched at once.
     */
    static final Duration MEDIA_HEADROOM = Duration.ofMinutes(2);
    /** The stream address is kept valid this long after the last REFRESH or ring. */
    static final Duration STREAM_WATCH = Duration.ofMinutes(10);
    /** How long a stream address lives when the cloud does not say (public clients report about 30 s). */
    static final Duration STREAM_DEFAULT_LIFETIME = Duration.ofSeconds(30);
    /** A new address is allocated this long before the current one expires. */
    static final Duration STREAM_MARGIN = Duration.ofSeconds(5);
    static final Duration STREAM_RETRY = Duration.ofSeconds(30);

    /** Where the resources go; called on the scheduler, never after {@link #close()}. */
    interface Listener {
        /** A new stream address, or null when there is none (any more). */
        void streamUrl(@Nullable String url);

        /** The picture of a press arrived (JPEG). */
        void snapshot(byte[] jpeg, Instant at);

        /** Opens the door; may block on the cloud. */
        CallResult unlockDoor();
    }

    private final Logger logger = LoggerFactory.getLogger(PanelResources.class);
    private final Object lock;
    private final TuyaAccount account;
    private final String deviceId;
    private final String localKey;
    private final String subDeviceId;
    private final String streamType;
    private final SnapshotFetcher snapshots;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final DeviceMessageListener router;
    private final Listener listener;

    private volatile WebRtcConfig webrtc;
    private volatile Instant webrtcFetchedAt;
    private final AtomicBoolean webrtcRenewing = new AtomicBoolean();
    private @Nullable ScheduledFuture<?> streamJob;
    private int streamGeneration;
    private Instant streamWanted = Instant.MIN;
    private @Nullable Instant streamExpires;
    /**
     * Guarded by the lock: after {@link #close()} nothing is published or scheduled. Messages to the panel still go
     * out: the session's last ones (a hang-up, disconnects) are sent while it is disposed, after this.
     */
    private boolean closed;

    /**
     * @param lock the handler's lock
     * @param device the panel as the cloud listed it
     * @param first the WebRTC configuration fetched while connecting
     * @param streamType {@code rtsp} or {@code hls}
     * @param router where the panel's 302 messages of a media session are routed (the handler)
     */
    PanelResources(Object lock, TuyaAccount account, DeviceInfo device, WebRtcConfig first, String streamType,
            SnapshotFetcher snapshots, Clock clock, ScheduledExecutorService scheduler, DeviceMessageListener router,
            Listener listener) {
        this.lock = lock;
        this.account = account;
        this.deviceId = device.id();
        this.localKey = device.localKey();
        this.subDeviceId = device.subDeviceId();
        this.streamType = "rtsp".equalsIgnoreCase(streamType.trim()) ? "rtsp" : "hls";
        this.snapshots = snapshots;
        this.clock = clock;
        this.scheduler = scheduler;
        this.router = router;
        this.listener = listener;
        this.webrtc = first;
        this.webrtcFetchedAt = clock.instant();
    }

    /** Cancels every job; work already running publishes and schedules nothing. */
    void close() {
        synchronized (lock) {
            closed = true;
            cancelJob(streamJob);
            streamJob = null;
            streamGeneration++;
        }
    }

    // ------------------------------------------------------------------------------------------- WebRTC configuration

    /**
     * Media is coming (a ring, a call started): fetches a new WebRTC configuration on the scheduler unless the cached
     * one stays fresh for {@link #MEDIA_HEADROOM}; either way a running capture notes the configuration.
     */
    @Override
    public void renewWebRtcConfig() {
        if (isFresh(MEDIA_HEADROOM)) {
            captureConfig(webrtc); // a capture of the call still says what the panel can do
        } else {
            fetchWebRtcConfigLater();
        }
    }

    /** Fetches a new WebRTC configuration on the scheduler, once at a time. */
    void fetchWebRtcConfigLater() {
        synchronized (lock) {
            if (closed || !webrtcRenewing.compareAndSet(false, true)) {
                return;
            }
        }
        scheduler.execute(this::fetchWebRtcConfig);
    }

    private void fetchWebRtcConfig() {
        try {
            if (!account.isReady()) {
                return;
            }
            try {
                WebRtcConfig fresh = account.webRtcConfig(deviceId);
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    webrtc = fresh;
                    webrtcFetchedAt = clock.instant();
                }
                captureConfig(fresh);
            } catch (TuyaApiException e) {
                // no retry on a timer: the next page or ring that needs one asks again
                logger.debug("Panel {}: WebRTC configuration not renewed: {}", deviceId, LogText.safe(e.getMessage()));
            }
        } finally {
            webrtcRenewing.set(false);
        }
    }

    /** What a capture needs to know of a WebRTC configuration: what the panel can do, never its credentials. */
    private void captureConfig(WebRtcConfig fetched) {
        ObjectNode details = TuyaJson.object().put("moto_id", fetched.motoId())
                .put("supports_webrtc", fetched.supportsWebrtc()).put("low_power", fetched.lowPower())
                .put("two_way_audio", fetched.twoWayAudio()).put("skill", fetched.skill());
        ArrayNode servers = details.putArray("ice_servers");
        fetched.iceServers().forEach(ice -> servers.addObject().put("urls", ice.urls()).put("ttl", ice.ttlSeconds()));
        account.captureNote("webrtc-config", details);
    }

    @Override
    public WebRtcConfig webRtcConfig() {
        return webrtc;
    }

    /** The WebRTC configuration if young enough for a new media session, else null (and a renewal is under way). */
    @Override
    public @Nullable WebRtcConfig freshWebRtcConfig() {
        WebRtcConfig current = webrtc;
        if (isFresh(Duration.ZERO)) {
            return current;
        }
        fetchWebRtcConfigLater();
        return null;
    }

    /** Whether the cached configuration is still young enough for a new media session this much later. */
    private boolean isFresh(Duration later) {
        return clock.instant().plus(later).isBefore(webrtcFetchedAt.plus(webrtc.maxAge()));
    }

    // ------------------------------------------------------------------------------------------- snapshots

    /** Fetches the picture of a press on the scheduler. */
    void fetchSnapshotLater(PictureRef picture) {
        scheduler.execute(() -> fetchSnapshot(picture));
    }

    private void fetchSnapshot(PictureRef picture) {
        if (!account.isReady()) {
            return;
        }
        try {
            // the download completes on the shared HTTP client's threads; nothing is published once closed
            snapshots.fetch(picture, deviceId, account).whenComplete((jpeg, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    logger.debug("Panel {}: no snapshot: {}", deviceId, LogText.safe(cause.getMessage()));
                    return;
                }
                Instant at = clock.instant();
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                }
                listener.snapshot(jpeg, at); // outside the lock: it tells the session, which tells its pages
            });
        } catch (IOException | TuyaApiException | IllegalArgumentException e) {
            logger.debug("Panel {}: no snapshot: {}", deviceId, LogText.safe(e.getMessage()));
        }
    }

    // ------------------------------------------------------------------------------------------- stream address

    /**
     * Someone wants the door video without WebRTC (REFRESH of {@code stream-url}, or a ring): keeps a valid stream
     * address for {@link #STREAM_WATCH}, allocating a new one before the current one expires. The cloud is only
     * called from the scheduler.
     */
    void wantStream() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            streamWanted = now;
            Instant expires = streamExpires;
            long delay = expires == null ? 0
                    : Math.max(0, Duration.between(now, expires.minus(STREAM_MARGIN)).toMillis());
            cancelJob(streamJob);
            int generation = ++streamGeneration;
            streamJob = scheduler.schedule(() -> allocateStream(generation), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void allocateStream(int generation) {
        // stream allocation is an OpenAPI service: only a cloud-project account has it
        OpenApiClient api = account instanceof AccountBridgeHandler cloud ? cloud.api() : null;
        if (api == null) {
            return;
        }
        Instant now = clock.instant();
        Duration next;
        Instant expires;
        try {
            StreamAllocation stream = api.allocateStream(deviceId, streamType);
            Duration lifetime = stream.lifetime();
            if (lifetime == null) {
                lifetime = STREAM_DEFAULT_LIFETIME;
            }
            expires = now.plus(lifetime);
            next = lifetime.minus(STREAM_MARGIN);
            if (next.compareTo(Duration.ofSeconds(1)) < 0) {
                next = Duration.ofSeconds(1);
            }
            synchronized (lock) {
                if (generation != streamGeneration) {
                    return; // a newer request took over, or the resources were closed
                }
                streamExpires = expires;
                listener.streamUrl(stream.url());
            }
        } catch (TuyaApiException e) {
            logger.debug("Panel {}: no stream address: {}", deviceId, LogText.safe(e.getMessage()));
            synchronized (lock) {
                if (generation != streamGeneration) {
                    return;
                }
                streamExpires = null;
                listener.streamUrl(null);
            }
            expires = null;
            next = STREAM_RETRY;
        }
        synchronized (lock) {
            if (generation != streamGeneration) {
                return;
            }
            if (now.isBefore(streamWanted.plus(STREAM_WATCH))) {
                streamJob = scheduler.schedule(() -> allocateStream(generation), next.toMillis(),
                        TimeUnit.MILLISECONDS);
            } else if (expires != null) {
                // nobody asked for a while: let the address expire, and say so when it has
                streamJob = scheduler.schedule(() -> streamExpired(generation),
                        Math.max(0, Duration.between(now, expires).toMillis()), TimeUnit.MILLISECONDS);
            } else {
                streamJob = null;
            }
        }
    }

    private void streamExpired(int generation) {
        synchronized (lock) {
            if (generation != streamGeneration) {
                return;
            }
            streamExpires = null;
            streamJob = null;
            listener.streamUrl(null);
        }
    }

    // ------------------------------------------------------------------------------------------- for the session

    @Override
    public void publishToPanel(String payload) throws MessageNotSentException {
        try {
            account.publishSignalling(webrtc.motoId(), deviceId, payload);
        } catch (MqttException e) {
            throw new MessageNotSentException("the signalling link did not take the message", e);
        }
    }

    @Override
    public void publishRaw(String topic, byte[] payload) throws MessageNotSentException {
        try {
            account.publishRaw(topic, payload);
        } catch (MqttException e) {
            throw new MessageNotSentException("the signalling link did not take the message", e);
        }
    }

    @Override
    public String clientId() {
        return account.mqttUid();
    }

    @Override
    public void routeMediaSession(String sessionId) {
        account.routeMediaSession(sessionId, router);
    }

    @Override
    public void unrouteMediaSession(String sessionId) {
        account.unrouteMediaSession(sessionId, router);
    }

    @Override
    public String localKey() {
        return localKey;
    }

    @Override
    public String subDeviceId() {
        return subDeviceId;
    }

    @Override
    public CallResult unlockDoor() {
        return listener.unlockDoor();
    }

    private static void cancelJob(@Nullable ScheduledFuture<?> job) {
        if (job != null) {
            job.cancel(false);
        }
    }
}
