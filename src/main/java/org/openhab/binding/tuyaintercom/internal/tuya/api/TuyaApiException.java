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
package org.openhab.binding.tuyaintercom.internal.tuya.api;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A request the Tuya cloud refused ({@code success:false}), or one that did not reach it (code {@link #NETWORK}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class TuyaApiException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Not a Tuya code: the cloud could not be reached or answered with something that is not its envelope. */
    public static final int NETWORK = -1;

    private final int code;

    public TuyaApiException(int code, String message) {
        super(message);
        this.code = code;
    }

    public TuyaApiException(String message, Throwable cause) {
        super(message, cause);
        this.code = NETWORK;
    }

    public int code() {
        return code;
    }

    public TuyaFailure failure() {
        return TuyaFailure.of(code);
    }
}
