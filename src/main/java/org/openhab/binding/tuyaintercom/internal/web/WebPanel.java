/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
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
package org.openhab.binding.tuyaintercom.internal.web;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.call.CallEngine;
import org.openhab.binding.tuyaintercom.internal.call.CallResult;
import org.openhab.binding.tuyaintercom.internal.handler.MediaRelay;
import org.openhab.binding.tuyaintercom.internal.tuya.api.IceServer;

/**
 * What the web endpoints need of a panel.
 */
@NonNullByDefault
public interface WebPanel {
    String thingUID();

    /** The signer of the panel's account bridge. */
    LinkSigner signer();

    CallStateBoard board();

    @Nullable
    CallEngine engine();

    @Nullable
    MediaRelay relay();

    /** STUN and TURN servers of the panel's WebRTC configuration (the TURN credential is a secret). */
    List<IceServer> iceServers();

    /** Remembers the media session of the current call, so that it is closed when the call ends. */
    void attachCallMedia(String mediaSessionId);

    /** Whether a media session is the one of the current call. */
    boolean isCallMedia(String mediaSessionId);

    CallResult unlock();
}
