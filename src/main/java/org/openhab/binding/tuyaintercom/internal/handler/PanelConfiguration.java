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

/**
 * Configuration of a panel thing.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class PanelConfiguration {
    public String deviceId = "";
    /** Seconds an incoming call rings at most. */
    public int ringTimeout = 30;
    /** Seconds between heartbeats during a call. */
    public int heartbeatInterval = 10;
    /** Seconds without the panel's heartbeats after which a call counts as disconnected. */
    public int heartbeatTimeout = 30;
    /** Seconds an answered call's media may take to connect; after one repair as long again, then the call ends. */
    public int connectTimeout = 15;
    /** An extra data point (code or numeric id) that signals a doorbell press. */
    public String doorbellDp = "";
    /** The data point (code or numeric id) of a multi-station panel that says which outdoor station calls. */
    public String stationDp = "231";
    /** The data point (code or numeric id) of a multi-station panel with the outdoor stations' names. */
    public String stationListDp = "233";
    /** The data point code that opens the door. */
    public String lockDp = "accessory_lock";
    /** Seconds after which the unlock switch turns off again by itself. */
    public int unlockAutoOff = 5;
    /** How many calls the call history keeps. */
    public int historySize = 20;
    /** When the web pages may open the door: {@code in-call}, {@code never} or {@code always}. */
    public String webUnlock = "in-call";
    /** Whether a ringing call page shows a muted live view of the visitor before anyone answers. */
    public boolean ringPreview = true;
    /** How many WebRTC sessions the panel serves at a time; 0: no limit. */
    public int maxMediaSessions = 0;
    /** The key of the stable entry link; generated when empty, revoked by clearing it. */
    public String entryKey = "";
    /** The kind of stream address of the stream-url channel: {@code hls} or {@code rtsp}. */
    public String streamType = "hls";
}
