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
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;

/**
 * Told when an {@link MqttLink} is up, and when it is down with the reason.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public interface MqttLinkStatusListener {
    void linkUp(MqttLink link);

    /**
     * @param cloudError the cloud's answer when fetching access failed, null when the broker connection failed
     */
    void linkDown(MqttLink link, String reason, @Nullable TuyaApiException cloudError);
}
