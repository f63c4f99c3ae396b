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

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The page shown for a call page link that is invalid, expired or revoked, in the browser's language (texts
 * {@code page.invalid.*} of the binding's translations, see {@link PageTexts}), saying what to do. Its style is a file
 * of {@link PageAssets} (no inline style: the page runs under {@link SecurityHeaders}' policy).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class InvalidLinkPage {
    private InvalidLinkPage() {
    }

    static byte[] html(String lang, String title, String text, String stylesheet) {
        String html = "<!DOCTYPE html><html lang=\"" + escape(lang) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + escape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + escape(stylesheet) + "\"></head><body><main>"
                + "<svg class=\"icon\" aria-hidden=\"true\" viewBox=\"0 0 24 24\" fill=\"none\" "
                + "stroke=\"currentColor\" stroke-width=\"1.8\" stroke-linecap=\"round\"><path d=\"M9 17H7A5 5 0 0 1 7 "
                + "7h2\"/><path d=\"M15 7h2a5 5 0 0 1 4 8\"/><path d=\"M8 12h3\"/><path d=\"M3 3l18 18\"/></svg><h1 id=\"invalid\">"
                + escape(title) + "</h1><p id=\"invalid-text\">" + escape(text) + "</p></main></body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
