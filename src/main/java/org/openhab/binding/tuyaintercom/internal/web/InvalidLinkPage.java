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
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The page shown for a call page link that is invalid, expired or revoked, in the browser's language (English or
 * German), saying what to do.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class InvalidLinkPage {
    private InvalidLinkPage() {
    }

    static byte[] html(Locale locale) {
        boolean german = "de".equals(locale.getLanguage());
        String lang = german ? "de" : "en";
        String title = german ? "Link ungültig" : "Link not valid";
        String text = german
                ? "Dieser Link zur Sprechanlage ist ungültig, abgelaufen oder wurde widerrufen. Öffnen Sie den "
                        + "aktuellen Link aus openHAB (Item des Kanals „Call Page URL“ oder die Karte in der Main UI)."
                : "This intercom link is not valid, has expired or was revoked. Open the current link from openHAB "
                        + "(the item of the \"Call Page URL\" channel, or the card in Main UI).";
        String html = "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + title
                + "</title><style>body{font-family:system-ui,sans-serif;background:#111;color:#eee;margin:0;"
                + "padding:1.5em;}h1{font-size:1.3em;}</style></head><body><h1 id=\"invalid\">" + title + "</h1><p>"
                + text + "</p></body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
