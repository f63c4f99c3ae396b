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

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A device of the simulated account, as the OpenAPI lists it, with its data points and WebRTC capabilities.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimDevice {
    public final String id;
    public String name;
    public String category;
    public String productName = "Simulated device";
    /** The device list's {@code gateway_id}: the gateway or recorder of a child device; empty (not listed) if none. */
    public String gatewayId = "";
    public String productId = "simprod";
    public boolean online = true;
    public String localKey;
    public boolean supportsWebrtc;
    public boolean lowPower;
    public boolean twoWayAudio;
    /** Video codec type of the skill's streams: 2 H.264, 4 H.265 (an H.265-only panel). */
    public int videoCodecType = 2;
    public final Map<String, Object> status = new LinkedHashMap<>();

    public SimDevice(String id, String name, String category) {
        this.id = id;
        this.name = name;
        this.category = category;
        this.localKey = "lk" + Integer.toHexString(id.hashCode()) + "0123456789abcdef".substring(0, 6);
    }

    /** A screen intercom panel (category sp_dpsxj) with doorbell and lock data points and two-way WebRTC. */
    public static SimDevice panel(String id, String name) {
        SimDevice device = new SimDevice(id, name, "sp_dpsxj");
        device.productName = "Simulated Video Intercom";
        device.supportsWebrtc = true;
        device.twoWayAudio = true;
        device.status.put("doorbell_active", "");
        device.status.put("accessory_lock", false);
        return device;
    }

    /**
     * An intercom of category {@code dghsxj} (go2rtc #2417: a Novicam intercom) with several outdoor
     * stations: its status lists none of the doorbell data points, only the station list (code {@code channel_list},
     * DP 233) and the lock.
     */
    public static SimDevice intercom(String id, String name) {
        SimDevice device = new SimDevice(id, name, "dghsxj");
        device.productName = "Simulated Multi-Station Intercom";
        device.supportsWebrtc = true;
        device.twoWayAudio = true;
        device.status.put("channel_list",
                "{\"res\":1,\"err\":0,\"chs\":[{\"id\":1,\"n\":\"DOOR1\"}," + "{\"id\":2,\"n\":\"GATE\"}]}");
        device.status.put("accessory_lock", false);
        return device;
    }

    /** A video doorbell of the generic camera category that reports doorbell data points. */
    public static SimDevice doorbellCamera(String id, String name) {
        SimDevice device = new SimDevice(id, name, "sp");
        device.productName = "Simulated Video Doorbell";
        device.supportsWebrtc = true;
        device.lowPower = true;
        device.status.put("doorbell_pic", "");
        device.status.put("alarm_message", "");
        return device;
    }

    /** An ordinary camera: WebRTC, but no doorbell or call data points. */
    public static SimDevice camera(String id, String name) {
        SimDevice device = new SimDevice(id, name, "sp");
        device.productName = "Simulated Camera";
        device.supportsWebrtc = true;
        device.status.put("basic_flip", false);
        device.status.put("motion_switch", true);
        return device;
    }

    /** A device without video (a plug). */
    public static SimDevice plug(String id, String name) {
        SimDevice device = new SimDevice(id, name, "cz");
        device.productName = "Simulated Plug";
        device.status.put("switch_1", true);
        return device;
    }
}
