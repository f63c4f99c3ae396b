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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.framework.BundleTranslations;
import org.openhab.binding.tuyaintercom.internal.framework.FolderBundle;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The call page as the binding sends it: no inline script or style (it runs under a strict Content-Security-Policy),
 * its script and style under a version that changes with their contents, and its data as a JSON data block that no
 * label can break out of.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class CallPageTest {
    static final CallPage.Panel PANEL = new CallPage.Panel("tuyaintercom:panel:home:panel1", "Front door", 45,
            "in-call");
    private static final Path CLASSES = Path.of(System.getProperty("build.classes", "target/classes"));
    private static final Pattern DATA_BLOCK = Pattern
            .compile("<script type=\"application/json\" id=\"page-data\">(.*?)</script>", Pattern.DOTALL);

    private final BundleTranslations translations = new BundleTranslations(Locale.ENGLISH);
    private final CallPage page = new CallPage(new PageTexts(translations, translations, FolderBundle.of(CLASSES)),
            new PageAssets());

    /** The JSON of the page's data block (the text up to the first {@code </script>}, as the HTML parser sees it). */
    static JsonNode dataBlock(String html) {
        Matcher matcher = DATA_BLOCK.matcher(html);
        assertTrue(matcher.find(), html);
        return TuyaJson.parse(matcher.group(1));
    }

    private String html(CallPage.Panel panel) {
        return new String(page.html("en-US", panel), StandardCharsets.UTF_8);
    }

    @Test
    void thePanelsDataAndTextsAreInTheDataBlock() {
        JsonNode data = dataBlock(html(PANEL));
        assertEquals("Front door", data.path("panel").asText());
        assertEquals("tuyaintercom:panel:home:panel1", data.path("thing").asText());
        assertEquals(45, data.path("ringTimeout").asInt(), "the panel's ring timeout, not 30");
        assertEquals("in-call", data.path("webUnlock").asText());
        assertEquals("en", data.path("lang").asText());
        assertEquals("Answer", data.path("texts").path("answer").asText());
    }

    @Test
    void aLabelCannotBreakOutOfTheDataBlock() {
        for (String label : new String[] { "</script><script>alert(1)</script>", "<!--<script>", "a</SCRIPT>b",
                "x\u2028y & <b>\"quoted\"</b>", "]]></style><img src=x onerror=alert(1)>" }) {
            String html = html(new CallPage.Panel(PANEL.thing(), label, 30, "never"));
            JsonNode data = dataBlock(html);
            assertEquals(label, data.path("panel").asText(), "the label comes back unchanged");
            String block = html.substring(html.indexOf("id=\"page-data\">"), html.indexOf("</script>"));
            assertFalse(block.substring("id=\"page-data\">".length()).contains("<"), block);
            // the page's own script comes after the data block, untouched
            assertEquals(1, html.split("<script src=", -1).length - 1, html);
        }
    }

    @Test
    void noInlineScriptOrStyle() {
        String html = html(PANEL);
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            String attributes = scripts.group(1);
            assertTrue(attributes.contains(" src=") || attributes.contains("type=\"application/json\""),
                    "a script with a source or a data block only: " + attributes);
        }
        assertEquals(2, count, "the data block and call.js");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<style"), "no style element");
        assertFalse(Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no style=");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no on…=");
        assertFalse(html.contains("javascript:"));
        String invalid = new String(page.invalidLink("en"), StandardCharsets.UTF_8);
        assertFalse(invalid.contains("<style") || invalid.contains("<script") || invalid.contains(" style="), invalid);
        assertTrue(invalid.contains("<link rel=\"stylesheet\" href=\"../assets/"), invalid);
    }

    @Test
    void theFilesAreServedUnderTheVersionOfTheirContents() {
        PageAssets assets = new PageAssets();
        String html = html(PANEL);
        assertTrue(html.contains("src=\"../assets/" + assets.version() + "/call.js\""), html);
        assertTrue(html.contains("href=\"../assets/" + assets.version() + "/call.css\""), html);
        assertTrue(assets.version().matches("[0-9a-f]{16}"), assets.version());
        PageAssets.Asset script = assets.get(assets.version(), "call.js");
        assertNotNull(script);
        assertEquals("text/javascript;charset=utf-8", script.contentType());
        assertFalse(new String(script.bytes(), StandardCharsets.UTF_8).contains("intercomStats"), "no test hook");
        assertNull(assets.get("0000000000000000", "call.js"), "another version");
        assertNull(assets.get(assets.version(), "call.html"), "only the listed files");
        assertNull(assets.get(assets.version(), "../call.js"));
    }
}
