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
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The call page, plain HTML and JavaScript shipped in the jar ({@code web/call.html}), with its texts in the language
 * {@link PageTexts} picks for the request (the browser's, through openHAB's translations).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class CallPage {
    static final String TEXTS_PLACEHOLDER = "/*TEXTS*/{}";

    private final PageTexts texts;
    private final String template;

    CallPage(PageTexts texts) {
        this.texts = texts;
        template = new String(resource("/web/call.html"), StandardCharsets.UTF_8);
        if (!template.contains(TEXTS_PLACEHOLDER)) {
            throw new IllegalStateException("web/call.html has no place for its texts");
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = CallPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page in the language of the request's {@code Accept-Language} header: {@code {"lang", "texts"}}. */
    byte[] html(@Nullable String acceptLanguage) {
        Locale locale = texts.locale(acceptLanguage);
        ObjectNode json = TuyaJson.object().put("lang", locale.getLanguage());
        ObjectNode pageTexts = json.putObject("texts");
        texts.texts(locale).forEach(pageTexts::put);
        // the JSON goes into a script: "</" must not end it
        return template.replace(TEXTS_PLACEHOLDER, TuyaJson.write(json).replace("</", "<\\/"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The translated page for a link that is invalid, expired or revoked. */
    byte[] invalidLink(@Nullable String acceptLanguage) {
        Locale locale = texts.locale(acceptLanguage);
        Map<String, String> language = texts.texts(locale);
        return InvalidLinkPage.html(locale.getLanguage(), language.getOrDefault("invalid.title", ""),
                language.getOrDefault("invalid.text", ""));
    }
}
