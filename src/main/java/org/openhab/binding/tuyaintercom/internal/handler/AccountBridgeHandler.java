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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.tuyaintercom.internal.LogText;
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
    /** Network failures back off from 1 s up to a minute. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofMinutes(1);
    private static final Duration CONFIGURATION_RETRY = Duration.ofMinutes(5);

    private final Logger logger = LoggerFactory.getLogger(AccountBridgeHandler.class);
    private final HttpClient httpClient;
    private final Clock clock;
    private final HandlerLife life = new HandlerLife(this, scheduler, this::connect);

    private volatile @Nullable OpenApiClient api;
    private volatile @Nullable MqttLink deviceLink;
    private volatile String userId = "";

    public AccountBridgeHandler(Bridge bridge, HttpClient httpClient, Clock clock) {
        super(bridge, clock);
        this.httpClient = httpClient;
        this.clock = clock;
    }

    @Override
    public void initialize() {
        life.begin();
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
        updateStatus(ThingStatus.UNKNOWN);
        life.connectIn(Duration.ZERO);
    }

    static String baseUrl(AccountConfiguration config) {
        TuyaDataCenter center = TuyaDataCenter.of(config.dataCenter);
        if (center == null || center == TuyaDataCenter.CUSTOM || !config.baseUrl.isBlank()) {
            return config.baseUrl.trim();
        }
        return center.baseUrl();
    }

    /** Signs in (an access token, the user id), then starts both MQTT links; nothing once disposed meanwhile. */
    private void connect(int current) {
        OpenApiClient client = api;
        if (client == null) {
            return;
        }
        AccountConfiguration config = getConfigAs(AccountConfiguration.class);
        String uid;
        try {
            client.token();
            uid = resolveUserId(client, config);
        } catch (TuyaApiException e) {
            cloudFailed(current, e);
            return;
        }
        synchronized (this) {
            if (!life.isCurrent(current)) {
                return;
            }
            if (uid.isEmpty()) {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING,
                        "@text/offline.config.user-id-needed");
                return;
            }
            userId = uid;
            updateProperty(PROPERTY_USER_ID, uid);
            life.connected();
            String linkId = config.linkId;
            stopLinks();
            MqttLink ipc = new MqttLink("ipc", () -> client.mqttAccessConfig(userId, linkId + "-ipc", "ipc", "1.0"),
                    this::onIpcMessage, this, linkPool(), clock);
            MqttLink device = new MqttLink("device",
                    () -> client.mqttAccessConfig(userId, linkId + "-dev", "device", DEVICE_MESSAGE_VERSION),
                    this::onDeviceMessage, this, linkPool(), clock);
            useIpcLink(ipc);
            deviceLink = device;
            ipc.start();
            device.start();
        }
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

    private void cloudFailed(int current, TuyaApiException e) {
        logger.debug("Tuya cloud: {}", LogText.safe(e.getMessage()));
        synchronized (this) {
            if (!life.isCurrent(current)) {
                return;
            }
            updateStatus(ThingStatus.OFFLINE, CloudStatus.detail(e), CloudStatus.description(e));
            if (e.failure().isConfigurationError()) {
                life.retryIn(current, CONFIGURATION_RETRY);
            } else {
                life.retryAfterFailure(current, FIRST_RETRY, MAX_RETRY);
            }
        }
    }

    @Override
    @SuppressWarnings("PMD.CompareObjectsWithEquals") // identity: a link of this life
    public synchronized void linkUp(MqttLink link) {
        MqttLink ipc = ipcLink();
        MqttLink device = deviceLink;
        if (ipc != null && device != null && (link == ipc || link == device) && ipc.isConnected()
                && device.isConnected()) {
            updateStatus(ThingStatus.ONLINE);
        }
    }

    @Override
    @SuppressWarnings("PMD.CompareObjectsWithEquals") // identity: a link of this life
    public synchronized void linkDown(MqttLink link, String reason, @Nullable TuyaApiException cloudError) {
        if (link != ipcLink() && link != deviceLink) {
            return; // a link stopped meanwhile
        }
        if (cloudError != null) {
            updateStatus(ThingStatus.OFFLINE, CloudStatus.detail(cloudError), CloudStatus.description(cloudError));
        } else {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "@text/offline.mqtt.down [\""
                    + link.name() + "\", \"" + LogText.safe(reason).replace("\"", "'") + "\"]");
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
            logger.trace("Device message for unknown device '{}'", LogText.safe(deviceId));
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

    /** Configured: the OpenAPI client fetches and refreshes its token with each request as needed. */
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
            life.end();
            stopRotationAndIpcLink();
            stopLinks();
            api = null;
        }
    }
}
