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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The credential an event stream or a media session was opened with: a page link, the entry key or a video link. It
 * is kept so that a revocation or a renewal can close what was opened with a credential that is no longer valid
 * ({@link PanelLinks#allows}), and so that open pages can be counted per credential: one leaked link holds at most
 * {@link PageLimits#MAX_PAGES_PER_CREDENTIAL} pages, whatever it does, and the other credentials keep theirs.
 * <p>
 * Two page links are two credentials (each issued link string is one), every holder of the entry key shares one.
 * {@link #toString()} never shows the secret.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PageCredential {
    /** Which credential. */
    public enum Kind {
        PAGE_LINK,
        ENTRY_KEY,
        VIDEO_LINK
    }

    private final Kind kind;
    private final String secret;
    private final String identity;

    private PageCredential(Kind kind, String secret) {
        this.kind = kind;
        this.secret = secret;
        this.identity = kind.name() + ":" + digest(secret);
    }

    /** The credential of a page request: the entry key {@code k} where given, else the page link {@code t}. */
    public static PageCredential page(@Nullable String token, @Nullable String key) {
        return key != null && !key.isEmpty() ? new PageCredential(Kind.ENTRY_KEY, key)
                : new PageCredential(Kind.PAGE_LINK, token == null ? "" : token);
    }

    /** The credential of an oh-video request. */
    public static PageCredential video(@Nullable String token) {
        return new PageCredential(Kind.VIDEO_LINK, token == null ? "" : token);
    }

    public Kind kind() {
        return kind;
    }

    /** The token or key itself: for {@link PanelLinks} only, never for a log. */
    String secret() {
        return secret;
    }

    /** Equal for the same credential (kind and secret), without the secret. */
    public String identity() {
        return identity;
    }

    private static String digest(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PageCredential that && identity.equals(that.identity);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
