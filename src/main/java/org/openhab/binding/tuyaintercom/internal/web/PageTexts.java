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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.i18n.LocaleProvider;
import org.openhab.core.i18n.TranslationProvider;
import org.osgi.framework.Bundle;

/**
 * The texts of the binding's web pages (keys {@code page.*} of {@code OH-INF/i18n}) through openHAB's
 * {@link TranslationProvider}, so that every language whose translation file the bundle (or a fragment of it) has
 * reaches the pages. The language is the first of the browser's ({@code Accept-Language}) that has a translation, else
 * openHAB's ({@link LocaleProvider}) if it has one, else English.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class PageTexts {
    private static final String KEY_PREFIX = "page.";
    private static final String ENGLISH_FILE = "/OH-INF/i18n/tuyaintercom.properties";
    /** Longer Accept-Language headers are ignored; at most this many of its languages are tried. */
    private static final int MAX_HEADER_LENGTH = 512;
    private static final int MAX_LANGUAGES = 8;

    private final TranslationProvider i18n;
    private final LocaleProvider localeProvider;
    private final @Nullable Bundle bundle;
    /** Key without {@code page.} → English text (the translations' default). */
    private final Map<String, String> english;

    PageTexts(TranslationProvider i18n, LocaleProvider localeProvider, @Nullable Bundle bundle) {
        this.i18n = i18n;
        this.localeProvider = localeProvider;
        this.bundle = bundle;
        this.english = englishTexts();
    }

    /** The language of a page for a request with this {@code Accept-Language} header (null: none). */
    Locale locale(@Nullable String acceptLanguage) {
        for (Locale locale : accepted(acceptLanguage)) {
            if (translated(locale)) {
                return locale;
            }
        }
        Locale system = localeProvider.getLocale();
        return translated(system) ? system : Locale.ENGLISH;
    }

    /** Every page text (key without {@code page.}) in the language, in English where it has no translation. */
    Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new TreeMap<>();
        english.forEach((key, text) -> texts.put(key, text(key, text, locale)));
        return texts;
    }

    private String text(String key, String english, Locale locale) {
        String text = i18n.getText(bundle, KEY_PREFIX + key, english, locale);
        return text == null ? english : text;
    }

    /** English, or a language in which at least one page text differs from English. */
    private boolean translated(Locale locale) {
        if (locale.getLanguage().isEmpty()) {
            return false;
        }
        if (Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return true;
        }
        return english.entrySet().stream().anyMatch(e -> !e.getValue().equals(text(e.getKey(), e.getValue(), locale)));
    }

    /** The languages of an {@code Accept-Language} header, most wanted first; malformed headers give none. */
    static List<Locale> accepted(@Nullable String header) {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER_LENGTH) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0 && !range.getRange().startsWith("*")).limit(MAX_LANGUAGES)
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .filter(locale -> !locale.getLanguage().isEmpty()).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The keys of the page texts and their English texts, from the translations' default file. */
    private static Map<String, String> englishTexts() {
        Properties properties = new Properties();
        try (InputStream in = PageTexts.class.getResourceAsStream(ENGLISH_FILE)) {
            if (in == null) {
                throw new IllegalStateException(ENGLISH_FILE + " missing from the bundle");
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
}
