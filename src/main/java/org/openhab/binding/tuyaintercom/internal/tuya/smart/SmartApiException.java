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
package org.openhab.binding.tuyaintercom.internal.tuya.smart;

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;

/**
 * A failed request of Tuya's web client API, classified for the thing status. The web API answers
 * {@code {"success": false, "errorCode": "...", "errorMsg": "..."}}; its codes are not documented, so the
 * classification looks for words in the code and message (see {@link #classify(String, String, boolean)}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class SmartApiException extends TuyaApiException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the user is concerned. */
    public enum Kind {
        /** The account exists, the password is wrong: never retried automatically. */
        WRONG_PASSWORD,
        /** No such account in this region: never retried automatically. */
        UNKNOWN_ACCOUNT,
        /** A Smart Life account: the web client accepts Tuya Smart accounts only. */
        SMART_LIFE,
        /** The cloud refused the sign-in (captcha, too many tries, locked for a while): retried after a long pause. */
        REFUSED,
        /** The session is no longer valid: sign in again. */
        SESSION,
        /** The cloud could not be reached. */
        NETWORK,
        /** Any other error. */
        OTHER
    }

    private final Kind kind;

    public SmartApiException(Kind kind, String message) {
        super(kind == Kind.NETWORK ? NETWORK : kind == Kind.SESSION ? 1010 : 0, message);
        this.kind = kind;
    }

    public SmartApiException(String message, Throwable cause) {
        super(message, cause);
        this.kind = Kind.NETWORK;
    }

    public Kind kind() {
        return kind;
    }

    /** Classifies an error answer; {@code login} for the sign-in requests (which have no session yet). */
    public static Kind classify(String errorCode, String errorMsg, boolean login) {
        String text = (errorCode + " " + errorMsg).toUpperCase(Locale.ROOT).replace(' ', '_');
        if (text.contains("SMART_LIFE") || text.contains("SMARTLIFE")) {
            return Kind.SMART_LIFE;
        }
        if (text.contains("CAPTCHA") || text.contains("VERIFY") || text.contains("TOO_MANY") || text.contains("FREQUEN")
                || text.contains("LIMIT") || text.contains("LOCK")) {
            return Kind.REFUSED;
        }
        if (login && (text.contains("PASSWD") || text.contains("PASSWORD"))) {
            return Kind.WRONG_PASSWORD;
        }
        if (login && (text.contains("NOT_EXIST") || text.contains("NOT_FOUND") || text.contains("NOT_REGISTER"))) {
            return Kind.UNKNOWN_ACCOUNT;
        }
        if (!login && (text.contains("SESSION") || text.contains("LOGIN") || text.contains("TOKEN"))) {
            return Kind.SESSION;
        }
        return Kind.OTHER;
    }
}
