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
 * Configuration of the Tuya Smart account bridge.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class SmartAccountConfiguration {
    public static final String SIGN_IN_PASSWORD = "password";
    public static final String SIGN_IN_QR = "qr";

    /** E-mail address or phone number of the Tuya Smart app account. */
    /** How the bridge signs in: {@link #SIGN_IN_PASSWORD} or {@link #SIGN_IN_QR}. */
    public String signIn = SIGN_IN_PASSWORD;
    public String username = "";
    public String password = "";
    public String region = "EU";
    /** Replaces the region's host (a local simulator). */
    public String baseUrl = "";
    /** The id this installation uses in call signalling; empty for the web client's MQTT id. */
    public String callTargetId = "";
    public int captureCalls = 0;
    /** The key of the sign-in page ({@code k=}), generated when empty. */
    public String signInKey = "";
    /** The session of the sign-in by QR code, kept by the binding across restarts (a secret). */
    public String session = "";
}
