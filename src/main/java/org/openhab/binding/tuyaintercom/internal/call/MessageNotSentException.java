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
 * A message for the panel (call signalling, WebRTC signalling, a wake-up) could not be handed to the network: the
 * link is down, its queue is full, or what the message needs (e.g. a current WebRTC configuration) is missing.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class MessageNotSentException extends Exception {
    private static final long serialVersionUID = 1L;

    public MessageNotSentException(String message) {
        super(message);
    }

    public MessageNotSentException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
