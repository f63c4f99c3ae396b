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

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.tuyaintercom.internal.framework.BundleTranslations;
import org.openhab.binding.tuyaintercom.internal.framework.FolderBundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pages' texts come through openHAB's translation service in the browser's language: English, German, and a
 * language whose file only a fragment brings (French here, as openHAB's translation platform would add one); the
 * fallbacks are openHAB's language, then English. The translation service is the tests' {@link BundleTranslations}
 * (which reads a bundle's {@code OH-INF/i18n} like openHAB's) over the binding's classes and a "fragment" folder.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class PageTextsTest {
    private static final Path CLASSES = Path.of(System.getProperty("build.classes", "target/classes"));

    private final BundleTranslations translations = new BundleTranslations(Locale.ENGLISH);
    private PageTexts texts;

    @BeforeEach
    void setUp(@TempDir Path fragment) throws IOException {
        Path i18n = Files.createDirectories(fragment.resolve("OH-INF/i18n"));
        Files.writeString(i18n.resolve("tuyaintercom_fr.properties"),
                "page.answer = Répondre\npage.invalid.title = Lien non valide\n", StandardCharsets.UTF_8);
        texts = new PageTexts(translations, translations, FolderBundle.of(CLASSES, fragment));
    }

    @Test
    void theBrowsersLanguageWhereATranslationExists() {
        assertEquals("Answer", texts.texts(texts.locale("en-US,en;q=0.9")).get("answer"));
        assertEquals("Annehmen", texts.texts(texts.locale("de-DE,de;q=0.9,en;q=0.8")).get("answer"));
        assertEquals("Annehmen", texts.texts(texts.locale("de-AT")).get("answer"));
        assertEquals("de", texts.locale("de-CH, en").getLanguage());
        // a language only the fragment has: its texts, English for the keys it lacks
        Locale french = texts.locale("fr-FR,fr;q=0.9");
        assertEquals("fr", french.getLanguage());
        assertEquals("Répondre", texts.texts(french).get("answer"));
        assertEquals("Reject", texts.texts(french).get("reject"));
        // the first wanted language that has a translation
        assertEquals("fr", texts.locale("es, fr;q=0.8, de;q=0.5").getLanguage());
        assertEquals("de", texts.locale("fr;q=0, de;q=0.5").getLanguage());
    }

    @Test
    void withoutAUsableBrowserLanguageOpenHabsThenEnglish() {
        assertEquals(Locale.ENGLISH, texts.locale(null));
        translations.setLocale(Locale.GERMANY);
        for (String header : List.of("", "es", "*", "x".repeat(600), ";;;==", "de;q=abc")) {
            assertEquals("de", texts.locale(header.isEmpty() ? null : header).getLanguage(), header);
        }
        translations.setLocale(Locale.forLanguageTag("es"));
        assertEquals(Locale.ENGLISH, texts.locale("it"), "neither the browser's nor openHAB's language");
    }

    @Test
    void theCallPageAndTheInvalidLinkPageCarryTheTexts() throws Exception {
        CallPage page = new CallPage(texts, new PageAssets());
        String html = new String(page.html("fr", CallPageTest.PANEL), StandardCharsets.UTF_8);
        JsonNode texts = CallPageTest.dataBlock(html);
        assertEquals("fr", texts.path("lang").asText());
        assertEquals("Répondre", texts.path("texts").path("answer").asText());
        assertFalse(html.contains(CallPage.DATA_PLACEHOLDER));

        String invalid = new String(page.invalidLink("fr"), StandardCharsets.UTF_8);
        assertTrue(invalid.contains("<html lang=\"fr\">") && invalid.contains("Lien non valide"), invalid);
        String german = new String(page.invalidLink("de"), StandardCharsets.UTF_8);
        assertTrue(german.contains("<html lang=\"de\">") && german.contains("Link ungültig"), german);
    }
}
