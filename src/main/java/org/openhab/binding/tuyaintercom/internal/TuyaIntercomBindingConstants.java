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
package org.openhab.binding.tuyaintercom.internal;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.ThingTypeUID;

/**
 * Ids shared across the binding: binding id, thing types, channel ids, servlet path.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TuyaIntercomBindingConstants {
    public static final String BINDING_ID = "tuyaintercom";

    public static final ThingTypeUID THING_TYPE_ACCOUNT = new ThingTypeUID(BINDING_ID, "account");
    public static final ThingTypeUID THING_TYPE_SMART_ACCOUNT = new ThingTypeUID(BINDING_ID, "smartaccount");
    public static final ThingTypeUID THING_TYPE_PANEL = new ThingTypeUID(BINDING_ID, "panel");
    public static final Set<ThingTypeUID> SUPPORTED_THING_TYPES = Set.of(THING_TYPE_ACCOUNT, THING_TYPE_SMART_ACCOUNT,
            THING_TYPE_PANEL);

    /** Every endpoint of the binding lives below this path on openHAB's HTTP port. */
    public static final String SERVLET_PATH = "/" + BINDING_ID;

    public static final String CHANNEL_CALL_STATE = "call-state";
    public static final String CHANNEL_CALL_DIRECTION = "call-direction";
    public static final String CHANNEL_CALL_PEER = "call-peer";
    public static final String CHANNEL_CALL_SESSION = "call-session";
    public static final String CHANNEL_CALL_STARTED = "call-started";
    public static final String CHANNEL_CALL_END_REASON = "call-end-reason";
    public static final String CHANNEL_CALL = "call";
    public static final String CHANNEL_DOORBELL = "doorbell";
    public static final String CHANNEL_CALL_CONTROL = "call-control";
    public static final String CHANNEL_SNAPSHOT = "snapshot";
    public static final String CHANNEL_SNAPSHOT_TIME = "snapshot-time";
    public static final String CHANNEL_UNLOCK = "unlock";
    public static final String CHANNEL_ONLINE = "online";
    public static final String CHANNEL_CALL_HISTORY = "call-history";
    public static final String CHANNEL_CALL_PAGE_URL = "call-page-url";
    public static final String CHANNEL_VIDEO_URL = "video-url";
    public static final String CHANNEL_STREAM_URL = "stream-url";
    public static final String CHANNEL_CALLING_STATION = "calling-station";
    public static final String CHANNEL_RING_DELAY = "ring-delay";

    private TuyaIntercomBindingConstants() {
    }
}
