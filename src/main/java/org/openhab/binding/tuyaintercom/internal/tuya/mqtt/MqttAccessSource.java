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
package org.openhab.binding.tuyaintercom.internal.tuya.mqtt;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;

/**
 * Fetches fresh MQTT access (credentials, topics, expiry) from the cloud.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@FunctionalInterface
public interface MqttAccessSource {
    MqttAccessConfig fetch() throws TuyaApiException;
}
