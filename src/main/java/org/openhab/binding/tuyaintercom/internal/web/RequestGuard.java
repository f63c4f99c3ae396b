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

import java.net.URI;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Refuses state-changing requests that a page of another origin could send: they must come from the same origin
 * ({@code Sec-Fetch-Site: same-origin}, or an {@code Origin} whose host and port are the request's own) and, for JSON
 * endpoints, carry {@code Content-Type: application/json} (which a cross-origin form or beacon cannot send without a
 * preflight).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class RequestGuard {
    private RequestGuard() {
    }

    static void requireJson(HttpServletRequest request) throws HttpProblem {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            throw new HttpProblem(403, "requests that change something must be application/json");
        }
    }

    static void requireSameOrigin(HttpServletRequest request) throws HttpProblem {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !"same-origin".equalsIgnoreCase(site.trim())) {
            throw new HttpProblem(403, "cross-origin request refused");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            if (site != null) {
                return; // a browser that said same-origin
            }
            throw new HttpProblem(403, "cross-origin request refused: no Origin");
        }
        if (!sameHost(origin, request.getHeader("X-Forwarded-Host")) && !sameHost(origin, request.getHeader("Host"))) {
            throw new HttpProblem(403, "cross-origin request refused");
        }
    }

    private static boolean sameHost(String origin, @Nullable String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme();
            String originHost = uri.getHost();
            if (scheme == null || originHost == null) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(scheme) ? 443 : 80;
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort;
            URI hostUri = URI.create(scheme + "://" + host.split(",")[0].trim());
            String requestHost = hostUri.getHost();
            int requestPort = hostUri.getPort() >= 0 ? hostUri.getPort() : defaultPort;
            return requestHost != null && requestHost.equalsIgnoreCase(originHost) && requestPort == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
