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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.diagnostics.CallCapture;
import org.openhab.binding.tuyaintercom.internal.discovery.PanelDiscoveryService;
import org.openhab.binding.tuyaintercom.internal.intercom.LinkSigner;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLink;
import org.openhab.core.OpenHAB;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What both account bridges do the same way, whichever way they sign in: the signalling link ("ipc") that carries
 * the 302/308/312 messages and their routing to the panels, the capture of call traffic, the signer of the panels'
 * links with its rotating secret, and panel discovery.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractAccountBridgeHandler extends BaseBridgeHandler implements TuyaAccount {
    /** Link tokens live 24 h; the secret that signs them changes every 12 h. */
    static final int SECRET_ROTATION_HOURS = 12;
    /**
     * The pool of the MQTT links: their connect and renewal block on the cloud and the broker (bounded), which is not
     * for openHAB's shared handler pool.
     */
    static final String LINK_POOL = "tuyaintercom-mqtt";

    private final Logger logger = LoggerFactory.getLogger(AbstractAccountBridgeHandler.class);
    private final LinkSigner signer;
    private final CallCapture capture;
    private final SignallingRouter router = new SignallingRouter();
    private volatile @Nullable MqttLink ipcLink;
    private @Nullable ScheduledFuture<?> rotationJob;

    protected AbstractAccountBridgeHandler(Bridge bridge, Clock clock) {
        super(bridge);
        this.signer = new LinkSigner(clock);
        this.capture = new CallCapture(captureFolder(), clock);
    }

    /**
     * For {@code initialize()}: starts capturing the next {@code captureCalls} calls (when more than 0) and the
     * rotation of the links' secret.
     */
    protected void startCaptureAndRotation(int captureCalls) {
        if (captureCalls > 0) {
            try {
                Path file = capture.start(captureCalls);
                logger.info("Capturing the Tuya messages of the next {} call(s), secrets redacted, into {}",
                        captureCalls, file);
            } catch (IOException e) {
                logger.warn("Cannot capture calls into {}: {}", captureFolder(), LogText.safe(e.getMessage()));
            }
        }
        synchronized (this) {
            ScheduledFuture<?> old = rotationJob;
            if (old != null) {
                old.cancel(false);
            }
            rotationJob = scheduler.scheduleWithFixedDelay(signer::rotate, SECRET_ROTATION_HOURS, SECRET_ROTATION_HOURS,
                    TimeUnit.HOURS);
        }
    }

    /** For {@code dispose()}: stops the rotation and the signalling link. */
    protected void stopRotationAndIpcLink() {
        synchronized (this) {
            ScheduledFuture<?> rotation = rotationJob;
            if (rotation != null) {
                rotation.cancel(true);
            }
            rotationJob = null;
        }
        stopIpcLink();
    }

    /** Where the MQTT links connect, renew and close: a pool of the binding's own. */
    protected static ScheduledExecutorService linkPool() {
        return ThreadPoolManager.getScheduledPool(LINK_POOL);
    }

    /** Replaces the signalling link (the caller starts the new one). */
    protected void useIpcLink(MqttLink link) {
        stopIpcLink();
        ipcLink = link;
    }

    protected @Nullable MqttLink ipcLink() {
        return ipcLink;
    }

    protected void stopIpcLink() {
        MqttLink link = ipcLink;
        ipcLink = null;
        if (link != null) {
            link.stop();
        }
    }

    /** The routing of device and media-session messages to the panel handlers. */
    protected SignallingRouter router() {
        return router;
    }

    /** The configured id for {@code curId} / {@code targetId}, or empty for the id of the signalling link. */
    protected abstract String configuredCallTargetId();

    /** A message on the signalling link: captured, then routed to its panel. */
    protected void onIpcMessage(String topic, byte[] payload, MqttAccessConfig access) {
        capture.message("in", topic, payload);
        router.onIpcMessage(topic, payload);
    }

    /** Signs the links of this account's panels; its secret lives in memory only and is rotated. */
    @Override
    public LinkSigner signer() {
        return signer;
    }

    /** The id this client uses as {@code from} in signalling messages (from the ipc source topic). */
    @Override
    public String mqttUid() {
        MqttLink link = ipcLink;
        MqttAccessConfig access = link == null ? null : link.access();
        return access == null ? "" : access.mqttUid();
    }

    @Override
    public String callTargetId() {
        String configured = configuredCallTargetId().trim();
        return configured.isEmpty() ? mqttUid() : configured;
    }

    /** Publishes a 302/308/312 message to a device through the signalling link. */
    @Override
    public void publishSignalling(String motoId, String deviceId, String payload) throws MqttException {
        MqttLink link = ipcLink;
        MqttAccessConfig access = link == null ? null : link.access();
        if (link == null || access == null) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
        }
        String topic = access.ipcSinkTopic(motoId, deviceId);
        capture.message("out", topic, payload.getBytes(StandardCharsets.UTF_8));
        link.publish(topic, payload);
    }

    /** Publishes bytes on a topic of the signalling link (e.g. the wake-up of a low-power device). */
    @Override
    public void publishRaw(String topic, byte[] payload) throws MqttException {
        MqttLink link = ipcLink;
        if (link == null) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
        }
        capture.message("out", topic, payload);
        link.publish(topic, payload);
    }

    @Override
    public void addDeviceListener(String deviceId, DeviceMessageListener listener) {
        router.add(deviceId, listener);
    }

    @Override
    public void removeDeviceListener(String deviceId, DeviceMessageListener listener) {
        router.remove(deviceId, listener);
    }

    @Override
    public void routeMediaSession(String sessionId, DeviceMessageListener listener) {
        router.routeMediaSession(sessionId, listener);
    }

    @Override
    public void unrouteMediaSession(String sessionId, DeviceMessageListener listener) {
        router.unrouteMediaSession(sessionId, listener);
    }

    /** A call of one of the panels ended: counts down a running capture. */
    @Override
    public void callEnded() {
        Path done = capture.callEnded();
        if (done != null) {
            logger.info("The capture of Tuya call messages is complete: {} (set captureCalls to 0)", done);
        }
    }

    /** Notes something for a running capture (redacted), e.g. the skill of a fetched WebRTC configuration. */
    @Override
    public void captureNote(String event, JsonNode details) {
        capture.note(event, details);
    }

    /** Where call captures go: openHAB's userdata folder + the binding's name. */
    static Path captureFolder() {
        return Path.of(OpenHAB.getUserDataFolder(), "tuyaintercom");
    }

    /** The running (or last) capture. */
    public CallCapture capture() {
        return capture;
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return Set.of(PanelDiscoveryService.class);
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        // the bridge has no channels
    }
}
