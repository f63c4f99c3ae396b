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
package org.openhab.binding.tuyaintercom.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Every {@code @text/} key the code uses is translated, and the German file has exactly the keys of the English one.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class I18nCompletenessTest {
    private static final Path I18N = Path.of("src/main/resources/OH-INF/i18n");

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(I18N.resolve(file))) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyTextKeyOfTheCodeIsTranslated() throws IOException {
        Properties english = load("tuyaintercom.properties");
        Set<String> missing = new TreeSet<>();
        Pattern key = Pattern.compile("@text/([\\w.-]+)");
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".properties"))
                    .toList()) {
                Matcher matcher = key.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!english.containsKey(matcher.group(1))) {
                        missing.add(matcher.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        // keys built from TuyaFailure
        for (var failure : org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaFailure.values()) {
            if (!english.containsKey(failure.messageKey())) {
                missing.add(failure.messageKey() + " (TuyaFailure)");
            }
        }
        assertTrue(missing.isEmpty(), "untranslated keys: " + missing);
    }

    @Test
    void germanHasTheSameKeys() throws IOException {
        Set<Object> english = new TreeSet<>(load("tuyaintercom.properties").keySet());
        Set<Object> german = new TreeSet<>(load("tuyaintercom_de.properties").keySet());
        assertEquals(english, german);
    }
}
