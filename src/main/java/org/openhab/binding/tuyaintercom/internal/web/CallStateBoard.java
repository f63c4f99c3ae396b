/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
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
package org.openhab.binding.tuyaintercom.internal.web;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The call state as the call pages see it, with a version that grows on every change so that pages can long-poll
 * for the next one.
 */
@NonNullByDefault
public final class CallStateBoard {
    private long version;
    private ObjectNode state = TuyaJson.object();

    public CallStateBoard() {
        state.put("state", "IDLE");
    }

    /** Publishes a new state; fields: state, direction, peer, session, outcome, endReason, callToken. */
    public synchronized void publish(ObjectNode newState) {
        version++;
        state = newState.deepCopy();
        state.put("version", version);
        notifyAll();
    }

    public synchronized long version() {
        return version;
    }

    /** The state once its version is beyond {@code since}, or the current one after the timeout. */
    public synchronized ObjectNode await(long since, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (version <= since) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        ObjectNode copy = state.deepCopy();
        copy.put("version", version);
        return copy;
    }
}
