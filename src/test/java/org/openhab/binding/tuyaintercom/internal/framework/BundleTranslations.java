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
package org.openhab.binding.tuyaintercom.internal.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.i18n.LocaleProvider;
import org.openhab.core.i18n.TranslationProvider;
import org.osgi.framework.Bundle;

/**
 * openHAB's translation and locale service for the tests with the stand-ins, behaving like openHAB's
 * {@code I18nProviderImpl}: a bundle's texts are its {@code OH-INF/i18n/*.properties} files and those of its fragments
 * ({@code Bundle.findEntries}); a text is looked up per base name (the file name up to the first {@code _} or
 * {@code .}) for the locale, its language, then the base file (a {@code ResourceBundle} without fallback to the
 * default locale); no locale means the {@link #getLocale() configured one}; not found gives the default text. The
 * real openHAB core ({@code -P real-openhab}) brings its own.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class BundleTranslations implements TranslationProvider, LocaleProvider {
    private static final String FOLDER = "/OH-INF/i18n";
    /** The service interfaces under which the test frameworks register it. */
    public static final String[] SERVICES = { TranslationProvider.class.getName(), LocaleProvider.class.getName() };

    private final Map<URL, Properties> files = new ConcurrentHashMap<>();
    private volatile Locale locale;

    public BundleTranslations(Locale locale) {
        this.locale = locale;
    }

    /** openHAB's regional setting (Settings → Regional Settings → Language). */
    public void setLocale(Locale locale) {
        this.locale = locale;
    }

    @Override
    public Locale getLocale() {
        return locale;
    }

    @Override
    public @Nullable String getText(@Nullable Bundle bundle, @Nullable String key, @Nullable String defaultText,
            @Nullable Locale locale) {
        if (bundle == null || key == null) {
            return defaultText;
        }
        Locale wanted = locale != null ? locale : this.locale;
        for (String baseName : baseNames(bundle)) {
            for (String suffix : suffixes(wanted)) {
                Properties texts = file(bundle, baseName + suffix + ".properties");
                String text = texts == null ? null : texts.getProperty(key);
                if (text != null) {
                    return text;
                }
            }
        }
        return defaultText;
    }

    @Override
    public @Nullable String getText(@Nullable Bundle bundle, @Nullable String key, @Nullable String defaultText,
            @Nullable Locale locale, @Nullable Object @Nullable... arguments) {
        String text = getText(bundle, key, defaultText, locale);
        return text == null || arguments == null || arguments.length == 0 ? text
                : MessageFormat.format(text, arguments);
    }

    /** The candidates of a {@code ResourceBundle} without fallback: language_COUNTRY, language, the base file. */
    private static List<String> suffixes(Locale locale) {
        List<String> suffixes = new ArrayList<>();
        if (!locale.getLanguage().isEmpty()) {
            if (!locale.getCountry().isEmpty()) {
                suffixes.add("_" + locale.getLanguage() + "_" + locale.getCountry());
            }
            suffixes.add("_" + locale.getLanguage());
        }
        suffixes.add("");
        return suffixes;
    }

    private static List<String> baseNames(Bundle bundle) {
        List<String> names = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "*.properties", true);
        while (entries != null && entries.hasMoreElements()) {
            String path = entries.nextElement().getPath();
            String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("[._]+.*", "");
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private @Nullable Properties file(Bundle bundle, String fileName) {
        Enumeration<URL> found = bundle.findEntries(FOLDER, fileName, true);
        if (found == null || !found.hasMoreElements()) {
            return null;
        }
        return files.computeIfAbsent(found.nextElement(), url -> {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // an unreadable file has no texts
            }
            return properties;
        });
    }
}
