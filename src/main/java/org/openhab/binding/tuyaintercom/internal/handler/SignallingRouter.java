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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The panels of one account by device id, and their open media sessions by session id: routes the 302/308/312
 * messages of the "ipc" topic to the panel they are for, and a device's call notice (protocol 43) there too. Shared by
 * both account types.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class SignallingRouter {
    private final Logger logger = LoggerFactory.getLogger(SignallingRouter.class);
    private final Map<String, DeviceMessageListener> listeners = new ConcurrentHashMap<>();
    /** The panels' open media sessions by {@code sessionid}: 302/312 messages are routed by it first. */
    private final Map<String, DeviceMessageListener> mediaSessions = new ConcurrentHashMap<>();

    void add(String deviceId, DeviceMessageListener listener) {
        listeners.put(deviceId, listener);
    }

    void remove(String deviceId, DeviceMessageListener listener) {
        listeners.remove(deviceId, listener);
        mediaSessions.values().removeIf(listener::equals);
    }

    void routeMediaSession(String sessionId, DeviceMessageListener listener) {
        mediaSessions.put(sessionId, listener);
    }

    void unrouteMediaSession(String sessionId, DeviceMessageListener listener) {
        mediaSessions.remove(sessionId, listener);
    }

    @Nullable
    DeviceMessageListener listener(String deviceId) {
        return listeners.get(deviceId);
    }

    /** Routes one message of the ipc topic to its panel. */
    void onIpcMessage(String topic, byte[] payload) {
        JsonNode message;
        try {
            message = TuyaJson.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            logger.debug("Dropped a message on {}: {}", LogText.safe(topic), LogText.safe(e.getMessage()));
            return;
        }
        int protocol = message.path("protocol").asInt(-1);
        JsonNode data = message.path("data");
        if (protocol == 43) {
            // a device's call notice (classic doorbells) where it reaches the ipc topic
            DeviceMessageListener listener = listeners.get(data.path("devId").asText(""));
            if (listener != null) {
                listener.onDeviceNotice(protocol, data, message.path("t").asLong(0));
            }
            return;
        }
        String deviceId = switch (protocol) {
            case 302, 312 -> data.path("header").path("from").asText("");
            case 308 -> data.path("data").path("curId").asText(data.path("data").path("devId").asText(""));
            default -> "";
        };
        DeviceMessageListener listener = null;
        if (protocol == 302 || protocol == 312) {
            // like public clients: by the session id first (for child and NVR devices "from" may be another id),
            // then by the child's sub_dev_id, then by "from"
            JsonNode header = data.path("header");
            listener = mediaSessions.get(header.path("sessionid").asText(""));
            if (listener == null) {
                listener = listeners.get(header.path("sub_dev_id").asText(""));
            }
        }
        if (listener == null) {
            listener = listeners.get(deviceId);
        }
        if (listener == null && protocol == 308) {
            listener = listeners.get(data.path("data").path("targetId").asText(""));
        }
        if (listener == null) {
            logger.debug("Dropped a protocol {} message on {}: no panel '{}'", protocol, LogText.safe(topic),
                    LogText.safe(deviceId));
            return;
        }
        listener.onSignalling(protocol, data);
    }
}
