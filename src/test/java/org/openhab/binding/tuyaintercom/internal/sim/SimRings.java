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
package org.openhab.binding.tuyaintercom.internal.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every way a simulated panel reports a press, each switchable: what public clients and their users show (see
 * {@code tuya-protocol.md} §5b–5d). A press sends every source in {@link #sources}; tests also send single reports,
 * back-dated (a late report: the device's time lies in the past) or delivered later in real time, and twice.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimRings {
    /** The ways a press reaches cloud clients. */
    public enum Source {
        /** {@code doorbell_pic} (encrypted picture) and {@code doorbell_active} "1" in one protocol 4 report. */
        DOORBELL_DATA_POINTS,
        /** {@code doorbell_active} holding the press time in epoch seconds as a string (tinytuya #161). */
        DOORBELL_ACTIVE_EPOCH,
        /** The calling station of a multi-station panel: DP 231 {@code {"res":1,"err":0,"cc":…,"chs":[…]}}. */
        STATION,
        /** {@code lock_alarm_kit} of a video lock with {@link #lockAlarmValue} (xtend_tuya #957). */
        LOCK_ALARM_KIT,
        /** Protocol 20 {@code bizCode:"event_notify"}, {@code bizData.etype:"ac_doorbell"} (Scrypted #792). */
        EVENT_NOTIFY,
        /** The device's call notice, protocol 43 {@code {"devId","etype":"ac_doorbell","edata"}}, on device topics. */
        PROTOCOL_43,
        /** The same notice on the ipc topic (where a Tuya Smart account listens). */
        PROTOCOL_43_IPC
    }

    /** What a press sends (with {@code dp-only}: 308 calls are the transport's business). */
    public volatile Set<Source> sources = EnumSet.of(Source.DOORBELL_DATA_POINTS);
    /** The value {@link Source#LOCK_ALARM_KIT} sends: {@code doorbell}, or an alarm such as {@code pry}. */
    public volatile String lockAlarmValue = "doorbell";
    /** The outdoor stations by id (multi-station panels) and the one that calls. */
    public final Map<Integer, String> stations = new LinkedHashMap<>(Map.of(1, "DOOR1"));
    public volatile int callingStation = 1;
    /** Whether DP 231 carries the station list ({@code chs}); off, only {@code cc} (the list is DP 233). */
    public volatile boolean stationListInCall = true;
    /** The data point code of DP 231 / 233 on this panel (vendor codes; the id is always sent too). */
    public volatile String stationCode = "call_channel";
    public volatile String stationListCode = "channel_list";

    private final TuyaCloudSimulator cloud;
    private final String deviceId;
    private final ScheduledExecutorService timer;
    private final AtomicInteger reportsSent = new AtomicInteger();

    SimRings(TuyaCloudSimulator cloud, String deviceId, ScheduledExecutorService timer) {
        this.cloud = cloud;
        this.deviceId = deviceId;
        this.timer = timer;
    }

    /** A press now: every source in {@link #sources}. */
    public void press() {
        press(Instant.now());
    }

    /** A press at the given time of the device: every source in {@link #sources}. */
    public void press(Instant pressedAt) {
        for (Source source : sources) {
            send(source, pressedAt);
        }
    }

    /** One report of a press (call it twice for a duplicate, with a past time for a late report). */
    public void send(Source source, Instant pressedAt) {
        switch (source) {
            case DOORBELL_DATA_POINTS -> doorbellDataPoints("visitor at " + deviceId, pressedAt);
            case DOORBELL_ACTIVE_EPOCH -> entries(
                    entry("doorbell_active", String.valueOf(pressedAt.getEpochSecond()), Instant.now()));
            case STATION -> entries(stationEntry(pressedAt));
            case LOCK_ALARM_KIT -> entries(entry("lock_alarm_kit", lockAlarmValue, pressedAt));
            case EVENT_NOTIFY -> eventNotify(pressedAt);
            case PROTOCOL_43 -> cloud.publishDeviceMessage(43, notice(), pressedAt.toEpochMilli());
            case PROTOCOL_43_IPC -> {
                ObjectNode message = TuyaJson.object().put("protocol", 43).put("pv", "2.2").put("t",
                        pressedAt.getEpochSecond());
                message.set("data", notice());
                cloud.publishToIpcClients(TuyaJson.write(message));
            }
        }
        reportsSent.incrementAndGet(); // after it left: a later report on the same topic comes after it
    }

    /** How many reports {@link #send} has sent so far (also those sent later). */
    public int reportsSent() {
        return reportsSent.get();
    }

    /** The same report delivered {@code after} later in real time (a late report). */
    public void sendLater(Source source, Instant pressedAt, Duration after) {
        timer.schedule(() -> send(source, pressedAt), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** DP 233 alone: the names of the outdoor stations. */
    public void publishStationList() {
        ObjectNode list = TuyaJson.object().put("res", 1).put("err", 0);
        stationArray(list.putArray("chs"));
        String json = TuyaJson.write(list);
        ArrayNode entries = TuyaJson.MAPPER.createArrayNode();
        entries.addObject().put("code", stationListCode).put("value", json).put("233", json).put("t",
                System.currentTimeMillis());
        cloud.publishDeviceEntries(deviceId, entries);
    }

    /** {@code doorbell_pic} with an encrypted picture and {@code doorbell_active}, at the device's time. */
    void doorbellDataPoints(String caption, Instant pressedAt) {
        String key = SimCrypto.randomToken(16);
        String path = "/" + deviceId + "/detect/" + System.currentTimeMillis() + ".jpeg";
        String bucket = "ty-eu-storage30-pic";
        cloud.store(bucket, path, SimCrypto.encryptPicture(SimPictures.jpeg(caption), key));
        ObjectNode event = TuyaJson.object();
        event.put("v", "3.0");
        event.put("bucket", bucket);
        event.put("cmd", "ipc_doorbell");
        event.put("type", "image");
        event.put("with", "resources");
        event.putArray("files").addArray().add(path).add(key);
        ArrayNode entries = TuyaJson.MAPPER.createArrayNode();
        entries.add(entry("doorbell_pic",
                Base64.getEncoder().encodeToString(TuyaJson.write(event).getBytes(StandardCharsets.UTF_8)), pressedAt));
        entries.add(entry("doorbell_active", "1", pressedAt));
        cloud.publishDeviceEntries(deviceId, entries);
    }

    private ObjectNode stationEntry(Instant pressedAt) {
        ObjectNode call = TuyaJson.object().put("res", 1).put("err", 0).put("cc", callingStation);
        if (stationListInCall) {
            stationArray(call.putArray("chs"));
        }
        String json = TuyaJson.write(call);
        ObjectNode entry = entry(stationCode, json, pressedAt);
        entry.put("231", json);
        return entry;
    }

    private void stationArray(ArrayNode array) {
        stations.forEach((id, name) -> array.addObject().put("id", id).put("n", name));
    }

    private void eventNotify(Instant pressedAt) {
        ObjectNode data = TuyaJson.object().put("bizCode", "event_notify").put("devId", deviceId).put("ts",
                pressedAt.toEpochMilli());
        data.putObject("bizData").put("devId", deviceId).put("etype", "ac_doorbell").put("edata",
                SimCrypto.randomToken(10));
        cloud.publishDeviceMessage(20, data, System.currentTimeMillis());
    }

    private ObjectNode notice() {
        return TuyaJson.object().put("devId", deviceId).put("etype", "ac_doorbell").put("edata",
                SimCrypto.randomToken(10));
    }

    private static ObjectNode entry(String code, String value, Instant t) {
        return TuyaJson.object().put("code", code).put("value", value).put("t", t.toEpochMilli());
    }

    private void entries(ObjectNode... list) {
        ArrayNode entries = TuyaJson.MAPPER.createArrayNode();
        for (ObjectNode entry : list) {
            entries.add(entry);
        }
        cloud.publishDeviceEntries(deviceId, entries);
    }
}
