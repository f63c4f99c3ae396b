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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openhab.binding.tuyaintercom.internal.intercom.LinkSigner;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.events.SnapshotFetcher;
import org.openhab.core.thing.binding.ThingHandler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "The account" a panel belongs to, whichever way the binding signs in (a cloud project of the Tuya IoT platform, or
 * the Tuya Smart app account through Tuya's web client): its devices, the WebRTC configuration of a device, the
 * messaging of a device (WebRTC and call signalling in, publish out), snapshots and the lock command. Panel handlers
 * and discovery depend on this interface only.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public interface TuyaAccount extends ThingHandler, SnapshotFetcher.SignedUrls {

    /**
     * Whether the account's requests can be made now: the same meaning on both bridges. The cloud project's client
     * signs its requests with a token it fetches and refreshes itself, so it can once configured; the web client needs
     * a session, so it can once signed in.
     */
    boolean isReady();

    /** The devices of the account (all of them; discovery picks the panels). */
    List<DeviceInfo> devices() throws TuyaApiException;

    /** One device of the account, with its online state and local key. */
    DeviceInfo device(String deviceId) throws TuyaApiException;

    /** A fresh WebRTC configuration of a device (moto id, auth, ICE servers, skill). */
    WebRtcConfig webRtcConfig(String deviceId) throws TuyaApiException;

    /** Writes a data point of a device (e.g. the lock); fails where the account type cannot. */
    void sendCommand(String deviceId, String code, Object value) throws TuyaApiException;

    /** Signs the links of this account's panels. */
    LinkSigner signer();

    /** The id this client uses as {@code from} in signalling messages. */
    String mqttUid();

    /** The id this installation uses as {@code curId} / {@code targetId} in call signalling. */
    String callTargetId();

    /** Publishes a 302/308/312 message to a device. */
    void publishSignalling(String motoId, String deviceId, String payload) throws MqttException;

    /** Publishes bytes on a topic (e.g. the wake-up of a low-power device). */
    void publishRaw(String topic, byte[] payload) throws MqttException;

    /** Registers the handler of a device for its messages. */
    void addDeviceListener(String deviceId, DeviceMessageListener listener);

    void removeDeviceListener(String deviceId, DeviceMessageListener listener);

    /** Routes the 302/312 messages of a media session to the panel that opened it. */
    void routeMediaSession(String sessionId, DeviceMessageListener listener);

    void unrouteMediaSession(String sessionId, DeviceMessageListener listener);

    /** A call of one of the panels ended (counts down a running capture). */
    void callEnded();

    /** Notes something for a running capture (redacted). */
    void captureNote(String event, JsonNode details);
}
