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

import static org.junit.jupiter.api.Assertions.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.smart.QrPollAnswer.State;

/**
 * The parsing of the QR sign-in's answers: the token of {@code QCtoken} in either shape, the QR code's text, and the
 * poll's answers read for words (what the real cloud answers before the confirmation is not public).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class QrPollAnswerTest {
    @Test
    void theTokenIsTheResultOrItsTokenField() throws Exception {
        assertEquals("abcDEF123_-", QrPollAnswer.token(TuyaJson.parse("\"abcDEF123_-\"")));
        assertEquals("tok42", QrPollAnswer.token(TuyaJson.parse("{\"token\":\"tok42\"}")));
    }

    @Test
    void aTokenThatIsNoTokenIsRefused() {
        for (String bad : new String[] { "\"\"", "{}", "null", "\"a b\"", "\"x&y=z\"", "\"" + "a".repeat(129) + "\"",
                "\"line\\nbreak\"" }) {
            SmartApiException e = assertThrows(SmartApiException.class, () -> QrPollAnswer.token(TuyaJson.parse(bad)),
                    bad);
            assertEquals(SmartApiException.Kind.OTHER, e.kind());
        }
    }

    @Test
    void theQrCodeHoldsTheAppsSignInLink() {
        assertEquals("tuyaSmart--qrLogin?token=tok42", QrPollAnswer.qrText("tok42"));
    }

    @Test
    void aResultWithTheAccountsUidIsASignIn() {
        assertEquals(State.SIGNED_IN, QrPollAnswer.ofResult(TuyaJson.parse("{\"uid\":\"az1\",\"domain\":{}}")));
        assertEquals(State.WAITING, QrPollAnswer.ofResult(TuyaJson.parse("{}")));
        assertEquals(State.WAITING, QrPollAnswer.ofResult(TuyaJson.parse("{\"uid\":\"\"}")));
        assertEquals(State.WAITING, QrPollAnswer.ofResult(TuyaJson.parse("true")));
    }

    @Test
    void errorsAreReadForWords() {
        assertEquals(State.EXPIRED, QrPollAnswer.ofError("/api/login/poll: QR_CODE_EXPIRED (the QR code has expired)"));
        assertEquals(State.EXPIRED, QrPollAnswer.ofError("/api/login/poll: TOKEN_INVALID"));
        assertEquals(State.REFUSED, QrPollAnswer.ofError("/api/login/poll: QR_LOGIN_REFUSED"));
        assertEquals(State.REFUSED, QrPollAnswer.ofError("/api/login/poll: USER_REJECT (login rejected)"));
        assertEquals(State.CANCELLED, QrPollAnswer.ofError("/api/login/poll: QR_LOGIN_CANCELLED"));
        assertEquals(State.SCANNED,
                QrPollAnswer.ofError("/api/login/poll: QR_SCANNED (scanned, waiting for the confirmation)"));
        assertEquals(State.WAITING, QrPollAnswer.ofError("/api/login/poll: QR_WAITING (waiting for the app)"));
        assertEquals(State.WAITING, QrPollAnswer.ofError("/api/login/poll: 1234"));
        assertEquals(State.WAITING, QrPollAnswer.ofError(""));
    }
}
