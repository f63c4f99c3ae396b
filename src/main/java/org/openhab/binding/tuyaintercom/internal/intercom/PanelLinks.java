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
import java.time.Clock;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The credentials of one panel's web endpoints and what each allows:
 * <ul>
 * <li>page and video links, signed with a generation: renewing the links keeps the previous generation valid and
 * revokes every older one; {@link #revokeAll()} revokes all but the links issued next;</li>
 * <li>the stable entry key of the panel's configuration, which grants what a page link grants;</li>
 * <li>call tokens, handed to the client that answered (or started) a call, bound to that call's id.</li>
 * </ul>
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PanelLinks {
    /** Page and video links are valid this long, and renewed every {@link #LINK_RENEWAL}. */
    public static final Duration LINK_VALIDITY = Duration.ofHours(24);
    public static final Duration LINK_RENEWAL = Duration.ofHours(6);
    /** A call token dies with its call; this is only the upper bound. */
    static final Duration CALL_TOKEN_VALIDITY = Duration.ofHours(4);

    private final String thing;
    private final LinkSigner signer;
    private final Clock clock;
    private final String entryKey;
    private long generation;
    private long oldestValid;

    public PanelLinks(String thing, LinkSigner signer, Clock clock, String entryKey) {
        this.thing = thing;
        this.signer = signer;
        this.clock = clock;
        this.entryKey = entryKey;
        this.generation = clock.instant().getEpochSecond();
        this.oldestValid = generation;
    }

    /** A new generation; the previous one stays valid, older ones are revoked. */
    public synchronized void renew() {
        long previous = generation;
        generation = Math.max(previous + 1, clock.instant().getEpochSecond());
        oldestValid = previous;
    }

    /** A new generation; every link and call token issued before is revoked. */
    public synchronized void revokeAll() {
        generation = Math.max(generation + 1, clock.instant().getEpochSecond());
        oldestValid = generation;
    }

    public synchronized String pageToken() {
        return signer.sign(LinkSigner.Scope.PAGE, thing, "", generation, LINK_VALIDITY);
    }

    public synchronized String videoToken() {
        return signer.sign(LinkSigner.Scope.VIDEO, thing, "", generation, LINK_VALIDITY);
    }

    public synchronized String callToken(String callId) {
        return signer.sign(LinkSigner.Scope.CALL, thing, callId, generation, CALL_TOKEN_VALIDITY);
    }

    /** Whether a page token or the entry key allows the call page. */
    public boolean allowsPage(@Nullable String token, @Nullable String key) {
        if (key != null && !key.isEmpty() && !entryKey.isEmpty()) {
            return MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                    entryKey.getBytes(StandardCharsets.UTF_8));
        }
        return current(signer.verify(token, LinkSigner.Scope.PAGE, thing)) != null;
    }

    public boolean allowsVideo(@Nullable String token) {
        return current(signer.verify(token, LinkSigner.Scope.VIDEO, thing)) != null;
    }

    /** Whether what was opened with the credential may stay open (it was not revoked, renewed away or expired). */
    public boolean allows(PageCredential credential) {
        return switch (credential.kind()) {
            case PAGE_LINK -> allowsPage(credential.secret(), null);
            case ENTRY_KEY -> allowsPage(null, credential.secret());
            case VIDEO_LINK -> allowsVideo(credential.secret());
        };
    }

    /** The call id a call token is bound to, or null if it is not a current token of this panel. */
    @Nullable
    public String callIdOf(@Nullable String callToken) {
        LinkSigner.Token token = current(signer.verify(callToken, LinkSigner.Scope.CALL, thing));
        return token == null ? null : token.session();
    }

    private synchronized LinkSigner.@Nullable Token current(LinkSigner.@Nullable Token token) {
        return token != null && token.generation() >= oldestValid && token.generation() <= generation ? token : null;
    }
}
