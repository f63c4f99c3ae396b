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
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * How a refusal of the Tuya cloud shows in a thing's status: the detail, and the translated description with the
 * cloud's own words as its argument.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class CloudStatus {
    private CloudStatus() {
    }

    static ThingStatusDetail detail(TuyaApiException e) {
        return e.failure().isConfigurationError() ? ThingStatusDetail.CONFIGURATION_ERROR
                : ThingStatusDetail.COMMUNICATION_ERROR;
    }

    static String description(TuyaApiException e) {
        String detail = LogText.safe(e.getMessage()).replace("\"", "'");
        return "@text/" + e.failure().messageKey() + " [\"" + detail + "\"]";
    }
}
