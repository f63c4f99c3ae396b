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

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The same-origin check and the media type check of state-changing requests, with the headers that browsers, a TLS
 * reverse proxy (nginx) and the openHAB Cloud connector send.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class RequestGuardTest {
    private static final KnownHosts KNOWN = new KnownHosts("openhab.home.lan", "");

    /** A request as the servlet sees it: the peer's address, the connection's scheme, and headers. */
    private static final class Fake {
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        String remote = "192.168.1.20";
        String scheme = "http";

        Fake header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
            return this;
        }

        Fake from(String remote) {
            this.remote = remote;
            return this;
        }

        Fake secure() {
            this.scheme = "https";
            return this;
        }

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { HttpServletRequest.class }, (proxy, method, args) -> {
                        List<String> values = args != null && args.length == 1 && args[0]instanceof String name
                                ? headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())
                                : List.of();
                        return switch (method.getName()) {
                            case "getHeader" -> values.isEmpty() ? null : values.get(0);
                            case "getHeaders" -> Collections.enumeration(values);
                            case "getRemoteAddr" -> remote;
                            case "getScheme" -> scheme;
                            case "getContentType" -> {
                                List<String> type = headers.getOrDefault("content-type", List.of());
                                yield type.isEmpty() ? null : type.get(0);
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        };
                    });
        }
    }

    private static Fake direct(String host, @Nullable String origin) {
        Fake fake = new Fake().header("Host", host);
        if (origin != null) {
            fake.header("Origin", origin);
        }
        return fake;
    }

    private static boolean passes(Fake fake) {
        try {
            RequestGuard.requireSameOrigin(fake.request(), KNOWN);
            return true;
        } catch (HttpProblem e) {
            assertEquals(403, e.status());
            return false;
        }
    }

    private static boolean json(@Nullable String type) {
        Fake fake = new Fake();
        if (type != null) {
            fake.header("Content-Type", type);
        }
        try {
            RequestGuard.requireJson(fake.request());
            return true;
        } catch (HttpProblem e) {
            return false;
        }
    }

    @Test
    void sameOriginDirectlyByAddressKnownNameAndLocalhost() {
        assertTrue(passes(direct("192.168.1.10:8080", "http://192.168.1.10:8080")));
        assertTrue(passes(
                direct("192.168.1.10:8080", "http://192.168.1.10:8080").header("Sec-Fetch-Site", "same-origin")));
        assertTrue(passes(direct("[fe80::1]:8080", "http://[fe80::1]:8080")));
        assertTrue(passes(direct("openhab.home.lan:8080", "http://openhab.home.lan:8080")), "a configured name");
        assertTrue(passes(direct("OpenHAB.local:8080", "http://openhab.local:8080")), "its mDNS name");
        assertTrue(passes(direct("localhost:8080", "http://localhost:8080").from("127.0.0.1")));
        assertTrue(passes(direct("192.168.1.10:8443", "https://192.168.1.10:8443").secure()), "openHAB's 8443");
        assertTrue(passes(direct("192.168.1.10", "http://192.168.1.10")), "default port on both sides");
    }

    @Test
    void theWholeOriginIsCompared() {
        assertFalse(passes(direct("192.168.1.10:8080", "https://192.168.1.10:8080")), "scheme of a plain request");
        assertFalse(passes(direct("192.168.1.10:8443", "http://192.168.1.10:8443").secure()), "scheme over TLS");
        assertFalse(passes(direct("192.168.1.10:8080", "http://192.168.1.10:8081")), "port");
        assertFalse(passes(direct("192.168.1.10:8080", "http://192.168.1.10")), "port left out");
        assertFalse(passes(direct("192.168.1.10:8080", "http://192.168.1.11:8080")), "host");
        assertFalse(passes(direct("192.168.1.10:8080", "http://192.168.1.10:8080/path")), "not an origin");
        assertFalse(passes(direct("192.168.1.10:8080", "null")), "an opaque origin");
        assertFalse(passes(direct("192.168.1.10:8080", null)), "no Origin");
        assertFalse(passes(direct("192.168.1.10:8080", null).header("Sec-Fetch-Site", "same-origin")),
                "Sec-Fetch-Site alone");
        assertFalse(
                passes(direct("192.168.1.10:8080", "http://192.168.1.10:8080").header("Origin", "http://evil.example")),
                "two Origins");
    }

    @Test
    void secFetchSiteOtherThanSameOriginIsRefused() {
        for (String site : List.of("same-site", "cross-site", "none")) {
            assertFalse(passes(direct("192.168.1.10:8080", "http://192.168.1.10:8080").header("Sec-Fetch-Site", site)),
                    site);
        }
    }

    @Test
    void anUnknownHostNeverMakesAnOrigin() {
        // DNS rebinding: evil.example resolves to openHAB's address; the browser sends its own name as Host and Origin
        assertFalse(passes(direct("evil.example:8080", "http://evil.example:8080")));
        assertFalse(passes(
                direct("evil.example:8080", "http://evil.example:8080").header("Sec-Fetch-Site", "same-origin")));
        assertFalse(passes(direct("evil.example:8080", "http://evil.example:8080").from("127.0.0.1")),
                "a browser on the openHAB machine");
        assertFalse(passes(direct("openhab.home.lan.evil.example:8080", "http://openhab.home.lan.evil.example:8080")));
    }

    @Test
    void forwardedHeadersCountOnlyFromALoopbackPeer() {
        Fake lan = direct("192.168.1.10:8080", "https://evil.example").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example");
        assertFalse(passes(lan), "X-Forwarded-* of a peer in the network");
        // a page on the openHAB machine, rebound, adds the headers itself: an http name must still be known
        assertFalse(passes(direct("evil.example:8080", "http://evil.example:8080").from("127.0.0.1")
                .header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", "evil.example:8080")));
        // and cannot claim https: the browser's Origin says http
        assertFalse(passes(direct("evil.example:8080", "http://evil.example:8080").from("127.0.0.1")
                .header("X-Forwarded-Proto", "https")));
        assertFalse(passes(direct("evil.example:8080", "http://evil.example:8080").from("127.0.0.1")
                .header("X-Forwarded-Proto", "https").header("Sec-Fetch-Site", "same-origin")));
    }

    @Test
    void sameOriginThroughATlsReverseProxy() {
        // nginx as openHAB's docs set it up: proxy_set_header Host $http_host; X-Forwarded-Proto $scheme; …
        assertTrue(passes(direct("home.example.org", "https://home.example.org").from("127.0.0.1")
                .header("X-Real-IP", "203.0.113.7").header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https").header("Sec-Fetch-Site", "same-origin")));
        // with X-Forwarded-Host and X-Forwarded-Port, on a port of its own
        assertTrue(passes(direct("127.0.0.1:8080", "https://home.example.org:8443").from("::1")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "home.example.org")
                .header("X-Forwarded-Port", "8443")));
        assertFalse(passes(direct("home.example.org", "https://evil.example").from("127.0.0.1")
                .header("X-Forwarded-Proto", "https")), "another site behind the proxy");
        assertFalse(passes(direct("home.example.org", "https://home.example.org").from("127.0.0.1")
                .header("X-Forwarded-Proto", "https").header("Sec-Fetch-Site", "cross-site")));
    }

    @Test
    void aConfiguredProxyInTheNetworkIsTrusted() {
        KnownHosts withProxy = new KnownHosts("", "192.168.1.2, fd00::2");
        Fake nginx = direct("home.example.org", "https://home.example.org").from("192.168.1.2")
                .header("X-Forwarded-Proto", "https");
        assertDoesNotThrow(() -> RequestGuard.requireSameOrigin(nginx.request(), withProxy));
        Fake other = direct("home.example.org", "https://home.example.org").from("192.168.1.3")
                .header("X-Forwarded-Proto", "https");
        assertThrows(HttpProblem.class, () -> RequestGuard.requireSameOrigin(other.request(), withProxy));
        assertTrue(withProxy.isTrustedProxy("fd00:0:0:0:0:0:0:2"));
    }

    @Test
    void sameOriginThroughTheOpenHabCloud() {
        // openHAB Cloud forwards the browser's Host (or its proxy host with the port), Origin and Sec-Fetch-Site; the
        // connector sends them from localhost with X-Forwarded-Proto
        assertTrue(passes(
                direct("myopenhab.org", "https://myopenhab.org").from("127.0.0.1").header("X-Forwarded-Proto", "https")
                        .header("Sec-Fetch-Site", "same-origin").header("User-Agent", "openhab-cloud/0.0.1")
                        .header("X-Openhab-Source", "org.openhab.io.openhabcloud")));
        assertTrue(passes(direct("home.myopenhab.org:443", "https://home.myopenhab.org").from("127.0.0.1")
                .header("X-Forwarded-Proto", "https")));
        assertFalse(passes(direct("myopenhab.org", "https://evil.example").from("127.0.0.1").header("X-Forwarded-Proto",
                "https")));
        // its proxy host names: Host is the cloud's proxy host and internal port (config.json.template: port 3000),
        // for connect.myopenhab.org too; the browser's Sec-Fetch-Site over TLS says same-origin
        assertTrue(passes(direct("home.myopenhab.org:3000", "https://connect.myopenhab.org").from("127.0.0.1")
                .header("X-Forwarded-Proto", "https").header("Sec-Fetch-Site", "same-origin")));
        assertFalse(passes(direct("home.myopenhab.org:3000", "https://evil.example").from("127.0.0.1")
                .header("X-Forwarded-Proto", "https").header("Sec-Fetch-Site", "cross-site")));
        assertFalse(passes(direct("home.myopenhab.org:3000", "https://connect.myopenhab.org").from("127.0.0.1")
                .header("X-Forwarded-Proto", "https")), "without Sec-Fetch-Site the origins must match");
        assertFalse(
                passes(direct("home.myopenhab.org:3000", "https://connect.myopenhab.org")
                        .header("X-Forwarded-Proto", "https").header("Sec-Fetch-Site", "same-origin")),
                "not from a trusted proxy");
    }

    @Test
    void theMediaTypeIsExactlyApplicationJson() {
        assertTrue(json("application/json"));
        assertTrue(json("application/json; charset=utf-8"));
        assertTrue(json("Application/JSON;charset=UTF-8"));
        assertFalse(json("application/jsonfoo"));
        assertFalse(json("application/json-patch+json"));
        assertFalse(json("text/plain"));
        assertFalse(json("application/x-www-form-urlencoded"));
        assertFalse(json(null));
    }

    @Test
    void ipLiteralsAreNeverLookedUp() {
        assertTrue(KnownHosts.isIpLiteral("10.0.0.1"));
        assertTrue(KnownHosts.isIpLiteral("[::1]"));
        assertFalse(KnownHosts.isIpLiteral("300.0.0.1"));
        assertFalse(KnownHosts.isIpLiteral("evil.example"));
        assertNull(KnownHosts.address("localhost"), "a name is not resolved");
        assertTrue(KNOWN.isTrustedProxy("127.0.0.1") && KNOWN.isTrustedProxy("0:0:0:0:0:0:0:1"));
        assertFalse(KNOWN.isTrustedProxy("192.168.1.20"));
        assertFalse(KNOWN.isTrustedProxy("proxy.home.lan"));
    }
}
