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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Answer → first decoded frame in Chromium through the binding, median of 10, next to a direct browser ↔ simulated
 * panel connection without the binding, measured in the same run; ring → call page shows ringing on openHAB's HTTP
 * stack (pax-web) next to Felix HTTP Jetty. Run with {@code ./bench.sh}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class WebBenchmark {

    /** Resolves with the epoch time in ms (sub-ms precision) at which #status first shows {@code arguments[0]}. */
    static final String ARM_STATUS_WATCH = """
            const text = arguments[0];
            window.statusShown = null;
            const status = document.getElementById('status');
            const observer = new MutationObserver(() => {
              if (window.statusShown === null && status.textContent === text) {
                window.statusShown = performance.timeOrigin + performance.now();
                observer.disconnect();
              }
            });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
            """;

    static final String AWAIT_STATUS_SHOWN = """
            const done = arguments[arguments.length - 1];
            const poll = () => window.statusShown !== null ? done(window.statusShown) : setTimeout(poll, 5);
            poll();
            """;

    static final String RINGING = "Someone is at the door";

    /**
     * Ring → call page shows ringing: from the simulated panel publishing its call (308) on the broker until the
     * page's #status shows the ringing text in Chromium, over {@code rings} rings after one warm-up; sorted, in ms.
     */
    static List<Double> ringToPageLatencies(HttpStack stack, int rings) throws Exception {
        List<Double> latencies = new ArrayList<>();
        try (WebHarness harness = new WebHarness(stack)) {
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            for (int i = 0; i <= rings; i++) {
                // idle and long-polling: the call button shows only in IDLE, after the page's first state answer
                WebCallIT.visible(browser, "call");
                harness.clearTrace();
                browser.executeScript(ARM_STATUS_WATCH, RINGING);
                Instant published = Instant.now();
                harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                double shown = ((Number) browser.executeAsyncScript(AWAIT_STATUS_SHOWN)).doubleValue();
                double millis = shown - (published.getEpochSecond() * 1000.0 + published.getNano() / 1e6);
                if (i > 0) { // the first ring warms up
                    latencies.add(millis);
                }
                WebCallIT.visible(browser, "reject").click();
                long deadline = System.currentTimeMillis() + 20_000;
                while (!harness.trace().contains("call-state=IDLE") && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
            }
        }
        Collections.sort(latencies);
        return latencies;
    }

    static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    @Test
    void ringToPageShowsRinging() throws Exception {
        WebHarness.requireBrowser();
        List<Double> paxWeb = ringToPageLatencies(HttpStack.PAXWEB, 20);
        List<Double> felix = ringToPageLatencies(HttpStack.FELIX, 20);
        String row = String.format(java.util.Locale.ROOT,
                "| Ring → call page shows ringing in Chromium (20 rings; panel publishes 308 → #status text) on "
                        + "openHAB's HTTP stack, %s | p50 %.0f ms, p90 %.0f ms (max %.0f) | %s: p50 %.0f ms, p90 %.0f ms "
                        + "(max %.0f) |",
                HttpStack.PAXWEB.label(), percentile(paxWeb, 50), percentile(paxWeb, 90), paxWeb.get(paxWeb.size() - 1),
                HttpStack.FELIX.label(), percentile(felix, 50), percentile(felix, 90), felix.get(felix.size() - 1));
        System.out.println("pax-web: " + paxWeb);
        System.out.println("felix:   " + felix);
        System.out.println(row);
        Files.writeString(Path.of("target/benchmarks.md"), row + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Test
    void answerToFirstFrame() throws Exception {
        WebHarness.requireBrowser();
        List<Long> binding = new ArrayList<>();
        List<Long> direct = new ArrayList<>();
        // without the preview: the answer sets up the media (with it, the picture is there before the click)
        try (WebHarness harness = new WebHarness(Map.of("ringPreview", false))) {
            ChromeDriver browser = harness.browser();
            for (int i = 0; i < 11; i++) {
                browser.get(harness.callPageUrl());
                harness.clearTrace();
                harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                WebCallIT.visible(browser, "answer");
                long millis = ((Number) browser.executeAsyncScript(WebCallIT.CLICK_AND_TIME_FIRST_FRAME, "answer"))
                        .longValue();
                harness.awaitTrigger("CONNECTED");
                WebCallIT.visible(browser, "hangup").click();
                harness.awaitTrigger("HUNG_UP");
                long directMillis = WebCallIT.directFirstFrameMillis(harness, browser);
                if (i > 0) { // the first round warms up
                    binding.add(millis);
                    direct.add(directMillis);
                }
                Thread.sleep(500);
            }
        }
        Collections.sort(binding);
        Collections.sort(direct);
        String row = String.format(
                "| Answer click → first decoded frame in Chromium (median of 10) | %d ms "
                        + "(min %d, max %d) | direct browser ↔ panel: %d ms (min %d, max %d) |",
                binding.get(4), binding.get(0), binding.get(9), direct.get(4), direct.get(0), direct.get(9));
        System.out.println(row);
        Files.writeString(Path.of("target/benchmarks.md"), row + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ringToPreview(binding.get(4));
    }

    /** With {@code ringPreview}: ring → the muted preview's first decoded frame on the ringing page. */
    private void ringToPreview(long answerWithoutPreview) throws Exception {
        List<Long> preview = new ArrayList<>();
        try (WebHarness harness = new WebHarness()) {
            ChromeDriver browser = harness.browser();
            for (int i = 0; i < 11; i++) {
                browser.get(harness.callPageUrl());
                WebCallIT.visible(browser, "call");
                long start = System.nanoTime();
                harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                        .pollingEvery(Duration.ofMillis(10)).until(d -> "playing"
                                .equals(d.findElement(org.openqa.selenium.By.id("app")).getAttribute("data-preview")));
                long millis = (System.nanoTime() - start) / 1_000_000;
                WebCallIT.visible(browser, "reject").click();
                harness.awaitTrigger("REJECTED");
                if (i > 0) {
                    preview.add(millis);
                }
                Thread.sleep(500);
            }
        }
        Collections.sort(preview);
        String row = String.format(
                "| Ring → muted preview's first decoded frame on the ringing page (median of 10) | %d ms "
                        + "(min %d, max %d) | without the preview the picture comes %d ms after the answer click |",
                preview.get(4), preview.get(0), preview.get(9), answerWithoutPreview);
        System.out.println(row);
        Files.writeString(Path.of("target/benchmarks.md"), row + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
