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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Signed links: genuine, bound to scope and thing, expiring, surviving one rotation but not two.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class LinkSignerTest {
    private Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void signedTokensVerifyOnlyForTheirScopeAndThing() {
        LinkSigner signer = new LinkSigner(clock);
        String token = signer.sign(LinkSigner.Scope.PAGE, "tuyaintercom:panel:a:b", "", Duration.ofHours(1));
        assertNotNull(signer.verify(token, LinkSigner.Scope.PAGE, "tuyaintercom:panel:a:b"));
        assertNull(signer.verify(token, LinkSigner.Scope.VIDEO, "tuyaintercom:panel:a:b"));
        assertNull(signer.verify(token, LinkSigner.Scope.PAGE, "tuyaintercom:panel:a:c"));
        assertNull(signer.verify(null, LinkSigner.Scope.PAGE, "tuyaintercom:panel:a:b"));
        assertNull(signer.verify("garbage", LinkSigner.Scope.PAGE, "tuyaintercom:panel:a:b"));
        assertNull(signer.verify(token.replace('.', '!'), LinkSigner.Scope.PAGE, "tuyaintercom:panel:a:b"));
        assertNull(new LinkSigner(clock).verify(token, LinkSigner.Scope.PAGE, "tuyaintercom:panel:a:b"),
                "another bridge's secret");
    }

    @Test
    void callTokensCarryTheSession() {
        LinkSigner signer = new LinkSigner(clock);
        String token = signer.sign(LinkSigner.Scope.CALL, "t", "session42", Duration.ofMinutes(5));
        LinkSigner.Token checked = signer.verify(token, LinkSigner.Scope.CALL, "t");
        assertNotNull(checked);
        assertEquals("session42", checked.session());
    }

    @Test
    void tokensExpire() {
        LinkSigner signer = new LinkSigner(clock);
        String token = signer.sign(LinkSigner.Scope.PAGE, "t", "", Duration.ofMinutes(5));
        now = now.plus(Duration.ofMinutes(5));
        assertNull(signer.verify(token, LinkSigner.Scope.PAGE, "t"));
    }

    @Test
    void rotationKeepsTheCurrentGenerationValid() {
        LinkSigner signer = new LinkSigner(clock);
        String token = signer.sign(LinkSigner.Scope.PAGE, "t", "", Duration.ofHours(24));
        signer.rotate();
        assertNotNull(signer.verify(token, LinkSigner.Scope.PAGE, "t"), "one rotation: still valid");
        signer.rotate();
        assertNull(signer.verify(token, LinkSigner.Scope.PAGE, "t"), "two rotations: no longer");
    }
}
