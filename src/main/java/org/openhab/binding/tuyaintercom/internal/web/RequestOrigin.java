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
import java.net.URISyntaxException;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An origin (scheme, host, port) as browsers compare them: the {@code Origin} a request says it comes from, and the
 * request's own origin as the server sees it.
 * <p>
 * The request's own origin: the scheme of the connection ({@code http} on openHAB's 8080, {@code https} on 8443), the
 * host and port of {@code Host}, the host accepted only if {@link KnownHosts} knows it as this server's (so that a
 * forged or rebound {@code Host} never makes an origin). Behind a proxy on the same machine (a loopback peer: a TLS
 * reverse proxy such as nginx, and the openHAB Cloud connector, which forwards the browser's {@code Host} and adds
 * {@code X-Forwarded-Proto}; or a proxy named in {@code tuyaintercom.trustedProxies}) the scheme comes from
 * {@code X-Forwarded-Proto}, the host from {@code X-Forwarded-Host}
 * or {@code Host}, the port from {@code X-Forwarded-Port}, that host's port or the scheme's default. Any name is
 * accepted there for {@code https} only: the proxy's certificate proves the name to the browser; a forwarded
 * {@code http} name must be known like a direct one. {@code X-Forwarded-*} from any other peer is ignored.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
record RequestOrigin(String scheme, String host, int port) {

    /** The origin of an {@code Origin} header ({@code scheme://host[:port]}), or null if it is not one. */
    static @Nullable RequestOrigin parse(@Nullable String origin) {
        if (origin == null) {
            return null;
        }
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme();
            String path = uri.getRawPath();
            if (scheme == null || uri.getHost() == null || uri.getRawUserInfo() != null
                    || (path != null && !path.isEmpty()) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            return of(scheme, uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The request's own origin as described above, or null if its host is not one this server knows. */
    static @Nullable RequestOrigin ofRequest(HttpServletRequest request, KnownHosts known) {
        boolean viaProxy = known.isTrustedProxy(request.getRemoteAddr())
                && (request.getHeader("X-Forwarded-Proto") != null || request.getHeader("X-Forwarded-Host") != null);
        String scheme = viaProxy ? first(request.getHeader("X-Forwarded-Proto")) : request.getScheme();
        if (scheme == null || scheme.isEmpty()) {
            scheme = request.getScheme();
        }
        String authority = viaProxy ? first(request.getHeader("X-Forwarded-Host")) : null;
        if (authority == null || authority.isEmpty()) {
            authority = request.getHeader("Host");
        }
        if (authority == null || authority.isBlank()) {
            return null;
        }
        RequestOrigin origin;
        try {
            URI uri = new URI(scheme.trim() + "://" + authority.trim());
            if (uri.getHost() == null || uri.getRawUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
                return null;
            }
            int port = uri.getPort();
            String forwardedPort = viaProxy ? first(request.getHeader("X-Forwarded-Port")) : null;
            if (forwardedPort != null && !forwardedPort.isEmpty()) {
                port = Integer.parseInt(forwardedPort);
            }
            origin = of(scheme, uri.getHost(), port);
        } catch (URISyntaxException | NumberFormatException e) {
            return null;
        }
        if (origin == null) {
            return null;
        }
        boolean vouched = viaProxy && "https".equals(origin.scheme());
        return vouched || known.isKnown(origin.host()) ? origin : null;
    }

    /** Whether a trusted proxy forwarded the request from a TLS connection ({@code X-Forwarded-Proto: https}). */
    static boolean viaTlsProxy(HttpServletRequest request, KnownHosts known) {
        return known.isTrustedProxy(request.getRemoteAddr())
                && "https".equalsIgnoreCase(first(request.getHeader("X-Forwarded-Proto")));
    }

    private static @Nullable RequestOrigin of(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int defaultPort = switch (s) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
        if (defaultPort < 0 || port > 65535) {
            return null;
        }
        return new RequestOrigin(s, host.toLowerCase(Locale.ROOT), port < 0 ? defaultPort : port);
    }

    /** The first of a comma-separated list (what the proxy nearest the browser put). */
    private static @Nullable String first(@Nullable String list) {
        return list == null ? null : list.split(",", 2)[0].trim();
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
