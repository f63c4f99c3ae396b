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
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The call page: {@code web/call.html} shipped in the jar, with its script and style as versioned files of
 * {@link PageAssets} (no inline script or style: the page runs under {@link SecurityHeaders}' policy). Its texts, in
 * the language {@link PageTexts} picks for the request, and the panel's data are a JSON data block of the page that
 * {@code call.js} reads.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class CallPage {
    static final String DATA_PLACEHOLDER = "{{PAGE_DATA}}";
    static final String ASSETS_PLACEHOLDER = "{{ASSETS}}";

    /** What the page needs to know of its panel before the first event. */
    record Panel(String thing, String label, long ringTimeoutSeconds, String webUnlock) {
    }

    private final PageTexts texts;
    private final PageAssets assets;
    private final String template;

    CallPage(PageTexts texts, PageAssets assets) {
        this.texts = texts;
        this.assets = assets;
        String html = new String(PageAssets.resource("/web/call.html"), StandardCharsets.UTF_8);
        if (!html.contains(DATA_PLACEHOLDER) || !html.contains(ASSETS_PLACEHOLDER)) {
            throw new IllegalStateException("web/call.html has no place for its data or its files");
        }
        template = html.replace(ASSETS_PLACEHOLDER, "../" + PageAssets.PATH + "/" + assets.version());
    }

    /**
     * The page in the language of the request's {@code Accept-Language} header, its data block
     * {@code {"lang", "texts", "panel", "thing", "ringTimeout", "webUnlock"}}.
     */
    byte[] html(@Nullable String acceptLanguage, Panel panel) {
        Locale locale = texts.locale(acceptLanguage);
        ObjectNode json = TuyaJson.object().put("lang", locale.getLanguage());
        ObjectNode pageTexts = json.putObject("texts");
        texts.texts(locale).forEach(pageTexts::put);
        json.put("panel", panel.label()).put("thing", panel.thing()).put("ringTimeout", panel.ringTimeoutSeconds())
                .put("webUnlock", panel.webUnlock());
        return template.replace(DATA_PLACEHOLDER, dataBlock(TuyaJson.write(json))).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * JSON as the text of a {@code <script type="application/json">} element: {@code <}, {@code >} and {@code &} (only
     * ever inside strings in JSON) as {@code \\u} escapes, so that no {@code </script>} or {@code <!--} in a label
     * ends the element or changes how the HTML parser reads it; {@code JSON.parse} gives the same strings back.
     */
    static String dataBlock(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }

    /** The translated page for a link that is invalid, expired or revoked. */
    byte[] invalidLink(@Nullable String acceptLanguage) {
        Locale locale = texts.locale(acceptLanguage);
        Map<String, String> language = texts.texts(locale);
        return InvalidLinkPage.html(locale.getLanguage(), language.getOrDefault("invalid.title", ""),
                language.getOrDefault("invalid.text", ""), assets.relativePath("invalid-link.css"));
    }
}
