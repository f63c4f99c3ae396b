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
package org.openhab.binding.tuyaintercom.internal.discovery;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;

/**
 * Tells intercom panels from other devices of an account: category {@code sp_dpsxj} (screen IPC), category
 * {@code dghsxj} (a camera category to Home Assistant and go2rtc's sharing-API client; go2rtc #2417 is a
 * {@code dghsxj} Novicam intercom), or category {@code sp} (smart camera) with doorbell or call data points.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PanelRecognizer {
    public static final String CATEGORY_SCREEN_IPC = "sp_dpsxj";
    public static final String CATEGORY_CAMERA = "sp";
    public static final String CATEGORY_INTERCOM = "dghsxj";

    /** Data point codes that only doorbells and intercom panels report. */
    static final Set<String> DOORBELL_CODES = Set.of("doorbell_active", "doorbell_pic", "doorbell_call",
            "alarm_message", "initiative_message", "doorbell_ring_exist", "doorbell_song", "accessory_lock");

    private PanelRecognizer() {
    }

    public static boolean isPanel(DeviceInfo device) {
        String category = device.category();
        return CATEGORY_SCREEN_IPC.equals(category) || CATEGORY_INTERCOM.equals(category)
                || CATEGORY_CAMERA.equals(category)
                        && device.status().keySet().stream().anyMatch(DOORBELL_CODES::contains);
    }
}
