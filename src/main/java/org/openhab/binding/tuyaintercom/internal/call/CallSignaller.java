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
 * Sends call signalling messages to the panel.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@FunctionalInterface
public interface CallSignaller {
    /** @throws MessageNotSentException when the message could not be handed to the network */
    void send(CallMessage message) throws MessageNotSentException;
}
