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
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.SmartApiException.Kind;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answers of the web client's sign-in by QR code, as tuya-ipc-terminal uses it: {@code POST
 * /api/login/security/QCtoken} gives a token in {@code result}, the QR code holds
 * {@code tuyaSmart--qrLogin?token=<token>},
 * and {@code POST /api/login/poll {"token"}} answers with the sign-in's result (the one of the password sign-in, with
 * {@code uid}) once the code was scanned and confirmed in the Tuya Smart app. What it answers before that, and on
 * expiry, refusal or cancelling, is not public: the error's code and message are read for words.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class QrPollAnswer {
    /** Where a QR sign-in stands. */
    public enum State {
        /** Not scanned yet (or nothing the binding understands: polled on until the code's end). */
        WAITING,
        /** Scanned, not yet confirmed in the app. */
        SCANNED,
        /** Confirmed: the client is signed in. */
        SIGNED_IN,
        /** The code is no longer valid. */
        EXPIRED,
        /** The sign-in was refused in the app. */
        REFUSED,
        /** The code was scanned, then the sign-in was cancelled in the app. */
        CANCELLED
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final String QR_PREFIX = "tuyaSmart--qrLogin?token=";

    private QrPollAnswer() {
    }

    /** The token of a {@code QCtoken} answer's {@code result}: the text itself, or its {@code token} field. */
    static String token(JsonNode result) throws SmartApiException {
        String token = result.isValueNode() ? result.asText("") : result.path("token").asText("");
        if (!TOKEN.matcher(token).matches()) {
            throw new SmartApiException(Kind.OTHER, "the QR code answer has no usable token");
        }
        return token;
    }

    /** What the QR code shows for a token. */
    public static String qrText(String token) {
        return QR_PREFIX + token;
    }

    /** A successful poll: signed in once the result names the account ({@code uid}), else still waiting. */
    static State ofResult(JsonNode result) {
        return result.path("uid").asText("").isEmpty() ? State.WAITING : State.SIGNED_IN;
    }

    /** A poll answered with an error: its code and message, read for words. */
    static State ofError(String codeAndMessage) {
        String text = codeAndMessage.toUpperCase(Locale.ROOT);
        if (text.contains("EXPIRE") || text.contains("TIMEOUT") || text.contains("INVALID")) {
            return State.EXPIRED;
        }
        if (text.contains("REFUS") || text.contains("REJECT") || text.contains("DENIED") || text.contains("DECLIN")) {
            return State.REFUSED;
        }
        if (text.contains("CANCEL")) {
            return State.CANCELLED;
        }
        if (text.contains("SCANNED") || text.contains("CONFIRM")) {
            return State.SCANNED;
        }
        return State.WAITING;
    }
}
