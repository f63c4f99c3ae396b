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
package org.openhab.binding.tuyaintercom.internal.tuya.webrtc;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A browser offer like Chromium's (video, audio, data channel) for tests in other packages.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SdpAdapterTestData {
    public static final String OFFER = SdpAdapterTest.OFFER;
    /** A device's answer to {@link #OFFER}. */
    public static final String DEVICE_ANSWER = SdpAdapterTest.DEVICE_ANSWER;
    /** A receive-only offer with valid ICE credentials and a full DTLS fingerprint, which a real peer answers. */
    public static final String LIVE_VIEW_OFFER = SdpAnswerQuirksTest.LIVE_VIEW_OFFER;

    private SdpAdapterTestData() {
    }
}
