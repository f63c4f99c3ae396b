/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
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
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.action.TuyaIntercomActions;
import org.openhab.binding.tuyaintercom.internal.call.Call;
import org.openhab.binding.tuyaintercom.internal.call.CallEngine;
import org.openhab.binding.tuyaintercom.internal.call.CallError;
import org.openhab.binding.tuyaintercom.internal.call.CallHistory;
import org.openhab.binding.tuyaintercom.internal.call.CallListener;
import org.openhab.binding.tuyaintercom.internal.call.CallMessage;
import org.openhab.binding.tuyaintercom.internal.call.CallOutcome;
import org.openhab.binding.tuyaintercom.internal.call.CallResult;
import org.openhab.binding.tuyaintercom.internal.call.CallSettings;
import org.openhab.binding.tuyaintercom.internal.call.CallState;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.IceServer;
import org.openhab.binding.tuyaintercom.internal.tuya.api.OpenApiClient;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.events.DoorbellEventParser;
import org.openhab.binding.tuyaintercom.internal.tuya.events.DoorbellPress;
import org.openhab.binding.tuyaintercom.internal.tuya.events.PictureRef;
import org.openhab.binding.tuyaintercom.internal.tuya.events.SnapshotFetcher;
import org.openhab.binding.tuyaintercom.internal.tuya.signalling.RtcCallCodec;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.WebRtcSignalling;
import org.openhab.binding.tuyaintercom.internal.web.CallStateBoard;
import org.openhab.binding.tuyaintercom.internal.web.LinkSigner;
import org.openhab.binding.tuyaintercom.internal.web.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.web.WebPanel;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.RawType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One video intercom panel: maps its {@link CallEngine} to channels, triggers, commands and actions, and feeds the
 * engine with the panel's 308 call signalling and doorbell data points arriving through the account bridge.
 */
@NonNullByDefault
public class PanelHandler extends BaseThingHandler implements DeviceMessageListener, CallListener, WebPanel {
    static final Duration PRESS_DEDUPLICATION = Duration.ofSeconds(5);
    private static final int CONFIGURATION_RETRY_SECONDS = 300;
    private static final int COMMUNICATION_RETRY_SECONDS = 30;
    /** Links in the url channels are valid this long and re-signed every {@link #LINK_REFRESH}. */
    static final Duration LINK_VALIDITY = Duration.ofHours(24);
    static final Duration LINK_REFRESH = Duration.ofHours(6);

    private final Logger logger = LoggerFactory.getLogger(PanelHandler.class);
    private final Clock clock;
    private final SnapshotFetcher snapshots;
    private final PanelDirectory directory;
    private final CallStateBoard board = new CallStateBoard();

    private PanelConfiguration config = new PanelConfiguration();
    private DoorbellEventParser doorbellParser = new DoorbellEventParser("");
    private CallHistory history = new CallHistory(20);
    private @Nullable CallEngine engine;
    private @Nullable AccountBridgeHandler account;
    private volatile String motoId = "";
    private volatile @Nullable WebRtcConfig webrtc;
    private volatile String localKey = "";
    private volatile @Nullable MediaRelay relay;
    private volatile @Nullable String callMediaId;
    private @Nullable ScheduledFuture<?> housekeepingJob;
    private @Nullable ScheduledFuture<?> linkJob;
    private @Nullable ScheduledFuture<?> connectJob;
    private @Nullable ScheduledFuture<?> unlockOffJob;
    private @Nullable Call shownCall;
    private CallState shownState = CallState.IDLE;
    private @Nullable String shownSession;
    private Instant lastPress = Instant.MIN;

    public PanelHandler(Thing thing, HttpClient httpClient, Clock clock, PanelDirectory directory) {
        super(thing);
        this.clock = clock;
        this.snapshots = new SnapshotFetcher(httpClient);
        this.directory = directory;
    }

