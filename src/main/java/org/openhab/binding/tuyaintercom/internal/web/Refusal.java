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
package org.openhab.binding.tuyaintercom.internal.web;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A request a panel session refuses, with the kind of refusal (the web layer maps it to an HTTP status) and a short
 * reason for the client.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Kind {
        /** Malformed request. */
        BAD_REQUEST,
        /** No valid credential for this request. */
        UNAUTHORIZED,
        /** The credential is valid but does not allow this. */
        FORBIDDEN,
        /** No such media session, or the panel went away. */
        NOT_FOUND,
        /** The call is not in a state that allows this (e.g. answered elsewhere). */
        CONFLICT,
        /** Too many open pages (per panel or in total). */
        TOO_MANY_PAGES,
        /** Too many live views; or the panel is not online. */
        UNAVAILABLE,
        /** The cloud or the panel could not be reached. */
        UPSTREAM
    }

    private final Kind kind;

    public Refusal(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
