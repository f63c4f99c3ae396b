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

import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.*;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openhab.binding.tuyaintercom.internal.diagnostics.CallCapture;
import org.openhab.binding.tuyaintercom.internal.discovery.PanelDiscoveryService;
import org.openhab.binding.tuyaintercom.internal.intercom.LinkSigner;
import org.openhab.binding.tuyaintercom.internal.intercom.LogText;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaDataCenter;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.api.OpenApiClient;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.DeviceMessageDecryptor;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLink;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLinkStatusListener;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Tuya cloud project all panels connect through: signed OpenAPI, and two MQTT links of Tuya's message service —
 * "ipc" (WebRTC and call signalling) and "device" (encrypted data point reports) — whose messages it routes to the
 * panel handlers by device id.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class AccountBridgeHandler extends BaseBridgeHandler implements TuyaAccount, MqttLinkStatusListener {
    static final String PROPERTY_USER_ID = "userId";
    static final String DEVICE_MESSAGE_VERSION = "2.0";
    private static final int MAX_RETRY_SECONDS = 60;
    private static final int CONFIGURATION_RETRY_SECONDS = 300;
    /** Link tokens live 24 h; the secret that signs them changes every 12 h. */
    static final int SECRET_ROTATION_HOURS = 12;

    private final Logger logger = LoggerFactory.getLogger(AccountBridgeHandler.class);
    private final HttpClient httpClient;
    private final Clock clock;
    private final SignallingRouter router = new SignallingRouter();
    private final CallCapture capture;
    private final LinkSigner signer;

    private @Nullable OpenApiClient api;
    private @Nullable MqttLink ipcLink;
    private @Nullable MqttLink deviceLink;
    private @Nullable ScheduledFuture<?> connectJob;
    private @Nullable ScheduledFuture<?> rotationJob;
    private volatile String userId = "";
    private int connectFailures;

    public AccountBridgeHandler(Bridge bridge, HttpClient httpClient, Clock clock) {
        super(bridge);
        this.httpClient = httpClient;
        this.clock = clock;
        this.signer = new LinkSigner(clock);
        this.capture = new CallCapture(CallCapture.defaultFolder(), clock);
    }

    /** Signs the links of this account's panels; its secret lives in memory only and is rotated. */
    @Override
    public LinkSigner signer() {
        return signer;
    }

    @Override
    public void initialize() {
        AccountConfiguration config = getConfigAs(AccountConfiguration.class);
        if (config.accessId.isBlank() || config.accessSecret.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config.missing-credentials");
            return;
        }
        String baseUrl = baseUrl(config);
        if (baseUrl.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config.missing-base-url");
            return;
        }
        if (config.linkId.isBlank()) {
            Configuration configuration = editConfiguration();
            configuration.put("linkId", UUID.randomUUID().toString().replace("-", "").substring(0, 16));
            updateConfiguration(configuration);
        }
        api = new OpenApiClient(baseUrl, config.accessId.trim(), config.accessSecret.trim(), httpClient, clock);
        if (config.captureCalls > 0) {
            try {
                Path file = capture.start(config.captureCalls);
                logger.info("Capturing the Tuya messages of the next {} call(s), secrets redacted, into {}",
                        config.captureCalls, file);
            } catch (IOException e) {
                logger.warn("Cannot capture calls into {}: {}", CallCapture.defaultFolder(),
                        LogText.safe(e.getMessage()));
            }
        }
        connectFailures = 0;
        updateStatus(ThingStatus.UNKNOWN);
        scheduleConnect(0);
        rotationJob = scheduler.scheduleWithFixedDelay(signer::rotate, SECRET_ROTATION_HOURS, SECRET_ROTATION_HOURS,
                TimeUnit.HOURS);
    }

    static String baseUrl(AccountConfiguration config) {
        TuyaDataCenter center = TuyaDataCenter.of(config.dataCenter);
        if (center == null || center == TuyaDataCenter.CUSTOM || !config.baseUrl.isBlank()) {
            return config.baseUrl.trim();
        }
        return center.baseUrl();
    }

    private synchronized void scheduleConnect(long delaySeconds) {
        ScheduledFuture<?> job = connectJob;
        if (job != null) {
            job.cancel(false);
        }
        connectJob = scheduler.schedule(this::connect, delaySeconds, TimeUnit.SECONDS);
    }

    private void connect() {
        OpenApiClient client = api;
        if (client == null) {
            return;
        }
        AccountConfiguration config = getConfigAs(AccountConfiguration.class);
        try {
            client.token();
            String uid = resolveUserId(client, config);
            if (uid.isEmpty()) {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING,
                        "@text/offline.config.user-id-needed");
                return;
            }
            userId = uid;
            updateProperty(PROPERTY_USER_ID, uid);
        } catch (TuyaApiException e) {
            cloudFailed(e);
            return;
        }
        connectFailures = 0;
        String linkId = getConfigAs(AccountConfiguration.class).linkId;
        stopLinks();
        MqttLink ipc = new MqttLink("ipc", () -> client.mqttAccessConfig(userId, linkId + "-ipc", "ipc", "1.0"),
                this::onIpcMessage, this, scheduler, clock);
        MqttLink device = new MqttLink("device",
                () -> client.mqttAccessConfig(userId, linkId + "-dev", "device", DEVICE_MESSAGE_VERSION),
                this::onDeviceMessage, this, scheduler, clock);
        ipcLink = ipc;
        deviceLink = device;
        ipc.start();
        device.start();
    }

    private String resolveUserId(OpenApiClient client, AccountConfiguration config) throws TuyaApiException {
        if (!config.userId.isBlank()) {
            return config.userId.trim();
        }
        for (Thing child : getThing().getThings()) {
            Object deviceId = child.getConfiguration().get("deviceId");
            if (deviceId instanceof String id && !id.isBlank()) {
                String owner = client.device(id.trim()).ownerUid();
                if (!owner.isEmpty()) {
                    return owner;
                }
            }
        }
        return "";
    }

    private void cloudFailed(TuyaApiException e) {
        logger.debug("Tuya cloud: {}", e.getMessage());
        updateStatus(ThingStatus.OFFLINE, CloudStatus.detail(e), CloudStatus.description(e));
        if (e.failure().isConfigurationError()) {
            scheduleConnect(CONFIGURATION_RETRY_SECONDS);
        } else {
            connectFailures++;
            scheduleConnect(Math.min(MAX_RETRY_SECONDS, 1L << Math.min(connectFailures - 1, 6)));
        }
    }

    @Override
    public void linkUp(MqttLink link) {
        MqttLink ipc = ipcLink;
        MqttLink device = deviceLink;
        if (ipc != null && device != null && ipc.isConnected() && device.isConnected()) {
            updateStatus(ThingStatus.ONLINE);
        }
    }

    @Override
    public void linkDown(MqttLink link, String reason, @Nullable TuyaApiException cloudError) {
        if (cloudError != null) {
            updateStatus(ThingStatus.OFFLINE, CloudStatus.detail(cloudError), CloudStatus.description(cloudError));
        } else {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    "@text/offline.mqtt.down [\"" + link.name() + "\", \"" + reason.replace("\"", "'") + "\"]");
        }
    }

    void onIpcMessage(String topic, byte[] payload, MqttAccessConfig access) {
        capture.message("in", topic, payload);
        router.onIpcMessage(topic, payload);
    }

    void onDeviceMessage(String topic, byte[] payload, MqttAccessConfig access) {
        MqttLink link = deviceLink;
        JsonNode data;
        int protocol;
        try {
            JsonNode message = TuyaJson.parse(new String(payload, StandardCharsets.UTF_8));
            protocol = message.path("protocol").asInt(-1);
            List<String> passwords = new ArrayList<>();
            passwords.add(access.password());
            if (link != null) {
                passwords.addAll(link.passwords());
            }
            data = DeviceMessageDecryptor.decrypt(message, passwords, access.encryptionVersion());
        } catch (IllegalArgumentException e) {
            logger.debug("Dropped a device message on {}: {}", LogText.safe(topic), LogText.safe(e.getMessage()));
            return;
        }
        String deviceId = data.path("devId").asText(data.path("bizData").path("devId").asText(""));
        if (capture.isActive()) {
            capture.note("device-message",
                    TuyaJson.object().put("topic", topic).put("protocol", protocol).set("data", data));
        }
        DeviceMessageListener listener = router.listener(deviceId);
        if (listener == null) {
            logger.trace("Device message for unknown device '{}'", deviceId);
            return;
        }
        if (protocol == 4) {
            listener.onDeviceStatus(data.path("status"));
        } else if (protocol == 20) {
            String bizCode = data.path("bizCode").asText("");
            if ("online".equals(bizCode) || "offline".equals(bizCode)) {
                listener.onDeviceOnline("online".equals(bizCode));
            }
        }
    }

    /** Routes the 302/312 messages of a media session to the panel that opened it. */
    @Override
    public void routeMediaSession(String sessionId, DeviceMessageListener listener) {
        router.routeMediaSession(sessionId, listener);
    }

    @Override
    public void unrouteMediaSession(String sessionId, DeviceMessageListener listener) {
        router.unrouteMediaSession(sessionId, listener);
    }

    /** Registers the handler of a device for its messages. */
    @Override
    public void addDeviceListener(String deviceId, DeviceMessageListener listener) {
        router.add(deviceId, listener);
    }

    @Override
    public void removeDeviceListener(String deviceId, DeviceMessageListener listener) {
        router.remove(deviceId, listener);
    }

    /** The OpenAPI client, once configured. */
    public @Nullable OpenApiClient api() {
        return api;
    }

    @Override
    public boolean isReady() {
        return api != null;
    }

    private OpenApiClient client() throws TuyaApiException {
        OpenApiClient client = api;
        if (client == null) {
            throw new TuyaApiException(TuyaApiException.NETWORK, "the account is not configured");
        }
        return client;
    }

    @Override
    public List<DeviceInfo> devices() throws TuyaApiException {
        return client().userDevices(userId);
    }

    @Override
    public DeviceInfo device(String deviceId) throws TuyaApiException {
        return client().device(deviceId);
    }

    @Override
    public WebRtcConfig webRtcConfig(String deviceId) throws TuyaApiException {
        return client().webRtcConfig(userId, deviceId);
    }

    @Override
    public void sendCommand(String deviceId, String code, Object value) throws TuyaApiException {
        client().sendCommand(deviceId, code, value);
    }

    @Override
    public String snapshotUrl(String deviceId, String bucket, String filePath) throws TuyaApiException {
        return client().snapshotUrl(deviceId, bucket, filePath);
    }

    /** The app account's user id, once known. */
    public String userId() {
        return userId;
    }

    /** Publishes a 302/308/312 message to a device through the ipc link. */
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

    /** The running (or last) capture, for tests. */
    public CallCapture capture() {
        return capture;
    }

    /** Publishes bytes on a topic of the ipc link (e.g. the wake-up of a low-power device). */
    @Override
    public void publishRaw(String topic, byte[] payload) throws MqttException {
        MqttLink link = ipcLink;
        if (link == null) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
        }
        capture.message("out", topic, payload);
        link.publish(topic, payload);
    }

    /** The id this client uses as {@code from} in signalling messages (from the ipc source topic). */
    @Override
    public String mqttUid() {
        MqttLink link = ipcLink;
        MqttAccessConfig access = link == null ? null : link.access();
        return access == null ? "" : access.mqttUid();
    }

    /** The id this installation uses as {@code curId} / {@code targetId} in call signalling. */
    @Override
    public String callTargetId() {
        String configured = getConfigAs(AccountConfiguration.class).callTargetId.trim();
        return configured.isEmpty() ? mqttUid() : configured;
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return Set.of(PanelDiscoveryService.class);
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        // the bridge has no channels
    }

    private void stopLinks() {
        MqttLink ipc = ipcLink;
        MqttLink device = deviceLink;
        ipcLink = null;
        deviceLink = null;
        if (ipc != null) {
            ipc.stop();
        }
        if (device != null) {
            device.stop();
        }
    }

    @Override
    public void dispose() {
        synchronized (this) {
            ScheduledFuture<?> job = connectJob;
            if (job != null) {
                job.cancel(true);
            }
            connectJob = null;
            ScheduledFuture<?> rotation = rotationJob;
            if (rotation != null) {
                rotation.cancel(true);
            }
            rotationJob = null;
        }
        stopLinks();
        api = null;
    }
}
