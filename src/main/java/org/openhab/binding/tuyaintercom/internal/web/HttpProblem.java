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
 * A request the endpoints refuse, with the HTTP status and a short reason for the client.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public class HttpProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String allow;

    public HttpProblem(int status, String reason) {
        this(status, reason, "GET, HEAD, POST");
    }

    /** A 405 with the methods the resource allows (its {@code Allow} header). */
    public HttpProblem(int status, String reason, String allow) {
        super(reason);
        this.status = status;
        this.allow = allow;
    }

    public String allow() {
        return allow;
    }

    public int status() {
        return status;
    }
}
