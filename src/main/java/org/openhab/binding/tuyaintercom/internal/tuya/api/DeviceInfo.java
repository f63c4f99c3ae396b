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
package org.openhab.binding.tuyaintercom.internal.tuya.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A device as the OpenAPI lists it. {@code localKey} is a secret and never part of {@link #toString()}.
 * {@code gatewayId} is the {@code gateway_id} of the device list: the gateway or recorder a child device (sub-device)
 * hangs off, empty for a stand-alone device.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record DeviceInfo(String id, String name, String category, String productId, String productName, boolean online,
        String ownerUid, String localKey, Map<String, JsonNode> status, String gatewayId) {

    /** A stand-alone device (no gateway). */
    public DeviceInfo(String id, String name, String category, String productId, String productName, boolean online,
            String ownerUid, String localKey, Map<String, JsonNode> status) {
        this(id, name, category, productId, productName, online, ownerUid, localKey, status, "");
    }

    public static DeviceInfo from(JsonNode node) {
        Map<String, JsonNode> status = new LinkedHashMap<>();
        for (JsonNode dp : node.path("status")) {
            String code = dp.path("code").asText("");
            if (!code.isEmpty()) {
                status.put(code, dp.path("value"));
            }
        }
        return new DeviceInfo(node.path("id").asText(""), node.path("name").asText(""),
                node.path("category").asText(""), node.path("product_id").asText(""),
                node.path("product_name").asText(""), node.path("online").asBoolean(false), node.path("uid").asText(""),
                node.path("local_key").asText(""), status, node.path("gateway_id").asText(""));
    }

    /**
     * The id to send in {@code sub_dev_id} of 302/312 messages: this device's own id where the device list names a
     * gateway other than itself (a child device), empty otherwise.
     */
    public String subDeviceId() {
        return !gatewayId.isBlank() && !gatewayId.equals(id) ? id : "";
    }

    @Override
    public String toString() {
        return "DeviceInfo[id=" + id + ", name=" + name + ", category=" + category + ", online=" + online + "]";
    }
}
