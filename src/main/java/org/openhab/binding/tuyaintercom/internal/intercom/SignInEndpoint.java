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
package org.openhab.binding.tuyaintercom.internal.intercom;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the sign-in page of an account bridge ({@code /tuyaintercom/signin/<bridge UID>?k=<sign-in key>}) needs of the
 * bridge: the check of its key and where the sign-in by QR code stands.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public interface SignInEndpoint {
    /** What the page shows. */
    enum Phase {
        /** A code is being fetched. */
        PREPARING,
        /** A code to scan ({@link View#qrText()}). */
        SHOWING,
        /** The code was scanned; the sign-in waits for the confirmation in the app. */
        SCANNED,
        /** Signed in: nothing to do. */
        SIGNED_IN,
        /** No code could be fetched; the page tries again. */
        FAILED
    }

    /** What happened to the previous code, if anything. */
    enum Notice {
        NONE,
        EXPIRED,
        REFUSED,
        CANCELLED,
        /** The session of an earlier sign-in ended. */
        SESSION_ENDED
    }

    /** The state of the sign-in; {@code qrText} is empty unless a code is shown (it is a secret of the sign-in). */
    record View(Phase phase, Notice notice, String qrText) {
        @Override
        public String toString() {
            return "View[" + phase + ", " + notice + "]";
        }
    }

    /** Whether the key is the bridge's sign-in key (compared in constant time). */
    boolean allowsKey(@Nullable String key);

    /** The state for a page being viewed now: a page being viewed makes the bridge fetch a code when it has none. */
    View view();
}
