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

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the account bridge forwards to the handler of one device.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public interface DeviceMessageListener {
    /** A decrypted data point report (protocol 4): the {@code status} array of {@code {code, value, t}}. */
    void onDeviceStatus(JsonNode status);

    /** The cloud reports the device online or offline (protocol 20). */
    void onDeviceOnline(boolean online);

    /** A message of the ipc topics: protocol 302 / 312 (WebRTC) or 308 (call signalling), with its {@code data}. */
    void onSignalling(int protocol, JsonNode data);

    /**
     * A notice about the device that is no data point report: protocol 43 (the device's call notice) or a protocol 20
     * event other than online/offline (e.g. {@code event_notify}), with its {@code data} and the message's {@code t}.
     */
    default void onDeviceNotice(int protocol, JsonNode data, long messageTime) {
    }
}
