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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.intercom.PageLimits;

/**
 * What open call pages cost openHAB's web server, measured in one run: threads held in the binding's code with 500
 * pages open, the latency of another endpoint with 500 pages open next to none, and ring → the pages' event stream
 * shows the ring. Run with {@code ./bench.sh}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class PageLoadBenchmark {
    private static final int PAGES = 500;

    @Test
    void openPagesAndRingLatency() throws Exception {
        List<String> rows = new ArrayList<>();
        try (WebHarness harness = new WebHarness()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String other = harness.base() + "/tuyaintercom/call/nothing";
            double idle = medianMillis(http, other, 200);
            List<Long> rings = new ArrayList<>();
            try (PageApi page = new PageApi(http, harness.callPageUrl()).listen()) {
                page.awaitState("IDLE");
                for (int i = 0; i < 21; i++) {
                    int before = page.events().size();
                    long start = System.nanoTime();
                    harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                    page.await("state",
                            s -> "RINGING".equals(s.path("state").asText()) && page.events().size() > before,
                            Duration.ofSeconds(10));
                    long micros = (System.nanoTime() - start) / 1000;
                    if (i > 0) {
                        rings.add(micros);
                    }
                    harness.panel.cancel();
                    page.await("state",
                            s -> "IDLE".equals(s.path("state").asText()) && page.events().size() > before + 1,
                            Duration.ofSeconds(10));
                }
            }
            Collections.sort(rings);
            try (OpenPages pages = new OpenPages(http,
                    harness.distinctPageLinks(PAGES / PageLimits.MAX_PAGES_PER_CREDENTIAL), PAGES)) {
                int held = OpenPages.threadsInBindingCode();
                double loaded = medianMillis(http, other, 200);
                rows.add(String.format(
                        "| Threads inside the binding's code with %d call pages open (%s) | %d | "
                                + "previous design (long-poll): 198 of 200 Jetty threads parked with 200 pages open |",
                        PAGES, HttpStack.selected().label(), held));
                rows.add(String.format("| Latency of another endpoint (401 page, median of 200) with %d call pages "
                        + "open | %.2f ms | no page open: %.2f ms |", PAGES, loaded, idle));
            }
            rows.add(String.format(
                    "| Ring (panel publishes 308) → call page's event stream shows RINGING "
                            + "(median of 20, %s) | %.1f ms (p90 %.1f ms) | previous design: up to one "
                            + "long-poll round trip |",
                    HttpStack.selected().label(), rings.get(9) / 1000.0, rings.get(17) / 1000.0));
        }
        for (String row : rows) {
            System.out.println(row);
            Files.writeString(Path.of("target/benchmarks.md"), row + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    private static double medianMillis(HttpClient http, String url, int count) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            times.add(System.nanoTime() - start);
        }
        Collections.sort(times);
        return times.get(count / 2) / 1_000_000.0;
    }
}
