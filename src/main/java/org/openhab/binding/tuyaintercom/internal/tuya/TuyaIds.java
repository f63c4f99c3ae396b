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
package org.openhab.binding.tuyaintercom.internal.tuya;

import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The shape of the ids the cloud sends (device, user, session ids): letters, digits, {@code _} and {@code -}, at most
 * 128 characters. Anything else is refused before it reaches the call model or a topic (log lines take ids through
 * {@link org.openhab.binding.tuyaintercom.internal.LogText}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TuyaIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private TuyaIds() {
    }

    public static boolean isValid(String id) {
        return ID.matcher(id).matches();
    }

    /** The id if it is empty or well-formed; otherwise an {@link IllegalArgumentException} naming only the field. */
    public static String checked(String field, String id) {
        if (!id.isEmpty() && !isValid(id)) {
            throw new IllegalArgumentException(field + " is not a valid id");
        }
        return id;
    }
}
