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
 * What happened to a call, as rules see it (the payloads of the {@code call} trigger channel).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public enum CallOutcome {
    RING,
    ANSWERED,
    REJECTED,
    CANCELLED,
    HUNG_UP,
    MISSED,
    BUSY,
    ANSWERED_ELSEWHERE,
    REJECTED_ELSEWHERE,
    CONNECTED,
    FAILED
}
