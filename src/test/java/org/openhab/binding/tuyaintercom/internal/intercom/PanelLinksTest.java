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
import java.time.Instant;
import java.time.ZoneOffset;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * What each credential of a panel allows, and when it stops: page links survive one renewal but not two, revoking
 * ends all of them, the entry key grants the page only, call tokens are bound to one call.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class PanelLinksTest {
    private static final String THING = "tuyaintercom:panel:home:door";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private final LinkSigner signer = new LinkSigner(clock);

    @Test
    void aPageLinkSurvivesOneRenewalButNotTwo() {
        PanelLinks links = new PanelLinks(THING, signer, clock, "");
        String first = links.pageToken();
        assertTrue(links.allowsPage(first, null));
        links.renew();
        String second = links.pageToken();
        assertTrue(links.allowsPage(first, null), "the previous link stays valid after one renewal");
        assertTrue(links.allowsPage(second, null));
        links.renew();
        assertFalse(links.allowsPage(first, null), "a link older than the previous one is revoked");
        assertTrue(links.allowsPage(second, null));
        assertTrue(links.allowsPage(links.pageToken(), null));
    }

    @Test
    void revokingEndsEveryLinkAndCallToken() {
        PanelLinks links = new PanelLinks(THING, signer, clock, "");
        String page = links.pageToken();
        String video = links.videoToken();
        String call = links.callToken("call-1");
        links.revokeAll();
        assertFalse(links.allowsPage(page, null));
        assertFalse(links.allowsVideo(video));
        assertNull(links.callIdOf(call));
        assertTrue(links.allowsPage(links.pageToken(), null), "links issued after the revocation work");
    }

    @Test
    void scopesDoNotMix() {
        PanelLinks links = new PanelLinks(THING, signer, clock, "entry-key-123");
        assertFalse(links.allowsVideo(links.pageToken()));
        assertFalse(links.allowsPage(links.videoToken(), null));
        assertFalse(links.allowsPage(links.callToken("c"), null));
        assertNull(links.callIdOf(links.pageToken()));
        assertEquals("c", links.callIdOf(links.callToken("c")));
        assertTrue(links.allowsPage(null, "entry-key-123"));
        assertFalse(links.allowsPage(null, "entry-key-124"));
        assertFalse(links.allowsVideo("entry-key-123"));
        assertFalse(new PanelLinks(THING, signer, clock, "").allowsPage(null, ""), "no key configured: no entry");
        assertFalse(
                new PanelLinks("tuyaintercom:panel:home:other", signer, clock, "").allowsPage(links.pageToken(), null),
                "another panel's link");
    }

    @Test
    void credentialsOfOpenStreamsAreCheckedAgainAfterRenewalAndRevocation() {
        PanelLinks links = new PanelLinks(THING, signer, clock, "entry-key-123");
        PageCredential page = PageCredential.page(links.pageToken(), null);
        PageCredential video = PageCredential.video(links.videoToken());
        PageCredential key = PageCredential.page(null, "entry-key-123");
        assertTrue(links.allows(page) && links.allows(video) && links.allows(key));
        assertFalse(links.allows(PageCredential.page(null, "wrong")));
        assertFalse(links.allows(PageCredential.video(links.pageToken())), "scopes do not mix");
        links.renew();
        assertTrue(links.allows(page), "one renewal keeps the previous links");
        links.renew();
        assertFalse(links.allows(page) || links.allows(video), "two renewals end them");
        PageCredential fresh = PageCredential.page(links.pageToken(), null);
        links.revokeAll();
        assertFalse(links.allows(fresh));
        assertTrue(links.allows(key), "the entry key ends only when it is changed");
        assertFalse(page.toString().contains(".") || key.toString().contains("entry"), "no secret in toString");
    }
}
