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
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The call page, plain HTML and JavaScript shipped in the jar ({@code web/call.html}), with its texts taken from the
 * binding's translations ({@code OH-INF/i18n}, keys {@code page.*}): the page gets English and German and picks the
 * browser's language.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class CallPage {
    static final String TEXTS_PLACEHOLDER = "/*TEXTS*/{}";
    private static final String KEY_PREFIX = "page.";
    private static final String[] LANGUAGES = { "en", "de" };

    private final byte[] html;
    private final Map<String, Map<String, String>> texts = new TreeMap<>();

    CallPage() {
        ObjectNode all = TuyaJson.object();
        for (String language : LANGUAGES) {
            Map<String, String> pageTexts = load(
                    "en".equals(language) ? "tuyaintercom.properties" : "tuyaintercom_" + language + ".properties");
            texts.put(language, pageTexts);
            ObjectNode node = all.putObject(language);
            pageTexts.forEach(node::put);
        }
        String page = new String(resource("/web/call.html"), StandardCharsets.UTF_8);
        if (!page.contains(TEXTS_PLACEHOLDER)) {
            throw new IllegalStateException("web/call.html has no place for its texts");
        }
        // the JSON goes into a script: "</" must not end it
        html = page.replace(TEXTS_PLACEHOLDER, TuyaJson.write(all).replace("</", "<\\/"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> load(String file) {
        Properties properties = new Properties();
        try (InputStream in = CallPage.class.getResourceAsStream("/OH-INF/i18n/" + file)) {
            if (in == null) {
                throw new IllegalStateException(file + " missing from the bundle");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> result = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(KEY_PREFIX)) {
                result.put(key.substring(KEY_PREFIX.length()), properties.getProperty(key));
            }
        }
        return result;
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

    /** The page (the same bytes for every language: the page picks the browser's language itself). */
    byte[] html(Locale locale) {
        return html.clone();
    }

    /** The translated page for a link that is invalid, expired or revoked. */
    byte[] invalidLink(Locale locale) {
        Map<String, String> language = texts.getOrDefault(locale.getLanguage(), texts.get("en"));
        Map<String, String> english = texts.get("en");
        if (language == null || english == null) {
            throw new IllegalStateException("no texts");
        }
        return InvalidLinkPage.html(locale.getLanguage().equals("de") ? "de" : "en",
                language.getOrDefault("invalid.title", english.getOrDefault("invalid.title", "")),
                language.getOrDefault("invalid.text", english.getOrDefault("invalid.text", "")));
    }
}
