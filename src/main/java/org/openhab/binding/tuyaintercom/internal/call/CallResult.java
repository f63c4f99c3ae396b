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
package org.openhab.binding.tuyaintercom.internal.call;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The answer to a local request (answer, reject, call …): success, or the SDK error that refused it.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record CallResult(@Nullable CallError error) {
    public static final CallResult SUCCESS = new CallResult(null);

    public static CallResult failed(CallError error) {
        return new CallResult(error);
    }

    public boolean isSuccess() {
        return error == null;
    }

    /** "SUCCESS" or the error's name, for rules. */
    @Override
    public String toString() {
        CallError e = error;
        return e == null ? "SUCCESS" : e.name();
    }
}
