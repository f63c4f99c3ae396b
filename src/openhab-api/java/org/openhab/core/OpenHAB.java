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
package org.openhab.core;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Compile-time stand-in: openHAB's folders.
 */
@NonNullByDefault
public class OpenHAB {
    public static final String USERDATA_DIR_PROG_ARGUMENT = "openhab.userdata";
    public static final String DEFAULT_USERDATA_FOLDER = "userdata";

    public static String getUserDataFolder() {
        return System.getProperty(USERDATA_DIR_PROG_ARGUMENT, DEFAULT_USERDATA_FOLDER);
    }
}
