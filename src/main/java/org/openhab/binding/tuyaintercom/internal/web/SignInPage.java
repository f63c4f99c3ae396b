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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.Phase;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.View;

/**
 * The sign-in page of a Tuya Smart account bridge that signs in by QR code:
 * {@code GET /tuyaintercom/signin/<bridge UID>?k=<signInKey>}. It needs the bridge's sign-in key (else 401), shows the
 * code as an SVG image drawn on the server, and reloads itself every {@value #REFRESH_SECONDS} s
 * ({@code <meta http-equiv="refresh">}) until the bridge is signed in. It has no script and no style, and its
 * Content-Security-Policy allows nothing but its own image ({@code data:}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class SignInPage {
    static final int REFRESH_SECONDS = 3;
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final PageTexts texts;

    SignInPage(PageTexts texts) {
        this.texts = texts;
    }

    /** Serves the page, or throws the refusal (401 without the key, 405 for anything but GET). */
    void serve(HttpServletResponse response, boolean post, @Nullable SignInEndpoint endpoint, @Nullable String key,
            @Nullable String acceptLanguage) throws HttpProblem, IOException {
        if (endpoint == null || !endpoint.allowsKey(key)) {
            throw new HttpProblem(401, "invalid sign-in key");
        }
        if (post) {
            throw new HttpProblem(405, "use GET", "GET, HEAD");
        }
        Locale locale = texts.locale(acceptLanguage);
        byte[] html = html(endpoint.view(), texts.texts(locale), locale.toLanguageTag())
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    static String html(View view, Map<String, String> texts, String lang) {
        StringBuilder body = new StringBuilder();
        String notice = switch (view.notice()) {
            case EXPIRED -> "signin.expired";
            case REFUSED -> "signin.refused";
            case CANCELLED -> "signin.cancelled";
            case SESSION_ENDED -> "signin.session-ended";
            case NONE -> "";
        };
        if (!notice.isEmpty() && view.phase() != Phase.SIGNED_IN) {
            body.append("<p id=\"notice\">").append(escape(text(texts, notice))).append("</p>");
        }
        String state = switch (view.phase()) {
            case PREPARING -> "signin.preparing";
            case SHOWING -> "signin.scan";
            case SCANNED -> "signin.scanned";
            case SIGNED_IN -> "signin.signed-in";
            case FAILED -> "signin.failed";
        };
        body.append("<p id=\"state\" data-phase=\"")
                .append(view.phase().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\">")
                .append(escape(text(texts, state))).append("</p>");
        if (view.phase() == Phase.SHOWING && !view.qrText().isEmpty()) {
            String svg = Base64.getEncoder().encodeToString(QrSvg.of(view.qrText()).getBytes(StandardCharsets.UTF_8));
            body.append("<p><img id=\"qr\" width=\"296\" height=\"296\" alt=\"")
                    .append(escape(text(texts, "signin.qr-alt"))).append("\" src=\"data:image/svg+xml;base64,")
                    .append(svg).append("\"></p>");
        }
        String refresh = view.phase() == Phase.SIGNED_IN ? ""
                : "<meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\">";
        return "<!DOCTYPE html><html lang=\"" + escape(lang) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" + refresh + "<title>"
                + escape(text(texts, "signin.title")) + "</title></head><body><main><h1>"
                + escape(text(texts, "signin.title")) + "</h1>" + body + "</main></body></html>";
    }

    private static String text(Map<String, String> texts, String key) {
        return texts.getOrDefault(key, key);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
