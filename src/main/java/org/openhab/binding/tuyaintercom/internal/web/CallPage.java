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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The call page, plain HTML and JavaScript shipped in the jar ({@code web/call.html}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class CallPage {
    private final byte[] html;

    CallPage() {
        try (InputStream in = CallPage.class.getResourceAsStream("/web/call.html")) {
            if (in == null) {
                throw new IllegalStateException("web/call.html missing from the bundle");
            }
            html = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] html() {
        return html.clone();
    }
}
