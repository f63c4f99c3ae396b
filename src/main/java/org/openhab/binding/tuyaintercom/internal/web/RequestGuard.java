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

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Refuses state-changing requests that a page of another origin could send. They must carry an {@code Origin} equal
 * in scheme, host and port to the request's own origin ({@link RequestOrigin}: the server's view, never a {@code Host}
 * the server does not know), and, where the browser sends it, {@code Sec-Fetch-Site: same-origin} ({@code same-site}
 * and {@code cross-site} are refused). Every current browser sends {@code Origin} with a POST, so a request without
 * one is refused too. One exception: behind a trusted proxy that forwards {@code https}, a browser's
 * {@code Sec-Fetch-Site: same-origin} with an {@code https} Origin suffices, as the openHAB Cloud's proxy host names
 * reach openHAB with a {@code Host} of the cloud's own (another name, its internal port). JSON endpoints need the media
 * type {@code application/json} exactly (parameters such as
 * {@code charset} allowed), which a cross-origin form or beacon cannot send without a preflight.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class RequestGuard {
    private RequestGuard() {
    }

    static void requireJson(HttpServletRequest request) throws HttpProblem {
        String type = request.getContentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!"application/json".equals(mediaType)) {
            throw new HttpProblem(403, "requests that change something must be application/json");
        }
    }

    static void requireSameOrigin(HttpServletRequest request, KnownHosts known) throws HttpProblem {
        String site = single(request, "Sec-Fetch-Site");
        if (site != null && !"same-origin".equalsIgnoreCase(site.trim())) {
            throw new HttpProblem(403, "cross-origin request refused: Sec-Fetch-Site " + site.trim());
        }
        String originHeader = single(request, "Origin");
        if (originHeader == null) {
            throw new HttpProblem(403, "cross-origin request refused: no Origin");
        }
        RequestOrigin origin = RequestOrigin.parse(originHeader);
        if (origin == null) {
            throw new HttpProblem(403, "cross-origin request refused: Origin is not an origin");
        }
        RequestOrigin own = RequestOrigin.ofRequest(request, known);
        if (site != null && "https".equals(origin.scheme()) && RequestOrigin.viaTlsProxy(request, known)) {
            // the browser says same-origin, over TLS, which DNS rebinding cannot fake: behind a proxy that rewrites
            // Host (openHAB Cloud sends its proxy host and internal port for home.myopenhab.org and its siblings)
            return;
        }
        if (own == null) {
            throw new HttpProblem(403, "cross-origin request refused: this server does not know the host of the"
                    + " request as its own (see Security in the binding's README: tuyaintercom.webHosts)");
        }
        if (!own.equals(origin)) {
            throw new HttpProblem(403, "cross-origin request refused: Origin is not " + own);
        }
    }

    /** A header sent at most once; sent twice it is refused, so that no two parts of a chain read different ones. */
    private static @Nullable String single(HttpServletRequest request, String name) throws HttpProblem {
        Enumeration<String> headers = request.getHeaders(name);
        List<String> values = headers == null ? List.of() : Collections.list(headers);
        if (values.size() > 1) {
            throw new HttpProblem(403, "cross-origin request refused: " + name + " sent more than once");
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
