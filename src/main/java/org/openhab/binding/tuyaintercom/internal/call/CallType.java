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

/**
 * Who is called: one callee, or several where one reject ends the call for all, or several where a reject only
 * drops the rejecting callee.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public enum CallType {
    ONE_TO_ONE(1),
    ONE_TO_MANY(2),
    ONE_TO_MANY_SPECIAL(3);

    private final int code;

    CallType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type of a wire value; unknown values count as one-to-one. */
    public static CallType of(int code) {
        for (CallType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return ONE_TO_ONE;
    }
}
