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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimNetworkFaults;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Calls over a network that loses and delays messages: the simulator drops 5 % of the 302, 308 and data-point
 * messages in each direction and delays every one by 0–1 s (so they also overtake each other). Each ring is answered
 * on the call page in Chromium; every answer either connects (media both ways) or ends within the bound (two
 * {@code connectTimeout}s: one repair), and the next press rings: no call is stuck.
 * <p>
 * {@code -Dfaults.rings=N} sets the number of rings (8 in the build; {@code ./bench.sh} runs 100 with and without
 * faults and writes the figures to BENCHMARKS.md with {@code -Dfaults.bench=true}), {@code -Dfaults.off=true} runs
 * the same without faults, {@code -Dfaults.seed} repeats a run.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(3600)
class WebFaultsIT {
    /** The panel's connectTimeout: the default. */
    static final int BOUND_SECONDS = 15;
    /** Two bounds (one repair), a round of housekeeping and room for a loaded machine. */
    static final Duration END_WITHIN = Duration.ofSeconds(2 * BOUND_SECONDS + 15);
    static final Duration RING_WITHIN = Duration.ofSeconds(15);

    /** Clicks Answer and resolves with the ms until the first decoded frame, or -1 once the call is over. */
    static final String ANSWER_AND_TIME_FIRST_FRAME = """
            const done = arguments[arguments.length - 1];
            const limit = arguments[0];
            const start = performance.now();
            document.getElementById('answer').click();
            const poll = async () => {
              const s = await window.pageProbe.stats();
              if (s.framesDecoded > 0) return done(Math.round(performance.now() - start));
              if (performance.now() - start > limit) return done(-1);
              setTimeout(poll, 50);
            };
            poll();
            """;

    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    static boolean answerShows(ChromeDriver browser, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(browser.executeScript("return !document.getElementById('answer').hidden"))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    @Test
    void everyAnswerConnectsOrEndsWithinTheBoundAndTheNextPressRings() throws Exception {
        int rings = Integer.getInteger("faults.rings", 8);
        boolean faults = !Boolean.getBoolean("faults.off");
        long seed = Long.getLong("faults.seed", 20261203L);
        try (WebHarness harness = new WebHarness(HttpStack.selected(), TuyaCloudSimulator.CallTransport.OPEN_HUB_308,
                Map.of("connectTimeout", BOUND_SECONDS))) {
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            WebCallIT.visible(browser, "call");
            if (faults) {
                harness.sim.network.seed(seed)
                        .all(SimNetworkFaults.Rule.loss(0.05).withDelay(Duration.ZERO, Duration.ofSeconds(1)));
            }
            int answered = 0;
            int connected = 0;
            int endedByBound = 0;
            int ringsLost = 0;
            List<String> stuck = new ArrayList<>();
            List<Long> firstFrames = new ArrayList<>();
            for (int i = 0; i < rings; i++) {
                harness.clearTrace();
                harness.panel.pressCallButton(3, Duration.ofSeconds(60));
                harness.panel.publishDoorbellDataPoints("faults");
                if (!answerShows(browser, RING_WITHIN)) {
                    // both the 308 call and the data points of this press were lost on the way: not a stuck call,
                    // but the binding must be idle for the next press
                    ringsLost++;
                    if (!harness.trace().isEmpty() && !harness.trace().contains("call-state=IDLE")) {
                        stuck.add("ring " + i + " lost, and the binding is not idle: " + harness.trace());
                    }
                    harness.panel.cancel();
                    continue;
                }
                answered++;
                long clicked = System.nanoTime();
                long firstFrame = ((Number) browser.executeAsyncScript(ANSWER_AND_TIME_FIRST_FRAME,
                        END_WITHIN.toMillis())).longValue();
                if (firstFrame >= 0 && !harness.trace().contains("call-state=IDLE")) {
                    connected++;
                    firstFrames.add(firstFrame);
                    if (Boolean.TRUE
                            .equals(browser.executeScript("return !document.getElementById('hangup').hidden"))) {
                        browser.findElement(By.id("hangup")).click();
                    }
                }
                // connected and hung up, or ended by the bound: the binding is idle again within the bound
                long left = END_WITHIN.toNanos() - (System.nanoTime() - clicked);
                if (!harness.awaitTraceEntry("call-state=IDLE", Duration.ofNanos(Math.max(left, 1_000_000_000L)))) {
                    stuck.add("ring " + i + ": " + harness.trace() + " " + WebCallIT.stats(browser)
                            + WebHarness.console(browser));
                    harness.command("call-control", "HANGUP"); // free it for the next ring, the figure stays
                    harness.awaitTraceEntry("call-state=IDLE", Duration.ofSeconds(10));
                } else if (firstFrame < 0) {
                    endedByBound++;
                    System.out.printf("ring %d ended without media after %d ms: %s%s%n", i,
                            (System.nanoTime() - clicked) / 1_000_000, harness.trace(), WebHarness.console(browser));
                }
                // the panel forgets the call (its hang_up may have been lost too)
                harness.panel.hangUp();
                answerHidden(browser);
            }
            Collections.sort(firstFrames);
            String label = faults ? "5 % loss and 0–1 s delay on 302, 308 and data points, both ways" : "no faults";
            String figures = String.format(
                    "connected %d of %d answered (%d rings), answer → first frame p50 %d ms / p95 %d ms, "
                            + "ended by the bound %d, stuck %d, rings lost %d",
                    connected, answered, rings, percentile(firstFrames, 0.5), percentile(firstFrames, 0.95),
                    endedByBound, stuck.size(), ringsLost);
            System.out.println("calls over a faulty network (" + label + ", seed " + seed + "): " + figures + "; "
                    + harness.sim.network);
            if (Boolean.getBoolean("faults.bench")) {
                // the run without faults goes first (bench.sh) and leaves its figures for the row of the run with them
                Path baseline = Path.of("target/faults-baseline.txt");
                if (faults) {
                    String without = Files.exists(baseline) ? Files.readString(baseline).trim() : "not measured";
                    Files.writeString(Path.of("target/benchmarks.md"),
                            "| " + rings + " rings answered in Chromium, " + label + " (connectTimeout " + BOUND_SECONDS
                                    + " s) | " + figures + " | same run without faults: " + without + " |\n",
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } else {
                    Files.writeString(baseline, figures);
                }
            }
            assertEquals(List.of(), stuck, "calls stuck beyond the bound");
            assertEquals(answered, connected + endedByBound, "every answer connected or ended by the bound");
        }
    }

    /** After the call, the page shows no Answer button until the next ring. */
    private static void answerHidden(ChromeDriver browser) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline
                && Boolean.TRUE.equals(browser.executeScript("return !document.getElementById('answer').hidden"))) {
            Thread.sleep(50);
        }
    }
}
