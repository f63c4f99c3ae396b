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

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Time for the call engine: the current instant and one-shot timers. Production uses the handler's scheduler; tests
 * use a manual clock so that minutes of call time pass in milliseconds.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public interface CallTimers {
    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Timer {
        void cancel();
    }

    Instant now();

    Timer schedule(Runnable task, Duration delay);
}
