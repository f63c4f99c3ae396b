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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLink;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLinkStatusListener;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartApiException.Kind;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartRegion;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartWebClient;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public class SmartAccountBridgeHandler extends AbstractAccountBridgeHandler implements MqttLinkStatusListener {
    static final String PROPERTY_USER_ID = "userId";
    /** A refused sign-in is tried again after this, doubling up to {@link #MAX_REFUSED_RETRY}. */
    static final Duration REFUSED_RETRY = Duration.ofMinutes(30);
    static final Duration MAX_REFUSED_RETRY = Duration.ofHours(12);
    /** Other failures are tried again after 30 s, doubling up to half an hour. */
    private static final Duration FIRST_NETWORK_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_NETWORK_RETRY = Duration.ofMinutes(30);

    private final Logger logger = LoggerFactory.getLogger(SmartAccountBridgeHandler.class);
    private final HttpClient httpClient;
    private final Clock clock;
    /** Local keys from the WebRTC configurations (the web API's device lists carry none). */
    private final Map<String, String> localKeys = new ConcurrentHashMap<>();

    private final HandlerLife life = new HandlerLife(this, scheduler, this::connect);
    private volatile @Nullable SmartWebClient client;
    private @Nullable ScheduledFuture<?> renewJob;

    public SmartAccountBridgeHandler(Bridge bridge, HttpClient httpClient, Clock clock) {
        super(bridge, clock);
        this.httpClient = httpClient;
        this.clock = clock;
    }

    @Override
    public void initialize() {
        life.begin();
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
        startCaptureAndRotation(config.captureCalls);
        updateStatus(ThingStatus.UNKNOWN);
        life.connectIn(Duration.ZERO);
    }

    /** Signs in and opens the MQTT link of the web client; nothing once disposed meanwhile. */
    private void connect(int current) {
        SmartWebClient web = client;
        if (web == null) {
            return;
        }
        try {
            web.login();
        } catch (SmartApiException e) {
            signInFailed(current, e);
            return;
        }
        synchronized (this) {
            if (!life.isCurrent(current)) {
                web.logout(); // disposed while signing in: the session is not kept
                return;
            }
            life.connected();
            updateProperty(PROPERTY_USER_ID, web.uid());
            scheduleRenewal(current, web);
            stopIpcLink();
            MqttLink ipc = new MqttLink("web", web::mqttAccess, this::onIpcMessage, this, linkPool(), clock);
            useIpcLink(ipc);
            ipc.start();
        }
    }

    /** Signs in anew shortly before the session ends; the MQTT link then takes new access when its own ends. */
    private synchronized void scheduleRenewal(int current, SmartWebClient web) {
        cancel(renewJob);
        long delay = Math.max(1000, Duration.between(clock.instant(), web.renewAt()).toMillis());
        renewJob = scheduler.schedule(() -> renewSession(current), delay, TimeUnit.MILLISECONDS);
    }

    private void renewSession(int current) {
        SmartWebClient web = client;
        if (web == null) {
            return;
        }
        try {
            web.login();
            logger.debug("Tuya Smart session renewed until {}", web.sessionExpiresAt());
            synchronized (this) {
                if (life.isCurrent(current)) {
                    scheduleRenewal(current, web);
                } else {
                    web.logout();
                }
            }
        } catch (SmartApiException e) {
            synchronized (this) {
                if (life.isCurrent(current)) {
                    stopIpcLink();
                }
            }
            signInFailed(current, e);
        }
    }

    private void signInFailed(int current, SmartApiException e) {
        logger.debug("Tuya Smart sign-in: {}", LogText.safe(e.getMessage()));
        String detail = LogText.safe(e.getMessage()).replace("\"", "'");
        Kind kind = e.kind();
        synchronized (this) {
            if (!life.isCurrent(current)) {
                return;
            }
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
                    long minutes = life.retryAfterFailure(current, REFUSED_RETRY, MAX_REFUSED_RETRY).toMinutes();
                    updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                            "@text/offline.smart.refused [\"" + detail + "\", \"" + minutes + "\"]");
                }
                default -> {
                    life.retryAfterFailure(current, FIRST_NETWORK_RETRY, MAX_NETWORK_RETRY);
                    updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                            "@text/" + (kind == Kind.NETWORK ? "offline.smart.network" : "offline.smart.error") + " [\""
                                    + detail + "\"]");
                }
            }
        }
    }

    @Override
    @SuppressWarnings("PMD.CompareObjectsWithEquals") // identity: the link of this life
    public synchronized void linkUp(MqttLink link) {
        if (link == ipcLink()) {
            updateStatus(ThingStatus.ONLINE);
        }
    }

    @Override
    @SuppressWarnings("PMD.CompareObjectsWithEquals") // identity: the link of this life
    public synchronized void linkDown(MqttLink link, String reason, @Nullable TuyaApiException cloudError) {
        if (link != ipcLink()) {
            return; // a link stopped meanwhile
        }
        if (cloudError instanceof SmartApiException smart && smart.kind() != Kind.NETWORK
                && smart.kind() != Kind.OTHER) {
            stopIpcLink();
            signInFailed(life.current(), smart);
        } else if (cloudError != null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    "@text/offline.smart.error [\"" + LogText.safe(cloudError.getMessage()).replace("\"", "'") + "\"]");
        } else {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "@text/offline.mqtt.down [\""
                    + link.name() + "\", \"" + LogText.safe(reason).replace("\"", "'") + "\"]");
        }
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

    private static void cancel(@Nullable ScheduledFuture<?> job) {
        if (job != null) {
            job.cancel(false);
        }
    }

    @Override
    protected String configuredCallTargetId() {
        return getConfigAs(SmartAccountConfiguration.class).callTargetId;
    }

    @Override
    public void dispose() {
        synchronized (this) {
            life.end();
            cancel(renewJob);
            renewJob = null;
            stopRotationAndIpcLink();
            // no logout here: a sign-in under way would hold dispose() up; the session's cookies go with the client,
            // and a sign-in that ends after this logs out itself
            client = null;
        }
    }
}
