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
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openhab.binding.tuyaintercom.internal.diagnostics.CallCapture;
import org.openhab.binding.tuyaintercom.internal.discovery.PanelDiscoveryService;
import org.openhab.binding.tuyaintercom.internal.intercom.LinkSigner;
import org.openhab.binding.tuyaintercom.internal.intercom.LogText;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLink;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLinkStatusListener;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartApiException.Kind;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartRegion;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartWebClient;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Tuya Smart app account signed in through Tuya's web client for cameras: no developer cloud project. Gives the
 * panels their WebRTC configuration ({@code jarvis/config}) and one MQTT link of the web client
 * ({@code /av/u/<msid>}) for the 302/308/312 signalling. Signs in at start, again before the session ends, and once
 * more on a session error; a wrong password, an unknown or Smart Life account stop it until the configuration changes,
 * a refused sign-in (captcha, too many tries) backs off for a long time, so the binding never locks the account.
 * <p>
 * Not available with this account type: the lock command and encrypted snapshots (no public web API is known), and
 * data point reports (the web client has no device message link).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class SmartAccountBridgeHandler extends BaseBridgeHandler implements TuyaAccount, MqttLinkStatusListener {
    static final String PROPERTY_USER_ID = "userId";
    /** A refused sign-in is tried again after this, doubling up to {@link #MAX_REFUSED_RETRY}. */
    static final Duration REFUSED_RETRY = Duration.ofMinutes(30);
    static final Duration MAX_REFUSED_RETRY = Duration.ofHours(12);
    private static final int MAX_NETWORK_RETRY_SECONDS = 1800;

    private final Logger logger = LoggerFactory.getLogger(SmartAccountBridgeHandler.class);
    private final HttpClient httpClient;
    private final Clock clock;
    private final LinkSigner signer;
    private final CallCapture capture;
    private final SignallingRouter router = new SignallingRouter();
    /** Local keys from the WebRTC configurations (the web API's device lists carry none). */
    private final Map<String, String> localKeys = new ConcurrentHashMap<>();

    private @Nullable SmartWebClient client;
    private @Nullable MqttLink ipcLink;
    private @Nullable ScheduledFuture<?> connectJob;
    private @Nullable ScheduledFuture<?> renewJob;
    private @Nullable ScheduledFuture<?> rotationJob;
    private int failures;

    public SmartAccountBridgeHandler(Bridge bridge, HttpClient httpClient, Clock clock) {
        super(bridge);
        this.httpClient = httpClient;
        this.clock = clock;
        this.signer = new LinkSigner(clock);
        this.capture = new CallCapture(CallCapture.defaultFolder(), clock);
    }

    @Override
    public void initialize() {
        SmartAccountConfiguration config = getConfigAs(SmartAccountConfiguration.class);
        if (config.username.isBlank() || config.password.isEmpty()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.smart.missing-credentials");
            return;
        }
        SmartRegion region = SmartRegion.of(config.region);
        if (region == null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.smart.unknown-region");
            return;
        }
        String baseUrl = config.baseUrl.isBlank() ? region.baseUrl() : config.baseUrl.trim();
        client = new SmartWebClient(baseUrl, region.countryCode(), config.username, config.password, httpClient, clock);
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
        failures = 0;
        updateStatus(ThingStatus.UNKNOWN);
        scheduleConnect(0);
        rotationJob = scheduler.scheduleWithFixedDelay(signer::rotate, AccountBridgeHandler.SECRET_ROTATION_HOURS,
                AccountBridgeHandler.SECRET_ROTATION_HOURS, TimeUnit.HOURS);
    }

    private synchronized void scheduleConnect(long delaySeconds) {
        cancel(connectJob);
        connectJob = scheduler.schedule(this::connect, delaySeconds, TimeUnit.SECONDS);
    }

    /** Signs in and opens the MQTT link of the web client. */
    private void connect() {
        SmartWebClient web = client;
        if (web == null) {
            return;
        }
        try {
            web.login();
        } catch (SmartApiException e) {
            signInFailed(e);
            return;
        }
        failures = 0;
        updateProperty(PROPERTY_USER_ID, web.uid());
        scheduleRenewal(web);
        stopLink();
        MqttLink ipc = new MqttLink("web", web::mqttAccess, this::onIpcMessage, this, scheduler, clock);
        ipcLink = ipc;
        ipc.start();
    }

    /** Signs in anew shortly before the session ends; the MQTT link then takes new access when its own ends. */
    private synchronized void scheduleRenewal(SmartWebClient web) {
        cancel(renewJob);
        long delay = Math.max(1000, Duration.between(clock.instant(), web.renewAt()).toMillis());
        renewJob = scheduler.schedule(this::renewSession, delay, TimeUnit.MILLISECONDS);
    }

    private void renewSession() {
        SmartWebClient web = client;
        if (web == null) {
            return;
        }
        try {
            web.login();
            logger.debug("Tuya Smart session renewed until {}", web.sessionExpiresAt());
            scheduleRenewal(web);
        } catch (SmartApiException e) {
            stopLink();
            signInFailed(e);
        }
    }

    private void signInFailed(SmartApiException e) {
        logger.debug("Tuya Smart sign-in: {}", LogText.safe(e.getMessage()));
        String detail = String.valueOf(e.getMessage()).replace("\"", "'");
        Kind kind = e.kind();
        switch (kind) {
            case WRONG_PASSWORD, UNKNOWN_ACCOUNT, SMART_LIFE -> {
                // only the user can fix it: trying again with the same credentials could lock the account
                String key = switch (kind) {
                    case WRONG_PASSWORD -> "offline.smart.wrong-password";
                    case UNKNOWN_ACCOUNT -> "offline.smart.unknown-account";
                    default -> "offline.smart.smart-life";
                };
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, "@text/" + key);
            }
            case REFUSED -> {
                failures++;
                long minutes = Math.min(MAX_REFUSED_RETRY.toMinutes(),
                        REFUSED_RETRY.toMinutes() << Math.min(failures - 1, 5));
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                        "@text/offline.smart.refused [\"" + detail + "\", \"" + minutes + "\"]");
                scheduleConnect(minutes * 60);
            }
            default -> {
                failures++;
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                        "@text/" + (kind == Kind.NETWORK ? "offline.smart.network" : "offline.smart.error") + " [\""
                                + detail + "\"]");
                scheduleConnect(Math.min(MAX_NETWORK_RETRY_SECONDS, 30L << Math.min(failures - 1, 6)));
            }
        }
    }

    @Override
    public void linkUp(MqttLink link) {
        updateStatus(ThingStatus.ONLINE);
    }

    @Override
    public void linkDown(MqttLink link, String reason, @Nullable TuyaApiException cloudError) {
        if (cloudError instanceof SmartApiException smart && smart.kind() != Kind.NETWORK
                && smart.kind() != Kind.OTHER) {
            stopLink();
            signInFailed(smart);
        } else if (cloudError != null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "@text/offline.smart.error [\""
                    + String.valueOf(cloudError.getMessage()).replace("\"", "'") + "\"]");
        } else {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    "@text/offline.mqtt.down [\"" + link.name() + "\", \"" + reason.replace("\"", "'") + "\"]");
        }
    }

    private void onIpcMessage(String topic, byte[] payload, MqttAccessConfig access) {
        capture.message("in", topic, payload);
        router.onIpcMessage(topic, payload);
    }

    // ------------------------------------------------------------------------------------------- TuyaAccount

    private SmartWebClient web() throws TuyaApiException {
        SmartWebClient web = client;
        if (web == null) {
            throw new SmartApiException(Kind.NETWORK, "the account is not configured");
        }
        return web;
    }

    @Override
    public boolean isReady() {
        SmartWebClient web = client;
        return web != null && web.signedIn();
    }

    @Override
    public List<DeviceInfo> devices() throws TuyaApiException {
        return web().devices();
    }

    @Override
    public DeviceInfo device(String deviceId) throws TuyaApiException {
        if (!localKeys.containsKey(deviceId)) {
            webRtcConfig(deviceId); // the local key comes with the WebRTC configuration only
        }
        for (DeviceInfo device : web().devices()) {
            if (device.id().equals(deviceId)) {
                String key = localKeys.getOrDefault(deviceId, "");
                return new DeviceInfo(device.id(), device.name(), device.category(), device.productId(),
                        device.productName(), device.online(), device.ownerUid(), key, device.status(),
                        device.gatewayId());
            }
        }
        throw new SmartApiException(Kind.OTHER, "the device is not in the homes of this account");
    }

    @Override
    public WebRtcConfig webRtcConfig(String deviceId) throws TuyaApiException {
        SmartWebClient.DeviceWebRtc fetched = web().webRtcConfig(deviceId);
        if (!fetched.localKey().isEmpty()) {
            localKeys.put(deviceId, fetched.localKey());
        }
        return fetched.config();
    }

    @Override
    public void sendCommand(String deviceId, String code, Object value) throws TuyaApiException {
        throw new SmartApiException(Kind.OTHER, "data point commands are not available with a Tuya Smart account");
    }

    @Override
    public String snapshotUrl(String deviceId, String bucket, String filePath) throws TuyaApiException {
        throw new SmartApiException(Kind.OTHER, "snapshots are not available with a Tuya Smart account");
    }

    @Override
    public LinkSigner signer() {
        return signer;
    }

    @Override
    public String mqttUid() {
        MqttLink link = ipcLink;
        MqttAccessConfig access = link == null ? null : link.access();
        return access == null ? "" : access.mqttUid();
    }

    @Override
    public String callTargetId() {
        String configured = getConfigAs(SmartAccountConfiguration.class).callTargetId.trim();
        return configured.isEmpty() ? mqttUid() : configured;
    }

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

    @Override
    public void callEnded() {
        Path done = capture.callEnded();
        if (done != null) {
            logger.info("The capture of Tuya call messages is complete: {} (set captureCalls to 0)", done);
        }
    }

    @Override
    public void captureNote(String event, JsonNode details) {
        capture.note(event, details);
    }

    /** The session's sign-ins so far (for tests). */
    public int logins() {
        SmartWebClient web = client;
        return web == null ? 0 : web.logins();
    }

    /** When the current session ends (for tests). */
    public Instant sessionExpiresAt() {
        SmartWebClient web = client;
        return web == null ? Instant.MIN : web.sessionExpiresAt();
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return Set.of(PanelDiscoveryService.class);
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        // the bridge has no channels
    }

    private void stopLink() {
        MqttLink link = ipcLink;
        ipcLink = null;
        if (link != null) {
            link.stop();
        }
    }

    private static void cancel(@Nullable ScheduledFuture<?> job) {
        if (job != null) {
            job.cancel(false);
        }
    }

    @Override
    public void dispose() {
        synchronized (this) {
            cancel(connectJob);
            connectJob = null;
            cancel(renewJob);
            renewJob = null;
            cancel(rotationJob);
            rotationJob = null;
        }
        stopLink();
        SmartWebClient web = client;
        client = null;
        if (web != null) {
            web.logout();
        }
    }
}
