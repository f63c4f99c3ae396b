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
package org.openhab.binding.tuyaintercom.internal.tuya.smart;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One session of {@link SmartWebClient}, never changed: a change (new cookies, a renewal) is a new value, so readers
 * take the current one without a lock. {@code id} names the sign-in (or reset) the session comes from; cookies of an
 * answer are taken only into the session the request was sent with. {@code cookieExpiry} is the earliest end the
 * cookies set since the session's last reset named; {@code since} is when it was signed in (or renewed).
 * <p>
 * The cookies are secrets: {@link #toString()} names none of them.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
record SmartSession(long id, Map<String, String> cookies, @Nullable Instant cookieExpiry, Instant expiresAt,
        Instant since, String uid, List<String> mqttUrls) {

    /** No session: no cookies, over. */
    static SmartSession none(long id) {
        return new SmartSession(id, Map.of(), null, Instant.MIN, Instant.MIN, "", List.of());
    }

    boolean signedIn(Instant now) {
        return !cookies.isEmpty() && now.isBefore(expiresAt);
    }

    /** The cookies as a {@code Cookie} header; empty when there are none. */
    String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> {
            if (header.length() > 0) {
                header.append("; ");
            }
            header.append(name).append('=').append(value);
        });
        return header.toString();
    }

    /** With the cookies of an answer's {@code Set-Cookie} headers (an empty value or max-age 0 removes one). */
    SmartSession withCookies(List<String> setCookies, Instant now) {
        if (setCookies.isEmpty()) {
            return this;
        }
        Map<String, String> jar = new LinkedHashMap<>(cookies);
        Instant expiry = cookieExpiry;
        for (String setCookie : setCookies) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            Long maxAge = null;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                if (attribute.startsWith("max-age=")) {
                    try {
                        maxAge = Long.parseLong(attribute.substring(8).trim());
                    } catch (NumberFormatException e) {
                        // ignored: the default lifetime applies
                    }
                }
            }
            if (value.isEmpty() || maxAge != null && maxAge <= 0) {
                jar.remove(name);
                continue;
            }
            jar.put(name, value);
            if (maxAge != null) {
                Instant end = now.plusSeconds(maxAge);
                expiry = expiry == null || end.isBefore(expiry) ? end : expiry;
            }
        }
        return new SmartSession(id, Collections.unmodifiableMap(jar), expiry, expiresAt, since, uid, mqttUrls);
    }

    /** The same session, counting the cookies' end anew from the next answer on. */
    SmartSession withoutCookieExpiry() {
        return new SmartSession(id, cookies, null, expiresAt, since, uid, mqttUrls);
    }

    /**
     * Signed in (at {@code since}) as the account of the sign-in's answer: the session ends when its cookies do, or
     * {@code otherwise} after {@code now}.
     */
    SmartSession signedInAs(String account, List<String> urls, Instant since, Instant now, Duration otherwise) {
        Instant expiry = cookieExpiry;
        return new SmartSession(id, cookies, expiry, expiry != null ? expiry : now.plus(otherwise), since, account,
                List.copyOf(urls));
    }

    /** Renewed at {@code now} until {@code end}. */
    SmartSession renewedUntil(Instant end, Instant now) {
        return new SmartSession(id, cookies, cookieExpiry, end, now, uid, mqttUrls);
    }

    /** When to sign in anew: a fifth of the session's lifetime (at most an hour, at least a second) before its end. */
    Instant renewAt() {
        long lifetime = Math.max(1, Duration.between(since, expiresAt).toMillis());
        long margin = Math.max(1000, Math.min(Duration.ofHours(1).toMillis(), lifetime / 5));
        return expiresAt.minusMillis(Math.min(margin, lifetime / 2));
    }

    @Override
    public String toString() {
        return "SmartSession[" + id + ", " + cookies.size() + " cookies, until " + expiresAt + "]";
    }
}
