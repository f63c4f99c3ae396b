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
package org.openhab.binding.tuyaintercom.internal.osgi;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.intercom.PageLimits;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The security suite, on what outlives a request: revoking the links (REVOKE_LINKS), two renewals and a new entry key
 * close at once the event streams, media sessions and the call opened with a link that is no longer valid, and the
 * call page then shows its invalid-link text; page slots are capped per credential and a closed connection frees its
 * slot at once; oh-video offers the panel does not answer hold no live-view slot.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(300)
class WebRevocationIT {
    private static final Duration AT_ONCE = Duration.ofSeconds(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static boolean toldInvalid(PageApi page) {
        return page.events().stream().anyMatch(e -> e.name().equals("link") && !e.data().path("valid").asBoolean(true));
    }

    /** The status of a new event stream with the link, closed again at once. */
    private int eventsStatus(String pageUrl) throws Exception {
        try (PageApi page = new PageApi(http, pageUrl).listen()) {
            within(Duration.ofSeconds(10), () -> page.streamStatus != 0);
            return page.streamStatus;
        }
    }

    @Test
    void revokingClosesStreamsMediaAndTheCallOfTheOldLinksAtOnce() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            String oldPage = harness.callPageUrl();
            try (PageApi revoked = new PageApi(http, oldPage).listen();
                    PageApi owner = new PageApi(http, harness.entryUrl()).listen()) {
                revoked.awaitState("IDLE");
                owner.awaitState("IDLE");
                // the live views: one of the old link, two of the entry key (the panel's three)
                assertEquals(200, revoked.post("media-start", PageApi.json().put("forCall", false)).statusCode());
                for (int i = 0; i < SignallingRelay.MAX_LIVE_VIEWS - 1; i++) {
                    assertEquals(200, owner.post("media-start", PageApi.json().put("forCall", false)).statusCode());
                }
                assertEquals(503, owner.post("media-start", PageApi.json().put("forCall", false)).statusCode(),
                        "the live views are taken");

                harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                String callId = revoked.awaitState("RINGING").path("callId").asText();
                HttpResponse<String> answered = revoked.post("answer", PageApi.json().put("callId", callId));
                assertEquals(200, answered.statusCode(), answered.body());

                harness.command("call-control", "REVOKE_LINKS");
                assertTrue(within(AT_ONCE, () -> toldInvalid(revoked) && revoked.streamEnded),
                        "the stream of the revoked link was told and closed: " + revoked.events());
                owner.await("state",
                        s -> callId.equals(s.path("callId").asText()) && "IDLE".equals(s.path("state").asText()),
                        AT_ONCE);
                assertEquals(200, owner.post("media-start", PageApi.json().put("forCall", false)).statusCode(),
                        "the old link's live view was closed: its slot is free");
                assertFalse(owner.streamEnded || toldInvalid(owner), "the entry key's stream stays open");
                assertEquals(401, eventsStatus(oldPage), "a new stream with the old link");

                int seen = revoked.events().size();
                harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                owner.await("state",
                        s -> "RINGING".equals(s.path("state").asText()) && !callId.equals(s.path("callId").asText()),
                        Duration.ofSeconds(20));
                assertEquals(seen, revoked.events().size(), "the next ring does not reach the revoked stream");
            }
        }
    }

    @Test
    void twoRenewalsCloseTheStreamsOfTheLinkTheyRevoke() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            try (PageApi old = new PageApi(http, harness.callPageUrl()).listen()) {
                old.awaitState("IDLE");
                harness.renewLinks();
                try (PageApi kept = new PageApi(http, harness.distinctPageLinks(1).get(0)).listen()) {
                    kept.awaitState("IDLE");
                    assertFalse(within(Duration.ofSeconds(1), () -> old.streamEnded || toldInvalid(old)),
                            "one renewal keeps the previous link");
                    harness.renewLinks();
                    assertTrue(within(AT_ONCE, () -> toldInvalid(old) && old.streamEnded),
                            "the second renewal closes the stream of the link it revokes: " + old.events());
                    assertFalse(kept.streamEnded || toldInvalid(kept), "a link of the previous generation stays");
                    assertEquals(401, eventsStatus(harness.callPageUrl()), "the revoked link opens no stream");
                }
            }
        }
    }

    @Test
    void aNewEntryKeyClosesTheStreamsOfTheOldOne() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            String oldEntry = harness.entryUrl();
            try (PageApi entry = new PageApi(http, oldEntry).listen()) {
                entry.awaitState("IDLE");
                harness.configure("entryKey", "");
                assertTrue(within(AT_ONCE, () -> entry.streamEnded), "the stream of the old key ended");
                assertTrue(
                        within(Duration.ofSeconds(20),
                                () -> !harness.currentEntryUrl().isEmpty()
                                        && !oldEntry.equals(harness.currentEntryUrl())),
                        "a new entry key was generated into the configuration");
                assertEquals(401, eventsStatus(oldEntry), "the old key opens no new stream");
            }
        }
    }

    @Test
    void anOpenCallPageShowsTheInvalidLinkTextWhenItsLinkIsRevoked() throws Exception {
        WebHarness.requireBrowser();
        try (WebHarness harness = new WebHarness()) {
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            assertTrue(
                    within(Duration.ofSeconds(20),
                            () -> Boolean.TRUE.equals(browser
                                    .executeScript("return pageProbe.streamOpen() && pageProbe.state !== null"))),
                    "the page listens" + WebHarness.console(browser));
            assertEquals(Boolean.TRUE, browser.executeScript("return document.getElementById('invalid').hidden"));
            harness.command("call-control", "REVOKE_LINKS");
            // sooner than the page would reconnect (2 s) and learn it from a 401
            assertTrue(
                    within(Duration.ofMillis(1500),
                            () -> Boolean.TRUE.equals(browser
                                    .executeScript("return document.getElementById('invalid').hidden === false"))),
                    "the page shows its invalid-link text" + WebHarness.console(browser));
            String text = browser.findElement(By.id("invalid-text")).getText();
            assertTrue(text.contains("not valid"), text);
            assertEquals(Boolean.FALSE, browser.executeScript("return pageProbe.streamOpen()"), "its stream is closed");
        }
    }

    @Test
    void aLinkHoldsAtMostItsShareOfPagesAndClosedPagesFreeTheirSlotsAtOnce() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            List<PageApi> leaked = new ArrayList<>();
            try {
                for (int i = 0; i < PageLimits.MAX_PAGES_PER_CREDENTIAL; i++) {
                    leaked.add(new PageApi(http, harness.callPageUrl()).listen());
                }
                for (PageApi page : leaked) {
                    page.awaitState("IDLE");
                }
                assertEquals(429, eventsStatus(harness.callPageUrl()), "one link holds no more pages");
                assertEquals(200, eventsStatus(harness.entryUrl()), "the owner's entry key still works");
                assertEquals(200, eventsStatus(harness.distinctPageLinks(1).get(0)), "another link still works");
            } finally {
                leaked.forEach(PageApi::close);
            }
        }
    }

    @Test
    void pagesWhoseConnectionClosedFreeThePanelsSlotsAtOnce() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            List<String> links = harness
                    .distinctPageLinks(PageLimits.MAX_PAGES_PER_PANEL / PageLimits.MAX_PAGES_PER_CREDENTIAL + 1);
            String spare = links.get(links.size() - 1);
            try (OpenPages pages = new OpenPages(http, links.subList(0, links.size() - 1),
                    PageLimits.MAX_PAGES_PER_PANEL)) {
                pages.awaitState("IDLE");
                assertEquals(429, eventsStatus(spare), "the panel's pages are taken");
            }
            // the 500 clients closed their connections: the next page gets a slot with its first request
            assertEquals(200, eventsStatus(spare));
        }
    }

    @Test
    void ohVideoOffersThePanelDoesNotAnswerHoldNoLiveViewSlot() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            String garbage = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                    + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\na=rtpmap:96 H264/90000\r\n";
            String form = "data=" + Base64.getEncoder().encodeToString(garbage.getBytes(StandardCharsets.UTF_8));
            List<CompletableFuture<HttpResponse<String>>> offers = new ArrayList<>();
            for (int i = 0; i < SignallingRelay.MAX_LIVE_VIEWS; i++) {
                offers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(harness.videoUrl()))
                        .header("Origin", harness.base()).header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            assertTrue(within(Duration.ofSeconds(5), () -> harness.panel.webrtcReceived().stream()
                    .filter("offer"::equals).count() >= SignallingRelay.MAX_LIVE_VIEWS), "the panel got the offers");
            try (PageApi page = new PageApi(http, harness.callPageUrl()).listen()) {
                page.awaitState("IDLE");
                HttpResponse<String> view = page.post("media-start", PageApi.json().put("forCall", false));
                assertEquals(200, view.statusCode(), "a live view while they wait: " + view.body());
                harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                String callId = page.awaitState("RINGING").path("callId").asText();
                HttpResponse<String> preview = page.post("media-start",
                        PageApi.json().put("preview", true).put("callId", callId));
                assertEquals(200, preview.statusCode(), "and the ring preview: " + preview.body());
                assertTrue(TuyaJson.parse(preview.body()).has("media"));
            }
            for (CompletableFuture<HttpResponse<String>> offer : offers) {
                offer.cancel(true);
            }
        }
    }
}
