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

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The device routes that Tuya's own clients call and the binding does not: the status of a device ({@code GET
 * /v1.0/devices/{id}/status}, {@code GET /v1.0/iot-03/devices/{id}/status}: a list of {@code {code, value}}), the
 * device itself in the iot-03 form ({@code GET /v1.0/iot-03/devices/{id}}: the fields of {@code /v1.0/devices/{id}})
 * and commands in the v1.0 form ({@code POST /v1.0/devices/{id}/commands}, the same as the iot-03 form). A device
 * that is not the account's is refused with 1106 permission deny, as on the other device routes.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class SimDeviceRoutes {
    private final TuyaCloudSimulator cloud;

    SimDeviceRoutes(TuyaCloudSimulator cloud) {
        this.cloud = cloud;
    }

    /** The answer to a signed request with a valid token, or null when the route is none of these. */
    @Nullable
    ObjectNode answer(String method, String[] p, @Nullable JsonNode body) {
        // p[0] is empty (the path starts with '/'), p[1] the version
        if (p.length < 4 || !"v1.0".equals(p[1])) {
            return null;
        }
        boolean iot03 = "iot-03".equals(p[2]) && "devices".equals(p[3]);
        boolean v10 = "devices".equals(p[2]);
        int id = iot03 ? 4 : 3;
        if (!(iot03 || v10) || p.length <= id) {
            return null;
        }
        String deviceId = p[id];
        String rest = p.length == id + 1 ? "" : p.length == id + 2 ? p[id + 1] : null;
        if ("GET".equals(method) && "status".equals(rest)) {
            SimDevice device = cloud.device(deviceId);
            return device == null ? TuyaCloudSimulator.failure(1106, "permission deny")
                    : TuyaCloudSimulator.success(status(device));
        }
        if ("GET".equals(method) && iot03 && "".equals(rest)) {
            SimDevice device = cloud.device(deviceId);
            return device == null ? TuyaCloudSimulator.failure(1106, "permission deny")
                    : TuyaCloudSimulator.success(cloud.deviceAsListed(device));
        }
        if ("POST".equals(method) && v10 && "commands".equals(rest)) {
            return cloud.command(deviceId, body);
        }
        return null;
    }

    private ArrayNode status(SimDevice device) {
        ArrayNode list = TuyaJson.MAPPER.createArrayNode();
        synchronized (cloud) {
            for (Map.Entry<String, Object> entry : device.status.entrySet()) {
                list.addObject().put("code", entry.getKey()).putPOJO("value", entry.getValue());
            }
        }
        return list;
    }
}
