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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.Notice;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.Phase;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.View;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLink;
import org.openhab.binding.tuyaintercom.internal.tuya.mqtt.MqttLinkStatusListener;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartApiException.Kind;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartRegion;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartWebClient;
import org.openhab.core.config.core.Configuration;
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
 * Signed in by QR code instead ({@code signIn=qr}), it offers the sign-in page {@code /tuyaintercom/signin/<bridge
 * UID>?k=<signInKey>} (see {@link QrSignIn}), keeps the session in its configuration ({@code session}, so that a
 * restart keeps it), renews it with a request of the session before it ends, and shows a new code when it ended.
 * <p>
 * Not available with this account type: the lock command and encrypted snapshots (no public web API is known), and
 * data point reports (the web client has no device message link).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class SmartAccountBridgeHandler extends AbstractAccountBridgeHandler
        implements MqttLinkStatusListener, SignInEndpoint, QrSignIn.Listener {
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
    private final PanelDirectory directory;
    /** Local keys from the WebRTC configurations (the web API's device lists carry none). */
    private final Map<String, String> localKeys = new ConcurrentHashMap<>();

    private final HandlerLife life = new HandlerLife(this, scheduler, this::connect);
    private volatile @Nullable SmartWebClient client;
    private @Nullable ScheduledFuture<?> renewJob;
    /** Renewals in a row that could not reach the cloud (see {@link #retryRenewal}). */
    private int renewalFailures;
    /** Signing in by QR code (this life); the running code's sign-in, if any. */
    private volatile boolean qr;
    private volatile String signInKey = "";
    /** Written under this handler's lock; read without it by {@link #view()}, which must never wait. */
    private volatile @Nullable QrSignIn qrSignIn;

    public SmartAccountBridgeHandler(Bridge bridge, HttpClient httpClient, Clock clock, PanelDirectory directory) {
        super(bridge, clock);
        this.httpClient = httpClient;
        this.clock = clock;
        this.directory = directory;
    }

    @Override
    public void initialize() {
        life.begin();
        SmartAccountConfiguration config = getConfigAs(SmartAccountConfiguration.class);
        qr = SmartAccountConfiguration.SIGN_IN_QR.equals(config.signIn.trim());
        if (qr) {
            initializeQr(config);
            return;
        }
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

    /** QR sign-in: the page's key, the kept session if it is still valid, else a code to scan. */
    private void initializeQr(SmartAccountConfiguration config) {
        SmartRegion region = SmartRegion.of(config.region);
        if (region == null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.smart.unknown-region");
            return;
        }
        signInKey = config.signInKey.trim();
        if (signInKey.isEmpty()) {
            signInKey = newSignInKey();
            Configuration configuration = editConfiguration();
            configuration.put("signInKey", signInKey);
            try {
                updateConfiguration(configuration);
            } catch (RuntimeException e) {
                // a thing of a .things file: the user sets the key there
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                        "@text/offline.smart.qr-key-missing");
                return;
            }
        }
        String baseUrl = config.baseUrl.isBlank() ? region.baseUrl() : config.baseUrl.trim();
        SmartWebClient web = new SmartWebClient(baseUrl, region.countryCode(), "", "", httpClient, clock);
        client = web;
        startCaptureAndRotation(config.captureCalls);
        directory.registerSignIn(getThing().getUID().getAsString(), this);
        if (!config.session.isEmpty() && web.restoreSession(config.session)) {
            updateStatus(ThingStatus.UNKNOWN);
            life.connectIn(Duration.ZERO);
        } else {
            showQrCode(life.current(), Notice.NONE);
        }
    }

    private static String newSignInKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Where the sign-in page is, without its key (for status texts). */
    private String signInPath() {
        return TuyaIntercomBindingConstants.SERVLET_PATH + "/signin/" + getThing().getUID().getAsString();
    }

    /** Starts a sign-in by QR code (a new code), e.g. after the session ended. */
    private void showQrCode(int current, Notice why) {
        SmartWebClient web = client;
        synchronized (this) {
            if (web == null || !life.isCurrent(current)) {
                return;
            }
            stopQrSignIn();
            QrSignIn signIn = new QrSignIn(web, scheduler, clock, why, this);
            signIn.start(); // before view() can see it: it reads qrSignIn without this lock
            qrSignIn = signIn;
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, qrStatus(Phase.PREPARING, why));
        }
    }

    private String qrStatus(Phase phase, Notice notice) {
        String text = switch (phase) {
            case SCANNED -> "@text/offline.smart.qr-scanned";
            default -> switch (notice) {
                    case EXPIRED -> "@text/offline.smart.qr-expired";
                    case REFUSED -> "@text/offline.smart.qr-refused";
                    case CANCELLED -> "@text/offline.smart.qr-cancelled";
                    case SESSION_ENDED -> "@text/offline.smart.qr-session-ended";
                    case NONE -> "@text/offline.smart.qr-needed";
                };
        };
        return text + " [\"" + signInPath() + "\"]";
    }

    private synchronized void stopQrSignIn() {
        QrSignIn running = qrSignIn;
        qrSignIn = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    @SuppressWarnings("PMD.CompareObjectsWithEquals") // identity: the sign-in of this life
    public void qrSignedIn(QrSignIn signIn) {
        SmartWebClient web = client;
        synchronized (this) {
            if (signIn != qrSignIn || web == null) {
                return;
            }
            qrSignIn = null;
            keepSession(web);
            openLink(life.current(), web);
        }
    }

    @Override
    @SuppressWarnings("PMD.CompareObjectsWithEquals") // identity: the sign-in of this life
    public synchronized void qrProgress(QrSignIn signIn, Phase phase, Notice notice) {
        if (signIn == qrSignIn) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_PENDING, qrStatus(phase, notice));
        }
    }

    @Override
    @SuppressWarnings("PMD.CompareObjectsWithEquals") // identity: the sign-in of this life
    public synchronized void qrFailed(QrSignIn signIn, String detail) {
        if (signIn == qrSignIn) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    "@text/offline.smart.qr-failed [\"" + signInPath() + "\", \"" + detail.replace("\"", "'") + "\"]");
        }
    }

    /** Keeps the session in the configuration, so that a restart keeps it (never logged). */
    private void keepSession(SmartWebClient web) {
        String state = web.sessionState();
        if (state.equals(getConfigAs(SmartAccountConfiguration.class).session)) {
            return;
        }
        Configuration configuration = editConfiguration();
        configuration.put("session", state);
        try {
            updateConfiguration(configuration);
        } catch (RuntimeException e) {
            // a thing of a .things file: the session lasts until openHAB restarts
            logger.debug("The Tuya Smart session cannot be kept in the configuration: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** The session of the QR sign-in ended: forgotten, and a new code is shown. */
    private void sessionEnded(int current) {
        SmartWebClient web = client;
        synchronized (this) {
            if (web == null || !life.isCurrent(current)) {
                return;
            }
            cancel(renewJob);
            renewJob = null;
            stopIpcLink();
            web.logout();
            keepSession(web);
        }
        showQrCode(current, Notice.SESSION_ENDED);
    }

    // ------------------------------------------------------------------------------------------- SignInEndpoint

    @Override
    public boolean allowsKey(@Nullable String key) {
        String expected = signInKey;
        return qr && key != null && !key.isEmpty() && !expected.isEmpty() && MessageDigest
                .isEqual(key.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** For the sign-in page, on the web server's threads: takes no lock of this handler and waits for no request. */
    @Override
    public View view() {
        QrSignIn signIn = qrSignIn;
        if (signIn != null) {
            return signIn.view();
        }
        return new View(isReady() ? Phase.SIGNED_IN : Phase.PREPARING, Notice.NONE, "");
    }

    /**
     * Signs in (with the password, or the kept session of the QR sign-in) and opens the MQTT link of the web client.
     */
    private void connect(int current) {
        SmartWebClient web = client;
        if (web == null) {
            return;
        }
        if (qr) {
            if (web.signedIn()) {
                synchronized (this) {
                    openLink(current, web);
                }
            } else {
                sessionEnded(current);
            }
            return;
        }
        try {
            web.login();
        } catch (SmartApiException e) {
            signInFailed(current, e);
            return;
        }
        synchronized (this) {
            openLink(current, web);
        }
    }

    /** Signed in: the uid, the session's renewal and the MQTT link; nothing once disposed meanwhile. */
    private void openLink(int current, SmartWebClient web) {
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

    /** Signs in anew shortly before the session ends; the MQTT link then takes new access of the new session. */
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
        if (qr) {
            renewQrSession(current, web);
            return;
        }
        try {
            web.login();
            logger.debug("Tuya Smart session renewed until {}", web.sessionExpiresAt());
            synchronized (this) {
                renewalFailures = 0;
                if (life.isCurrent(current)) {
                    scheduleRenewal(current, web);
                    renewLinkAccess();
                } else {
                    web.logout();
                }
            }
        } catch (SmartApiException e) {
            if (SmartWebClient.isTransient(e) && web.signedIn()) {
                retryRenewal(current, web, e);
                return;
            }
            synchronized (this) {
                if (life.isCurrent(current)) {
                    stopIpcLink();
                }
            }
            signInFailed(current, e);
        }
    }

    /**
     * A renewal that could not reach the cloud while the session still lasts: the session and its MQTT link go on
     * serving (the bridge stays online) and the renewal is tried again, after 30 s doubling, but at the latest half-way
     * to the session's end. Once it has ended, a failed renewal takes the bridge offline as a failed sign-in does.
     */
    private synchronized void retryRenewal(int current, SmartWebClient web, SmartApiException e) {
        if (!life.isCurrent(current)) {
            return;
        }
        long left = Duration.between(clock.instant(), web.sessionExpiresAt()).toMillis();
        long backoff = FIRST_NETWORK_RETRY.toMillis() << Math.min(renewalFailures, 6);
        renewalFailures++;
        long delay = Math.max(1000, Math.min(backoff, left / 2));
        logger.debug("Tuya Smart session renewal failed ({}); the session serves until {}, trying again in {} s",
                LogText.safe(e.getMessage()), web.sessionExpiresAt(), delay / 1000);
        cancel(renewJob);
        renewJob = scheduler.schedule(() -> renewSession(current), delay, TimeUnit.MILLISECONDS);
    }

    /**
     * A session of the QR sign-in has no password to sign in again: a request of the session, whose answer may renew
     * the cookies; if it does not, the session ends at its time and a new code is shown then.
     */
    private void renewQrSession(int current, SmartWebClient web) {
        boolean renewed;
        try {
            renewed = web.refreshSession();
        } catch (SmartApiException e) {
            if (SmartWebClient.isTransient(e) && web.signedIn()) {
                retryRenewal(current, web, e);
                return;
            }
            signInFailed(current, e);
            return;
        }
        synchronized (this) {
            if (!life.isCurrent(current)) {
                return;
            }
            if (renewed) {
                renewalFailures = 0;
                logger.debug("Tuya Smart session renewed until {}", web.sessionExpiresAt());
                keepSession(web);
                scheduleRenewal(current, web);
                renewLinkAccess();
            } else {
                long left = Math.max(0, Duration.between(clock.instant(), web.sessionExpiresAt()).toMillis());
                renewJob = scheduler.schedule(() -> sessionEnded(current), left, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * The MQTT credential of the web client is the session's: a renewed session gets the link new access at once,
     * while the old session (and its credential) still lasts, so the link never waits for its credential to end.
     */
    private void renewLinkAccess() {
        MqttLink link = ipcLink();
        if (link != null) {
            link.renewAccess();
        }
    }

    private void signInFailed(int current, SmartApiException e) {
        if (qr && e.kind() == Kind.SESSION) {
            logger.debug("Tuya Smart session: {}", LogText.safe(e.getMessage()));
            sessionEnded(current);
            return;
        }
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

    /** Signed in: the web client's requests need its session. */
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
            renewalFailures = 0;
            stopRotationAndIpcLink();
            stopQrSignIn();
            directory.unregisterSignIn(getThing().getUID().getAsString(), this);
            // no logout here: a sign-in under way would hold dispose() up; the session's cookies go with the client,
            // and a sign-in that ends after this logs out itself
            client = null;
        }
    }
}
