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

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
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
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
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
public class AccountBridgeHandler extends AbstractAccountBridgeHandler implements MqttLinkStatusListener {
    static final String PROPERTY_USER_ID = "userId";
    static final String DEVICE_MESSAGE_VERSION = "2.0";
    private static final int MAX_RETRY_SECONDS = 60;
    private static final int CONFIGURATION_RETRY_SECONDS = 300;

    private final Logger logger = LoggerFactory.getLogger(AccountBridgeHandler.class);
    private final HttpClient httpClient;
    private final Clock clock;

    private @Nullable OpenApiClient api;
    private @Nullable MqttLink deviceLink;
    private @Nullable ScheduledFuture<?> connectJob;
    private volatile String userId = "";
    private int connectFailures;

    public AccountBridgeHandler(Bridge bridge, HttpClient httpClient, Clock clock) {
        super(bridge, clock);
        this.httpClient = httpClient;
        this.clock = clock;
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
        startCaptureAndRotation(config.captureCalls);
        connectFailures = 0;
        updateStatus(ThingStatus.UNKNOWN);
        scheduleConnect(0);
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
        useIpcLink(ipc);
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
        MqttLink ipc = ipcLink();
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

    void onDeviceMessage(String topic, byte[] payload, MqttAccessConfig access) {
        MqttLink link = deviceLink;
        JsonNode data;
        int protocol;
        long messageTime;
        try {
            JsonNode message = TuyaJson.parse(new String(payload, StandardCharsets.UTF_8));
            protocol = message.path("protocol").asInt(-1);
            messageTime = message.path("t").asLong(0);
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
        if (capture().isActive()) {
            capture().note("device-message",
                    TuyaJson.object().put("topic", topic).put("protocol", protocol).set("data", data));
        }
        DeviceMessageListener listener = router().listener(deviceId);
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
            } else {
                listener.onDeviceNotice(protocol, data, messageTime);
            }
        } else if (protocol == 43) {
            listener.onDeviceNotice(protocol, data, messageTime);
        }
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

    private void stopLinks() {
        MqttLink device = deviceLink;
        deviceLink = null;
        stopIpcLink();
        if (device != null) {
            device.stop();
        }
    }

    @Override
    protected String configuredCallTargetId() {
        return getConfigAs(AccountConfiguration.class).callTargetId;
    }

    @Override
    public void dispose() {
        synchronized (this) {
            ScheduledFuture<?> job = connectJob;
            if (job != null) {
                job.cancel(true);
            }
            connectJob = null;
        }
        stopRotationAndIpcLink();
        stopLinks();
        api = null;
    }
}
