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
 * Where the call with a panel stands.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public enum CallState {
    /** No call. */
    IDLE,
    /** The panel calls; not answered yet. */
    RINGING,
    /** openHAB calls the panel; not answered yet. */
    CALLING,
    /** Answered; the media session is being set up. */
    CONNECTING,
    /** Answered, and media flows or no media was asked for. */
    IN_CALL
}
