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
package org.openhab.binding.tuyaintercom.internal.intercom;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Signs and checks the tokens of the binding's links: HMAC-SHA256 with a secret kept in memory by the account bridge,
 * bound to a scope, a thing and (for call actions) a call session, with an expiry. The secret is rotated; tokens of
 * the previous secret stay valid until they expire.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class LinkSigner {
    /** What a token allows. */
    public enum Scope {
        /** The call page: watch, answer or reject the ringing call, live view, call the panel. */
        PAGE,
        /** The oh-video WebRTC endpoint (live view). */
        VIDEO,
        /** Hang up, media and (where allowed) unlock within one call, for the client that answered or started it. */
        CALL
    }

    /** A checked token. */
    public record Token(Scope scope, String thing, String session, long generation, Instant expires) {
    }

    private static final String VERSION = "v2";
    private static final int SECRET_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 1024;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private byte[] secret;
    private byte @Nullable [] previousSecret;

    public LinkSigner(Clock clock) {
        this.clock = clock;
        this.secret = newSecret();
    }

    private byte[] newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A new secret; tokens of the current one stay valid until they expire, older ones not. */
    public synchronized void rotate() {
        previousSecret = secret;
        secret = newSecret();
    }

    public String sign(Scope scope, String thing, String session, Duration validity) {
        return sign(scope, thing, session, 0, validity);
    }

    /**
     * @param generation the link generation of the thing when the token was issued, so that the thing can revoke
     *            the tokens of older generations
     */
    public synchronized String sign(Scope scope, String thing, String session, long generation, Duration validity) {
        String payload = String.join("|", VERSION, scope.name(), thing, session, Long.toString(generation),
                Long.toString(clock.instant().plus(validity).getEpochSecond()));
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(hmac(secret, payload));
    }

    /** The token if it is genuine, unexpired, of the scope and for the thing; null otherwise. */
    public @Nullable Token verify(@Nullable String token, Scope scope, String thing) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String payload;
        byte[] signature;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] current;
        byte[] previous;
        synchronized (this) {
            current = secret;
            previous = previousSecret;
        }
        boolean genuine = MessageDigest.isEqual(hmac(current, payload), signature)
                || (previous != null && MessageDigest.isEqual(hmac(previous, payload), signature));
        if (!genuine) {
            return null;
        }
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 6 || !VERSION.equals(parts[0]) || !scope.name().equals(parts[1])
                || !thing.equals(parts[2])) {
            return null;
        }
        Instant expires;
        long generation;
        try {
            generation = Long.parseLong(parts[4]);
            expires = Instant.ofEpochSecond(Long.parseLong(parts[5]));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
        if (!clock.instant().isBefore(expires)) {
            return null;
        }
        return new Token(scope, parts[2], parts[3], generation, expires);
    }

    private static byte[] hmac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
