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

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.tuyaintercom.internal.LogText;
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
import org.openhab.binding.tuyaintercom.internal.discovery.PanelRecognizer;
import org.openhab.binding.tuyaintercom.internal.intercom.PagePolicy;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelLinks;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.intercom.RingFilter;
import org.openhab.binding.tuyaintercom.internal.intercom.WebUnlock;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.events.DoorbellEventParser;
import org.openhab.binding.tuyaintercom.internal.tuya.events.DoorbellNoticeParser;
import org.openhab.binding.tuyaintercom.internal.tuya.events.DoorbellPress;
import org.openhab.binding.tuyaintercom.internal.tuya.events.PictureRef;
import org.openhab.binding.tuyaintercom.internal.tuya.events.SnapshotFetcher;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.QuantityType;
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
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One video intercom panel as an openHAB thing: its lifecycle, status and channels. Everything the panel does while
 * online lives in its {@link PanelSession}, which this handler owns, feeds with the panel's messages from the account
 * bridge, and whose call events it maps to channels and triggers. Every state channel answers {@code REFRESH} with its
 * last value.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class PanelHandler extends BaseThingHandler implements DeviceMessageListener, CallListener {
    private static final Duration CONFIGURATION_RETRY = Duration.ofMinutes(5);
    private static final Duration COMMUNICATION_RETRY = Duration.ofSeconds(30);
    private static final int ENTRY_KEY_BYTES = 24;
    /** The channels with a state (the others are triggers or command-only). */
    static final Set<String> STATE_CHANNELS = Set.of(CHANNEL_CALL_STATE, CHANNEL_CALL_DIRECTION, CHANNEL_CALL_PEER,
            CHANNEL_CALL_SESSION, CHANNEL_CALL_STARTED, CHANNEL_CALL_END_REASON, CHANNEL_SNAPSHOT,
            CHANNEL_SNAPSHOT_TIME, CHANNEL_UNLOCK, CHANNEL_ONLINE, CHANNEL_CALL_HISTORY, CHANNEL_CALL_PAGE_URL,
            CHANNEL_VIDEO_URL, CHANNEL_STREAM_URL, CHANNEL_CALL_CONTROL, CHANNEL_CALLING_STATION, CHANNEL_RING_DELAY);

    private final Logger logger = LoggerFactory.getLogger(PanelHandler.class);
    private final Clock clock;
    private final SnapshotFetcher snapshots;
    private final PanelDirectory directory;
    /** The last state of every state channel, so that a newly linked item gets it on REFRESH. */
    private final Map<String, State> lastStates = new ConcurrentHashMap<>();
    private final HandlerLife life = new HandlerLife(this, scheduler, this::connect);

    private PanelConfiguration config = new PanelConfiguration();
    private DoorbellEventParser doorbellParser = new DoorbellEventParser("");
    private CallHistory history = new CallHistory(20);
    private volatile @Nullable PanelSession session;
    private volatile @Nullable TuyaAccount account;
    /** The panel's resources in the cloud while connected (WebRTC configuration, snapshots, stream addresses). */
    private volatile @Nullable PanelResources resources;
    private @Nullable ScheduledFuture<?> linkJob;
    /** Whether the cloud last reported the panel online (or a message from it proved it). */
    private volatile boolean panelOnline;
    private @Nullable ScheduledFuture<?> unlockOffJob;
    private @Nullable Call shownCall;
    private CallState shownState = CallState.IDLE;
    private @Nullable String shownSession;
    /** Makes each press ring once, whichever sources report it. */
    private final RingFilter rings = new RingFilter();

    public PanelHandler(Thing thing, HttpClient httpClient, Clock clock, PanelDirectory directory) {
        super(thing);
        this.clock = clock;
        this.snapshots = new SnapshotFetcher(httpClient);
        this.directory = directory;
    }

    @Override
    public void initialize() {
        life.begin();
        config = getConfigAs(PanelConfiguration.class);
        if (config.deviceId.isBlank()) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config.missing-device-id");
            return;
        }
        if (config.entryKey.isBlank()) {
            config.entryKey = newEntryKey();
            Configuration configuration = editConfiguration();
            configuration.put("entryKey", config.entryKey);
            updateConfiguration(configuration);
        }
        doorbellParser = new DoorbellEventParser(config.doorbellDp, config.stationDp, config.stationListDp);
        history = new CallHistory(config.historySize);
        updateStatus(ThingStatus.UNKNOWN);
        Bridge bridge = getBridge();
        if (bridge == null || !(bridge.getHandler() instanceof TuyaAccount)) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_UNINITIALIZED);
            return;
        }
        if (bridge.getStatus() != ThingStatus.ONLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            return;
        }
        life.connectIn(Duration.ZERO);
    }

    private static String newEntryKey() {
        byte[] bytes = new byte[ENTRY_KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Asks the cloud for the panel and its WebRTC configuration, then installs the panel's session: in the directory
     * of the web endpoints, as the bridge's listener for the device, with its renewal jobs. Runs on the scheduler;
     * installs nothing if {@code dispose()} came while the cloud answered.
     */
    private void connect(int current) {
        Bridge bridge = getBridge();
        TuyaAccount bridgeHandler = bridge != null && bridge.getHandler()instanceof TuyaAccount h ? h : null;
        if (bridgeHandler == null || !bridgeHandler.isReady()) {
            synchronized (this) {
                if (life.isCurrent(current)) {
                    updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
                }
            }
            return;
        }
        String deviceId = config.deviceId.trim();
        DeviceInfo device;
        WebRtcConfig first;
        try {
            device = bridgeHandler.device(deviceId);
            first = bridgeHandler.webRtcConfig(deviceId);
        } catch (TuyaApiException e) {
            logger.debug("Panel {}: {}", deviceId, LogText.safe(e.getMessage()));
            synchronized (this) {
                if (life.isCurrent(current)) {
                    updateStatus(ThingStatus.OFFLINE, CloudStatus.detail(e), CloudStatus.description(e));
                    life.retryIn(current,
                            e.failure().isConfigurationError() ? CONFIGURATION_RETRY : COMMUNICATION_RETRY);
                }
            }
            return;
        }
        CallSettings settings = new CallSettings(Duration.ofSeconds(Math.max(1, config.ringTimeout)),
                Duration.ofSeconds(Math.max(1, config.heartbeatInterval)),
                Duration.ofSeconds(Math.max(1, config.heartbeatTimeout)), PanelRecognizer.CATEGORY_SCREEN_IPC,
                Duration.ofSeconds(Math.max(2, config.connectTimeout)));
        String thingUID = thingUID();
        String label = getThing().getLabel();
        PanelResources cloud = new PanelResources(this, bridgeHandler, device, first, config.streamType, snapshots,
                clock, scheduler, this, new ResourceListener());
        PanelSession fresh = new PanelSession(thingUID, deviceId, label == null ? deviceId : label,
                bridgeHandler.callTargetId(), settings, cloud, clock, scheduler, this,
                new PanelLinks(thingUID, bridgeHandler.signer(), clock, config.entryKey.trim()),
                new PagePolicy(WebUnlock.parse(config.webUnlock), config.ringPreview, config.maxMediaSessions),
                directory.pageLimits());
        PanelSession old;
        PanelResources oldResources;
        synchronized (this) {
            if (!life.isCurrent(current)) {
                logger.debug("Panel {}: disposed while connecting", deviceId);
                return; // the session was never started: nothing to undo
            }
            doorbellParser.learn(device.status());
            oldResources = resources;
            resources = cloud;
            account = bridgeHandler;
            old = session;
            session = fresh;
            fresh.start();
            bridgeHandler.addDeviceListener(deviceId, this);
            directory.register(thingUID, fresh);
            cancelJob(linkJob);
            linkJob = scheduler.scheduleWithFixedDelay(this::renewLinks, PanelLinks.LINK_RENEWAL.toMinutes(),
                    PanelLinks.LINK_RENEWAL.toMinutes(), TimeUnit.MINUTES);
            if (oldResources != null) {
                oldResources.close();
            }
            publishLinks(fresh);
            shownState = CallState.IDLE;
            publish(CHANNEL_CALL_STATE, new StringType(CallState.IDLE.name()));
            publish(CHANNEL_UNLOCK, OnOffType.OFF);
            publishHistory();
            life.connected();
            panelReported(device.online());
        }
        if (old != null) {
            directory.unregister(thingUID, old); // a no-op: the fresh session took its place
            old.dispose();
        }
    }

    /**
     * What the cloud says of the panel (or a message from it proves): the {@code online} channel, and the thing's
     * status, {@code OFFLINE} while the cloud reports the panel offline. Holding the handler's lock, with a session.
     */
    private void panelReported(boolean online) {
        panelOnline = online;
        publish(CHANNEL_ONLINE, OnOffType.from(online));
        PanelResources cloud = resources;
        WebRtcConfig current = cloud == null ? null : cloud.webRtcConfig();
        if (!online) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "@text/offline.panel.offline");
        } else if (current != null && current.h265Only()) {
            // no H.264 stream in the skill: browsers would show black video, so say so instead
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, "@text/online.h265-only");
        } else {
            updateStatus(ThingStatus.ONLINE);
        }
    }

    /** Updates a state channel and remembers the state for REFRESH. */
    private void publish(String channel, State state) {
        if (life.ended()) {
            return; // disposed: a late message or download changes no item
        }
        lastStates.put(channel, state);
        updateState(channel, state);
    }

    private void trigger(String channel, String event) {
        if (!life.ended()) {
            triggerChannel(channel, event);
        }
    }

    // ------------------------------------------------------------------------------------------- from the bridge

    @Override
    public void onSignalling(int protocol, JsonNode data) {
        PanelSession current = session;
        if (current != null) {
            panelSpoke();
            current.onSignalling(protocol, data);
        }
    }

    @Override
    public void onDeviceStatus(JsonNode status) {
        if (life.ended()) {
            return; // a message that was on its way when the thing was disposed
        }
        panelSpoke();
        DoorbellPress press = null;
        for (JsonNode entry : status) {
            if (config.lockDp.equals(entry.path("code").asText(""))) {
                boolean open = entry.path("value").asBoolean(false);
                if (!open) {
                    cancelUnlockOff();
                }
                publish(CHANNEL_UNLOCK, OnOffType.from(open));
            }
            DoorbellPress found = doorbellParser.parse(entry).orElse(null);
            if (found != null) {
                press = press == null ? found : press.merge(found);
            }
        }
        if (press != null) {
            doorbellPressed(press);
        }
    }

    @Override
    public void onDeviceNotice(int protocol, JsonNode data, long messageTime) {
        if (life.ended()) {
            return;
        }
        DoorbellNoticeParser.parse(protocol, data, messageTime).ifPresent(this::doorbellPressed);
    }

    /** A report of a press: rings unless it reports the press that rang last (see {@link RingFilter}). */
    private void doorbellPressed(DoorbellPress press) {
        PictureRef picture = press.picture();
        RingFilter.Decision decision = rings.offer(press.pressedAt(), clock.instant(), picture != null);
        Duration delay = decision.delay();
        captureRing(press, decision);
        PanelSession current = session;
        if (decision.rings() || !press.station().isEmpty() && current != null && current.engine().current() != null) {
            // a multi-station panel may name the station in another report than the one that rang
            publish(CHANNEL_CALLING_STATION,
                    press.station().isEmpty() ? UnDefType.UNDEF : new StringType(press.station()));
            if (current != null) {
                current.callingStation(press.station());
            }
        }
        if (decision.rings()) {
            if (delay != null) {
                // Number:Time in seconds, to the millisecond (the text form: units are not in both releases' API)
                publish(CHANNEL_RING_DELAY,
                        new QuantityType<>(BigDecimal.valueOf(delay.toMillis(), 3).toPlainString() + " s"));
            }
            trigger(CHANNEL_DOORBELL, "PRESSED");
            if (current != null) {
                current.engine().doorbellRing();
            }
        }
        PanelResources cloud = resources;
        if (picture != null && decision.fetchPicture() && cloud != null) {
            cloud.fetchSnapshotLater(picture);
        }
    }

    /** Tells a running capture which source reported a press, how late, and whether it rang. */
    private void captureRing(DoorbellPress press, RingFilter.Decision decision) {
        TuyaAccount bridgeHandler = account;
        if (bridgeHandler == null) {
            return;
        }
        Duration delay = decision.delay();
        com.fasterxml.jackson.databind.node.ObjectNode details = TuyaJson.object().put("source", press.dataPoint())
                .put("rang", decision.rings()).put("station", press.station());
        if (delay != null) {
            details.put("delay_ms", delay.toMillis());
        }
        bridgeHandler.captureNote("ring", details);
    }

    @Override
    public void onDeviceOnline(boolean online) {
        if (life.ended()) {
            return;
        }
        synchronized (this) {
            if (session != null && life.current() != HandlerLife.ENDED && bridgeOnline()) {
                panelReported(online);
                return;
            }
        }
        publish(CHANNEL_ONLINE, OnOffType.from(online));
    }

    /** A message from the panel (a ring, a data point) proves it online, whatever the cloud said last. */
    private void panelSpoke() {
        if (!panelOnline) {
            onDeviceOnline(true);
        }
    }

    private boolean bridgeOnline() {
        Bridge bridge = getBridge();
        return bridge != null && bridge.getStatus() == ThingStatus.ONLINE;
    }

    // ------------------------------------------------------------------------------------------- call engine

    @Override
    @SuppressWarnings("PMD.CompareObjectsWithEquals") // identity: a new call object is a new call
    public void callChanged(Call call) {
        if (call != shownCall) {
            shownCall = call;
            shownSession = null;
            publish(CHANNEL_CALL_DIRECTION, new StringType(call.isOutgoing() ? "OUTGOING" : "INCOMING"));
            publish(CHANNEL_CALL_PEER, new StringType(call.peerId()));
            publish(CHANNEL_CALL_STARTED, new DateTimeType(call.startedAt()));
            if (!call.isOutgoing() && isLinked(CHANNEL_STREAM_URL)) {
                wantStream(); // a visitor: a sitemap or app may want to see the door
            }
        }
        if (!call.sessionId().equals(shownSession)) {
            shownSession = call.sessionId();
            publish(CHANNEL_CALL_SESSION, new StringType(call.sessionId()));
        }
        if (call.state() != shownState) {
            shownState = call.state();
            publish(CHANNEL_CALL_STATE, new StringType(call.state().name()));
        }
        if (call.isEnded()) {
            shownCall = null;
            rings.callEnded(clock.instant()); // the next press is a new visitor, however soon it comes
            publish(CHANNEL_CALL_END_REASON, new StringType(call.endReason()));
            history.add(call);
            publishHistory();
        }
    }

    @Override
    public void callOutcome(Call call, CallOutcome outcome) {
        trigger(CHANNEL_CALL, outcome.name());
    }

    /** Counts the call down in a running capture once its last message (the media's disconnect) is recorded. */
    @Override
    public void callTrafficEnded(Call call) {
        TuyaAccount bridgeHandler = account;
        if (bridgeHandler != null) {
            bridgeHandler.callEnded();
        }
    }

    @Override
    public void callRefused(CallMessage message, CallError error) {
        logger.debug("Panel {}: refused call {} ({})", config.deviceId, LogText.safe(message.sessionId()), error);
        if (error == CallError.ON_CALLING) {
            history.add(new CallHistory.Entry(clock.instant(), "INCOMING", message.curId(), "BUSY", 0));
            publishHistory();
        }
    }

    private void publishHistory() {
        publish(CHANNEL_CALL_HISTORY, new StringType(historyJson()));
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
            if (STATE_CHANNELS.contains(channel)) {
                updateState(channel, lastStates.getOrDefault(channel, UnDefType.UNDEF));
            }
            if (CHANNEL_STREAM_URL.equals(channel)) {
                wantStream();
            }
            return;
        }
        if (CHANNEL_CALL_CONTROL.equals(channel)) {
            String request = command.toFullString().trim().toUpperCase();
            CallResult result = switch (request) {
                case "ANSWER" -> answer(false);
                case "REJECT" -> reject();
                case "HANGUP", "HANG_UP" -> hangUp();
                case "CALL" -> startCall(config.ringTimeout);
                case "CANCEL" -> cancelCall();
                case "REVOKE_LINKS" -> revokeLinks();
                default -> CallResult.failed(CallError.INVALID_PARAMS);
            };
            if (result.isSuccess()) {
                publish(CHANNEL_CALL_CONTROL, new StringType(request)); // its state: the last request carried out
            } else {
                // e.g. ANSWER with no call ringing: the answer to a request, nothing the user must act on
                logger.debug("Panel {}: {} refused: {}", config.deviceId, LogText.safe(command.toFullString()), result);
            }
        } else if (CHANNEL_UNLOCK.equals(channel) && command == OnOffType.ON) {
            scheduler.execute(this::unlock);
        }
    }

    private CallResult withEngine(Function<CallEngine, CallResult> request) {
        PanelSession current = session;
        return current == null ? CallResult.failed(CallError.REQUEST_FAILED) : request.apply(current.engine());
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
        PanelSession current = session;
        return current != null && current.engine().isOnCalling();
    }

    /** Treats a push-notification link like the MQTT call message it carries. */
    public CallResult handlePushLink(String link) {
        PanelSession current = session;
        return current == null ? CallResult.failed(CallError.REQUEST_FAILED) : current.handlePushLink(link);
    }

    /** Revokes every page, video and call link handed out so far and publishes new ones. */
    public CallResult revokeLinks() {
        PanelSession current = session;
        if (current == null) {
            return CallResult.failed(CallError.REQUEST_FAILED);
        }
        current.revokeLinks(); // closes what was opened with the old links
        publishLinks(current);
        return CallResult.SUCCESS;
    }

    /** Opens the door: writes the lock data point; the switch turns off again after the auto-off time. */
    public CallResult unlock() {
        TuyaAccount bridgeHandler = account;
        if (bridgeHandler == null || !bridgeHandler.isReady()) {
            return CallResult.failed(CallError.REQUEST_FAILED);
        }
        try {
            bridgeHandler.sendCommand(config.deviceId.trim(), config.lockDp, true);
        } catch (TuyaApiException e) {
            if (e.failure().isConfigurationError()) {
                // only the user can fix it (credentials, a service of the cloud project, the device's link)
                logger.warn("Panel {}: unlocking failed: {}", config.deviceId, LogText.safe(e.getMessage()));
            } else {
                logger.debug("Panel {}: unlocking failed: {}", config.deviceId, LogText.safe(e.getMessage()));
            }
            publish(CHANNEL_UNLOCK, OnOffType.OFF);
            return CallResult.failed(CallError.REQUEST_FAILED);
        }
        synchronized (this) {
            if (life.current() == HandlerLife.ENDED) {
                return CallResult.failed(CallError.REQUEST_FAILED);
            }
            publish(CHANNEL_UNLOCK, OnOffType.ON);
            cancelUnlockOff();
            unlockOffJob = scheduler.schedule(() -> publish(CHANNEL_UNLOCK, OnOffType.OFF),
                    Math.max(1, config.unlockAutoOff), TimeUnit.SECONDS);
        }
        return CallResult.SUCCESS;
    }

    private synchronized void cancelUnlockOff() {
        cancelJob(unlockOffJob);
        unlockOffJob = null;
    }

    /** Someone wants the door video without WebRTC (REFRESH of {@code stream-url}, or a ring). */
    private void wantStream() {
        PanelResources cloud = resources;
        if (cloud != null) {
            cloud.wantStream();
        }
    }

    // ------------------------------------------------------------------------------------------- links

    private String thingUID() {
        return getThing().getUID().getAsString();
    }

    /** The scheduled renewal of the page and video links (package-private: tests renew without waiting 6 h). */
    void renewLinks() {
        PanelSession current = session;
        if (current != null) {
            current.renewLinks(); // closes what was opened with the links it revokes
            publishLinks(current);
        }
    }

    /**
     * Publishes the page and video links of the current generation. The stable entry link is never an item state
     * (item states go to events.log and persistence): rules get it from {@link #entryUrl()}.
     */
    private void publishLinks(PanelSession current) {
        String encoded = URLEncoder.encode(thingUID(), StandardCharsets.UTF_8);
        PanelLinks links = current.links();
        publish(CHANNEL_CALL_PAGE_URL, new StringType(SERVLET_PATH + "/call/" + encoded + "?t=" + links.pageToken()));
        publish(CHANNEL_VIDEO_URL, new StringType(SERVLET_PATH + "/video/" + encoded + "?t=" + links.videoToken()));
    }

    /**
     * The stable entry link to the call page, relative to openHAB's address, with the entry key of the configuration
     * ({@code /tuyaintercom/call/<thing UID>?k=<entry key>}); empty before the handler is initialized.
     */
    public String entryUrl() {
        String key = config.entryKey.trim();
        return key.isEmpty() ? ""
                : SERVLET_PATH + "/call/" + URLEncoder.encode(thingUID(), StandardCharsets.UTF_8) + "?k="
                        + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /** Publishes what the panel's cloud resources find. */
    private final class ResourceListener implements PanelResources.Listener {
        @Override
        public void streamUrl(@Nullable String url) {
            publish(CHANNEL_STREAM_URL, url == null ? UnDefType.UNDEF : new StringType(url));
        }

        @Override
        public void snapshot(byte[] jpeg, Instant at) {
            publish(CHANNEL_SNAPSHOT, new RawType(jpeg, "image/jpeg"));
            publish(CHANNEL_SNAPSHOT_TIME, new DateTimeType(at));
            PanelSession current = session;
            if (current != null) {
                current.snapshotArrived(jpeg, at.toEpochMilli());
            }
            trigger(CHANNEL_CALL, "SNAPSHOT");
        }

        @Override
        public CallResult unlockDoor() {
            return unlock();
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
        if (life.ended()) {
            return;
        }
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE) {
            synchronized (this) {
                if (getThing().getStatus() == ThingStatus.OFFLINE && life.current() != HandlerLife.ENDED) {
                    updateStatus(ThingStatus.UNKNOWN);
                    life.connectIn(Duration.ZERO);
                }
            }
        } else {
            PanelSession current = session;
            if (current != null) {
                current.engine().connectionLost();
            }
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    @Override
    public void dispose() {
        PanelSession current;
        TuyaAccount bridgeHandler;
        synchronized (this) {
            life.end();
            cancelUnlockOff();
            cancelJob(linkJob);
            linkJob = null;
            PanelResources cloud = resources;
            if (cloud != null) {
                cloud.close();
            }
            resources = null;
            current = session;
            session = null;
            bridgeHandler = account;
            account = null;
            if (current != null) {
                // under the lock, so that no connect of an older life can register between; a request that found the
                // session just before is refused by the disposed session itself (its pages and media are closed)
                directory.unregister(thingUID(), current);
            }
        }
        if (current != null) {
            current.dispose();
        }
        if (bridgeHandler != null) {
            bridgeHandler.removeDeviceListener(config.deviceId.trim(), this);
        }
    }
}
