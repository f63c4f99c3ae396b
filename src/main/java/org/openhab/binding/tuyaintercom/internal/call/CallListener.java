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
 * Told about every change of the panel's call. Called with the engine's lock held: do not call back into the engine,
 * do only quick work.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public interface CallListener {
    /** The call started or its state or flags changed (also when it ended: then its state is IDLE). */
    void callChanged(Call call);

    /** Something rules may react to happened to the call. */
    void callOutcome(Call call, CallOutcome outcome);

    /** A call message was refused without changing the current call (e.g. a second call while one is active). */
    void callRefused(CallMessage message, CallError error);

    /**
     * The call ended and what the binding sends about its end has gone out (the {@code disconnect} of its media
     * session, when it had one). Called once per ended call, on a scheduler thread, not under the engine's lock.
     */
    default void callTrafficEnded(Call call) {
    }

    /**
     * The answered call's media has not connected within {@link CallSettings#mediaConnectTimeout()}. The first time
     * ({@code firstTime}) the listener may start one repair (a fresh offer) and return null: the call then gets the
     * bound once more. Otherwise it returns the error the call ends with. Called with the engine's lock held.
     */
    default @Nullable CallError mediaOverdue(Call call, boolean firstTime) {
        return CallError.CONNECT_FAIL;
    }
}
