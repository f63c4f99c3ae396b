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
import java.time.Duration;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.intercom.PageLimits;

/**
 * Open call pages hold no server thread: with the maximum of pages open on one panel no thread is inside the binding's
 * code, the next page is refused with 429 and a message, every page still gets the ring, and other requests are
 * served.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(240)
class WebLoadIT {
    @Test
    void openPagesHoldNoThreadAndTheCapAnswers429() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            // one link holds at most MAX_PAGES_PER_CREDENTIAL pages: the panel's pages take several links
            List<String> links = harness
                    .distinctPageLinks(PageLimits.MAX_PAGES_PER_PANEL / PageLimits.MAX_PAGES_PER_CREDENTIAL + 1);
            try (OpenPages pages = new OpenPages(http, links, PageLimits.MAX_PAGES_PER_PANEL)) {
                assertEquals(0, OpenPages.threadsInBindingCode(), "no thread waits inside the binding");
                HttpResponse<String> refused = http.send(HttpRequest
                        .newBuilder(URI.create(
                                new PageApi(http, links.get(links.size() - 1)).url("events") + "&c=onetoomanypage"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(429, refused.statusCode());
                assertTrue(refused.body().contains("too many open call pages"), refused.body());
                assertEquals(200,
                        http.send(HttpRequest.newBuilder(URI.create(harness.base() + "/tuyaintercom/")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode(),
                        "other requests are served");
                harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                assertTrue(harness.awaitTrigger("RING"));
                pages.awaitState("RINGING");
                assertEquals(0, OpenPages.threadsInBindingCode(), "still none after the ring reached every page");
            }
        }
    }
}