    @Override
    public void initialize() {
        config = getConfigAs(PanelConfiguration.class);
        if (config.deviceId.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config.missing-device-id");
            return;
        }
        doorbellParser = new DoorbellEventParser(config.doorbellDp);
        history = new CallHistory(config.historySize);
        updateStatus(ThingStatus.UNKNOWN);
        Bridge bridge = getBridge();
        if (bridge == null || !(bridge.getHandler() instanceof AccountBridgeHandler)) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_UNINITIALIZED);
            return;
        }
        if (bridge.getStatus() != ThingStatus.ONLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            return;
        }
        scheduleConnect(0);
    }

    private synchronized void scheduleConnect(long delaySeconds) {
        ScheduledFuture<?> job = connectJob;
        if (job != null) {
            job.cancel(false);
        }
        connectJob = scheduler.schedule(this::connect, delaySeconds, TimeUnit.SECONDS);
    }

    private void connect() {
        Bridge bridge = getBridge();
        AccountBridgeHandler bridgeHandler = bridge != null && bridge.getHandler() instanceof AccountBridgeHandler h
                ? h
                : null;
        OpenApiClient api = bridgeHandler == null ? null : bridgeHandler.api();
        if (bridgeHandler == null || api == null) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            return;
        }
        String deviceId = config.deviceId.trim();
        boolean online;
        try {
            DeviceInfo device = api.device(deviceId);
            online = device.online();
            localKey = device.localKey();
            WebRtcConfig config = api.webRtcConfig(bridgeHandler.userId(), deviceId);
            webrtc = config;
            motoId = config.motoId();
        } catch (TuyaApiException e) {
            logger.debug("Panel {}: {}", deviceId, e.getMessage());
            updateStatus(ThingStatus.OFFLINE, CloudStatus.detail(e), CloudStatus.description(e));
            scheduleConnect(e.failure().isConfigurationError() ? CONFIGURATION_RETRY_SECONDS
                    : COMMUNICATION_RETRY_SECONDS);
            return;
        }
        CallSettings settings = new CallSettings(Duration.ofSeconds(Math.max(1, config.ringTimeout)),
                Duration.ofSeconds(Math.max(1, config.heartbeatInterval)),
                Duration.ofSeconds(Math.max(1, config.heartbeatTimeout)), "sp_dpsxj");
        CallEngine callEngine = new CallEngine(deviceId, bridgeHandler.callTargetId(), settings,
                new SchedulerCallTimers(scheduler, clock), this::sendSignalling, this);
        CallEngine old;
        synchronized (this) {
            old = engine;
            engine = callEngine;
            account = bridgeHandler;
        }
        if (old != null) {
            old.dispose();
        }
        MediaRelay oldRelay = relay;
        if (oldRelay != null) {
            oldRelay.closeAll();
        }
        MediaRelay newRelay = new MediaRelay(new PanelTransport(), clock, this::callMediaLost);
        newRelay.onAbandoned(this::callMediaLost);
        relay = newRelay;
        bridgeHandler.addDeviceListener(deviceId, this);
        directory.register(getThing().getUID().getAsString(), this);
        publishIdleBoard();
        synchronized (this) {
            cancelJob(housekeepingJob);
            cancelJob(linkJob);
            housekeepingJob = scheduler.scheduleWithFixedDelay(this::closeIdleMedia, 10, 10, TimeUnit.SECONDS);
            linkJob = scheduler.scheduleWithFixedDelay(this::publishLinks, 0, LINK_REFRESH.toMinutes(),
                    TimeUnit.MINUTES);
        }
        shownState = CallState.IDLE;
        updateState(CHANNEL_CALL_STATE, new StringType(CallState.IDLE.name()));
        updateState(CHANNEL_ONLINE, OnOffType.from(online));
        updateState(CHANNEL_UNLOCK, OnOffType.OFF);
        publishHistory();
        updateStatus(ThingStatus.ONLINE);
    }

    private void sendSignalling(CallMessage message) throws Exception {
        AccountBridgeHandler bridgeHandler = account;
        if (bridgeHandler == null) {
            throw new IllegalStateException("no account bridge");
        }
        bridgeHandler.publishSignalling(motoId, config.deviceId.trim(),
                RtcCallCodec.encode(message, clock.instant().getEpochSecond()));
    }

    // ------------------------------------------------------------------------------------------- from the bridge

    @Override
    public void onSignalling(int protocol, JsonNode data) {
        if (protocol == WebRtcSignalling.PROTOCOL) {
            MediaRelay mediaRelay = relay;
            if (mediaRelay != null) {
                try {
                    mediaRelay.onSignalling(WebRtcSignalling.decode(data));
                } catch (IllegalArgumentException e) {
                    logger.debug("Panel {}: ignored a WebRTC message: {}", config.deviceId, e.getMessage());
                }
            }
            return;
        }
        CallEngine callEngine = engine;
        if (protocol != RtcCallCodec.PROTOCOL || callEngine == null) {
            return;
        }
        try {
            callEngine.onMessage(RtcCallCodec.decode(data));
        } catch (IllegalArgumentException e) {
            logger.debug("Panel {}: ignored a call message: {}", config.deviceId, e.getMessage());
        }
    }

    @Override
    public void onDeviceStatus(JsonNode status) {
        DoorbellPress press = null;
        for (JsonNode entry : status) {
            if (config.lockDp.equals(entry.path("code").asText(""))) {
                boolean open = entry.path("value").asBoolean(false);
                if (!open) {
                    cancelUnlockOff();
                }
                updateState(CHANNEL_UNLOCK, OnOffType.from(open));
            }
            DoorbellPress found = doorbellParser.parse(entry).orElse(null);
            if (found != null && (press == null || press.picture() == null)) {
                press = found;
            }
        }
        if (press != null) {
            doorbellPressed(press);
        }
    }

    private void doorbellPressed(DoorbellPress press) {
        Instant now = clock.instant();
        boolean newPress;
        synchronized (this) {
            newPress = Duration.between(lastPress, now).compareTo(PRESS_DEDUPLICATION) > 0;
            if (newPress) {
                lastPress = now;
            }
        }
        if (newPress) {
            triggerChannel(CHANNEL_DOORBELL, "PRESSED");
            CallEngine callEngine = engine;
            if (callEngine != null) {
                callEngine.doorbellRing();
            }
        }
        PictureRef picture = press.picture();
        if (picture != null) {
            scheduler.execute(() -> fetchSnapshot(picture));
        }
    }

    private void fetchSnapshot(PictureRef picture) {
        AccountBridgeHandler bridgeHandler = account;
        OpenApiClient api = bridgeHandler == null ? null : bridgeHandler.api();
        if (api == null) {
            return;
        }
        try {
            byte[] jpeg = snapshots.fetch(picture, config.deviceId.trim(), api);
            updateState(CHANNEL_SNAPSHOT, new RawType(jpeg, "image/jpeg"));
            updateState(CHANNEL_SNAPSHOT_TIME, new DateTimeType(clock.instant()));
            triggerChannel(CHANNEL_CALL, "SNAPSHOT");
        } catch (IOException | TuyaApiException | IllegalArgumentException e) {
            logger.debug("Panel {}: no snapshot: {}", config.deviceId, e.getMessage());
        }
    }

    @Override
    public void onDeviceOnline(boolean online) {
        updateState(CHANNEL_ONLINE, OnOffType.from(online));
    }

    // ------------------------------------------------------------------------------------------- call engine

    @Override
    public void callChanged(Call call) {
        if (call != shownCall) {
            shownCall = call;
            shownSession = null;
            updateState(CHANNEL_CALL_DIRECTION, new StringType(call.isOutgoing() ? "OUTGOING" : "INCOMING"));
            updateState(CHANNEL_CALL_PEER, new StringType(call.peerId()));
            updateState(CHANNEL_CALL_STARTED, new DateTimeType(call.startedAt()));
        }
        if (!call.sessionId().equals(shownSession)) {
            shownSession = call.sessionId();
            updateState(CHANNEL_CALL_SESSION, new StringType(call.sessionId()));
        }
        if (call.state() != shownState) {
            shownState = call.state();
            updateState(CHANNEL_CALL_STATE, new StringType(call.state().name()));
        }
        if (call.isEnded()) {
            shownCall = null;
            updateState(CHANNEL_CALL_END_REASON, new StringType(call.endReason()));
            history.add(call);
            publishHistory();
            String media = callMediaId;
            callMediaId = null;
            MediaRelay mediaRelay = relay;
            if (media != null && mediaRelay != null) {
                MediaRelay.Session session = mediaRelay.session(media);
                if (session != null) {
                    scheduler.execute(() -> mediaRelay.close(session));
                }
            }
        }
    }

    @Override
    public void callOutcome(Call call, CallOutcome outcome) {
        triggerChannel(CHANNEL_CALL, outcome.name());
        publishBoard(call, outcome);
    }

    private void publishBoard(Call call, @Nullable CallOutcome outcome) {
        ObjectNode view = TuyaJson.object();
        view.put("state", call.state().name());
        view.put("direction", call.isOutgoing() ? "OUTGOING" : "INCOMING");
        view.put("peer", call.peerId());
        view.put("session", call.sessionId());
        view.put("outcome", outcome == null ? "" : outcome.name());
        view.put("endReason", call.endReason());
        view.put("connected", call.isConnected());
        if (!call.isEnded()) {
            view.put("callToken", signer().sign(LinkSigner.Scope.CALL, thingUID(), call.sessionId(),
                    LINK_VALIDITY));
        }
        board.publish(view);
    }

    private void publishIdleBoard() {
        ObjectNode view = TuyaJson.object();
        view.put("state", CallState.IDLE.name());
        view.put("outcome", "");
        board.publish(view);
    }

    @Override
    public void callRefused(CallMessage message, CallError error) {
        logger.debug("Panel {}: refused call {} ({})", config.deviceId, message.sessionId(), error);
        if (error == CallError.ON_CALLING) {
            history.add(new CallHistory.Entry(clock.instant(), "INCOMING", message.curId(), "BUSY", 0));
            publishHistory();
        }
    }

    private void publishHistory() {
        updateState(CHANNEL_CALL_HISTORY, new StringType(historyJson()));
    }

    /** The call history as a JSON array of {@code {time, direction, peer, result, duration}}, newest first. */
    public String historyJson() {
        ArrayNode array = TuyaJson.MAPPER.createArrayNode();
        for (CallHistory.Entry entry : history.entries()) {
            array.addObject().put("time", entry.time().toString()).put("direction", entry.direction())
                    .put("peer", entry.peer()).put("result", entry.result()).put("duration", entry.durationSeconds());
        }
        return TuyaJson.write(array);
    }

    // ------------------------------------------------------------------------------------------- commands, actions

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        String channel = channelUID.getId();
        if (command instanceof RefreshType) {
            if (CHANNEL_CALL_HISTORY.equals(channel)) {
                publishHistory();
            }
            return;
        }
        if (CHANNEL_CALL_CONTROL.equals(channel)) {
            CallResult result = switch (command.toFullString().trim().toUpperCase()) {
                case "ANSWER" -> answer(false);
                case "REJECT" -> reject();
                case "HANGUP", "HANG_UP" -> hangUp();
                case "CALL" -> startCall(config.ringTimeout);
                case "CANCEL" -> cancelCall();
                default -> CallResult.failed(CallError.INVALID_PARAMS);
            };
            if (!result.isSuccess()) {
                logger.info("Panel {}: {} refused: {}", config.deviceId, command, result);
            }
        } else if (CHANNEL_UNLOCK.equals(channel) && command == OnOffType.ON) {
            scheduler.execute(this::unlock);
        }
    }

    private CallResult withEngine(Function<CallEngine, CallResult> request) {
        CallEngine callEngine = engine;
        return callEngine == null ? CallResult.failed(CallError.REQUEST_FAILED) : request.apply(callEngine);
    }

    public CallResult answer(boolean withMedia) {
        return withEngine(e -> e.answer(withMedia));
    }

    public CallResult reject() {
        return withEngine(CallEngine::reject);
    }

    public CallResult hangUp() {
        return withEngine(CallEngine::hangUp);
    }

    public CallResult startCall(int timeoutSeconds) {
        return withEngine(e -> e.startCall(Duration.ofSeconds(timeoutSeconds)));
    }

    public CallResult cancelCall() {
        return withEngine(CallEngine::cancelCall);
    }

    public boolean isOnCalling() {
        CallEngine callEngine = engine;
        return callEngine != null && callEngine.isOnCalling();
    }

    /** The engine of this panel, for the web endpoints. */
    public @Nullable CallEngine engine() {
        return engine;
    }

    /** Treats a push-notification link like the MQTT call message it carries. */
    public CallResult handlePushLink(String link) {
        CallEngine callEngine = engine;
        if (callEngine == null) {
            return CallResult.failed(CallError.REQUEST_FAILED);
        }
        try {
            callEngine.onMessage(RtcCallCodec.decodePushLink(link));
            return CallResult.SUCCESS;
        } catch (IllegalArgumentException e) {
            logger.debug("Panel {}: push link not understood: {}", config.deviceId, e.getMessage());
            return CallResult.failed(CallError.INVALID_DATA);
        }
    }

    /** Opens the door: writes the lock data point; the switch turns off again after the auto-off time. */
    public CallResult unlock() {
        AccountBridgeHandler bridgeHandler = account;
        OpenApiClient api = bridgeHandler == null ? null : bridgeHandler.api();
        if (api == null) {
            return CallResult.failed(CallError.REQUEST_FAILED);
        }
        try {
            api.sendCommand(config.deviceId.trim(), config.lockDp, true);
        } catch (TuyaApiException e) {
            logger.warn("Panel {}: unlocking failed: {}", config.deviceId, e.getMessage());
            updateState(CHANNEL_UNLOCK, OnOffType.OFF);
            return CallResult.failed(CallError.REQUEST_FAILED);
        }
        updateState(CHANNEL_UNLOCK, OnOffType.ON);
        synchronized (this) {
            cancelUnlockOff();
            unlockOffJob = scheduler.schedule(() -> updateState(CHANNEL_UNLOCK, OnOffType.OFF),
                    Math.max(1, config.unlockAutoOff), TimeUnit.SECONDS);
        }
        return CallResult.SUCCESS;
    }

    private synchronized void cancelUnlockOff() {
        ScheduledFuture<?> job = unlockOffJob;
        if (job != null) {
            job.cancel(false);
        }
        unlockOffJob = null;
    }

    // ------------------------------------------------------------------------------------------- web

    @Override
    public String thingUID() {
        return getThing().getUID().getAsString();
    }

    @Override
    public LinkSigner signer() {
        AccountBridgeHandler bridgeHandler = account;
        if (bridgeHandler == null) {
            throw new IllegalStateException("no account bridge");
        }
        return bridgeHandler.signer();
    }

    @Override
    public CallStateBoard board() {
        return board;
    }

    @Override
    public @Nullable MediaRelay relay() {
        return relay;
    }

    @Override
    public List<IceServer> iceServers() {
        WebRtcConfig config = webrtc;
        return config == null ? List.of() : config.iceServers();
    }

    @Override
    public void attachCallMedia(String mediaSessionId) {
        callMediaId = mediaSessionId;
    }

    @Override
    public boolean isCallMedia(String mediaSessionId) {
        return mediaSessionId.equals(callMediaId);
    }

    /** The panel closed a media session, or its browser went away without hanging up: a call on it cannot go on. */
    private void callMediaLost(String mediaSessionId) {
        if (mediaSessionId.equals(callMediaId)) {
            CallEngine callEngine = engine;
            if (callEngine != null) {
                callEngine.mediaFailed(CallError.DISCONNECT);
            }
        }
    }

    private void closeIdleMedia() {
        MediaRelay mediaRelay = relay;
        if (mediaRelay != null) {
            mediaRelay.closeIdle();
        }
    }

    /** Signs fresh links for the call page and the oh-video endpoint and publishes them in their channels. */
    private void publishLinks() {
        AccountBridgeHandler bridgeHandler = account;
        if (bridgeHandler == null) {
            return;
        }
        String thing = thingUID();
        String encoded = URLEncoder.encode(thing, StandardCharsets.UTF_8);
        updateState(CHANNEL_CALL_PAGE_URL, new StringType(SERVLET_PATH + "/call/" + encoded + "?t="
                + bridgeHandler.signer().sign(LinkSigner.Scope.PAGE, thing, "", LINK_VALIDITY)));
        updateState(CHANNEL_VIDEO_URL, new StringType(SERVLET_PATH + "/video/" + encoded + "?t="
                + bridgeHandler.signer().sign(LinkSigner.Scope.VIDEO, thing, "", LINK_VALIDITY)));
    }

    /** Sends 302 messages of media sessions to the panel, waking a low-power panel before an offer. */
    private final class PanelTransport implements MediaRelay.Transport {
        @Override
        public void sendOffer(String sessionId, String sdp) throws Exception {
            AccountBridgeHandler bridgeHandler = requireAccount();
            WebRtcConfig config = webrtc;
            if (config == null) {
                throw new IllegalStateException("no WebRTC configuration");
            }
            if (config.lowPower() && !localKey.isEmpty()) {
                CRC32 crc = new CRC32();
                crc.update(localKey.getBytes(StandardCharsets.UTF_8));
                bridgeHandler.publishRaw("m/w/" + config.deviceId(),
                        ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            }
            bridgeHandler.publishSignalling(motoId, config.deviceId(),
                    WebRtcSignalling.offer(bridgeHandler.mqttUid(), config.deviceId(), sessionId, motoId, sdp,
                            config.auth(), 0, config.iceServers(), clock.instant().getEpochSecond()));
        }

        @Override
        public void sendCandidate(String sessionId, String candidate) throws Exception {
            AccountBridgeHandler bridgeHandler = requireAccount();
            String deviceId = config.deviceId.trim();
            bridgeHandler.publishSignalling(motoId, deviceId, WebRtcSignalling.candidate(bridgeHandler.mqttUid(),
                    deviceId, sessionId, motoId, candidate, clock.instant().getEpochSecond()));
        }

        @Override
        public void sendDisconnect(String sessionId) throws Exception {
            AccountBridgeHandler bridgeHandler = requireAccount();
            String deviceId = config.deviceId.trim();
            bridgeHandler.publishSignalling(motoId, deviceId, WebRtcSignalling.disconnect(bridgeHandler.mqttUid(),
                    deviceId, sessionId, motoId, clock.instant().getEpochSecond()));
        }

        private AccountBridgeHandler requireAccount() {
            AccountBridgeHandler bridgeHandler = account;
            if (bridgeHandler == null) {
                throw new IllegalStateException("no account bridge");
            }
            return bridgeHandler;
        }
    }

    private static void cancelJob(@Nullable ScheduledFuture<?> job) {
        if (job != null) {
            job.cancel(false);
        }
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return Set.of(TuyaIntercomActions.class);
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE) {
            if (getThing().getStatus() == ThingStatus.OFFLINE) {
                updateStatus(ThingStatus.UNKNOWN);
                scheduleConnect(0);
            }
        } else {
            CallEngine callEngine = engine;
            if (callEngine != null) {
                callEngine.connectionLost();
            }
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    @Override
    public void dispose() {
        CallEngine callEngine;
        AccountBridgeHandler bridgeHandler;
        synchronized (this) {
            ScheduledFuture<?> job = connectJob;
            if (job != null) {
                job.cancel(true);
            }
            connectJob = null;
            cancelUnlockOff();
            cancelJob(housekeepingJob);
            cancelJob(linkJob);
            housekeepingJob = null;
            linkJob = null;
            callEngine = engine;
            engine = null;
            bridgeHandler = account;
            account = null;
        }
        directory.unregister(thingUID(), this);
        MediaRelay mediaRelay = relay;
        relay = null;
        if (mediaRelay != null) {
            mediaRelay.closeAll();
        }
        if (callEngine != null) {
            callEngine.dispose();
        }
        if (bridgeHandler != null) {
            bridgeHandler.removeDeviceListener(config.deviceId.trim(), this);
        }
    }
}
