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
import static org.openhab.binding.tuyaintercom.internal.osgi.WebCallIT.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator.CallTransport;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The call page keeps its buttons on screen at every window size: while the call rings with the visitor's preview
 * playing, Answer and Reject, and in the answered call with its video, Hang up and Open the door, lie wholly inside
 * the viewport, uncovered, with the page not scrolled, from Main UI's 320x300 web frame to a 1920x1080 screen
 * (phones upright and on their side, tablets, laptops, odd shapes). The picture is shown wholly inside the viewport
 * too.
 * <p>
 * With the environment variable {@code LAYOUT_SCREENSHOTS_DIR} set it also saves a PNG of the page at every size.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(300)
class CallPageLayoutIT {
    /** Width and height of the viewports walked through. */
    static final List<int[]> SIZES = List.of(new int[] { 320, 300 }, new int[] { 360, 640 }, new int[] { 390, 844 },
            new int[] { 414, 896 }, new int[] { 568, 320 }, new int[] { 640, 360 }, new int[] { 768, 1024 },
            new int[] { 1024, 768 }, new int[] { 1100, 900 }, new int[] { 1280, 800 }, new int[] { 1366, 650 },
            new int[] { 1440, 900 }, new int[] { 1920, 1080 }, new int[] { 500, 300 }, new int[] { 800, 600 },
            new int[] { 1000, 1000 }, new int[] { 1920, 400 }, new int[] { 320, 568 }, new int[] { 360, 300 },
            new int[] { 700, 700 }, new int[] { 760, 610 }, new int[] { 900, 1200 }, new int[] { 1200, 1100 },
            new int[] { 600, 520 }, new int[] { 1600, 300 });

    /**
     * Where each element lies: its rectangle, whether it is rendered, whether the element at its centre is it (or
     * inside it), with the viewport's size and the page's scroll position.
     */
    private static final String MEASURE = """
            const out = { innerWidth: innerWidth, innerHeight: innerHeight,
                          scrollTop: document.scrollingElement.scrollTop, elements: {} };
            for (const id of arguments[0]) {
              const e = document.getElementById(id);
              const r = e.getBoundingClientRect();
              const style = getComputedStyle(e);
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              out.elements[id] = { left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                                   rendered: e.getClientRects().length > 0 && r.width > 0 && r.height > 0
                                             && style.visibility === 'visible' && style.opacity !== '0',
                                   hit: hit ? (hit.id || hit.tagName) : 'nothing',
                                   uncovered: !!hit && (hit === e || e.contains(hit)) };
            }
            return out;
            """;

    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    private static @Nullable Path screenshots() {
        String dir = System.getenv("LAYOUT_SCREENSHOTS_DIR");
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    private static String app(ChromeDriver browser, String attribute) {
        String value = browser.findElement(By.id("app")).getAttribute(attribute);
        return value == null ? "" : value;
    }

    private static long framesDecoded(ChromeDriver browser) {
        return number(stats(browser), "framesDecoded");
    }

    /** Sets the viewport and waits two animation frames, so that the new layout is painted. */
    private static void resize(ChromeDriver browser, int width, int height) {
        CallPageIT.resize(browser, width, height, false);
        browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    /**
     * Walks all sizes and adds a line for each element that is not rendered, not wholly inside the viewport or
     * covered, or for a scrolled page. The picture ({@code videos}) must be rendered and inside the viewport; the
     * buttons must also be uncovered.
     */
    @SuppressWarnings("unchecked")
    private static List<String> walk(ChromeDriver browser, String state, List<String> buttons) throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> ids = new ArrayList<>(buttons);
        ids.add("videos");
        Path dir = screenshots();
        for (int[] size : SIZES) {
            String label = state + " " + size[0] + "x" + size[1];
            resize(browser, size[0], size[1]);
            Map<String, Object> measured = (Map<String, Object>) browser.executeScript(MEASURE, ids);
            assertNotNull(measured);
            double width = ((Number) measured.get("innerWidth")).doubleValue();
            double height = ((Number) measured.get("innerHeight")).doubleValue();
            if (width != size[0] || height != size[1]) {
                failures.add(label + ": viewport is " + width + "x" + height);
            }
            double scrollTop = ((Number) measured.get("scrollTop")).doubleValue();
            if (scrollTop != 0) {
                failures.add(label + ": page scrolled by " + scrollTop);
            }
            Map<String, Object> elements = (Map<String, Object>) measured.get("elements");
            for (String id : ids) {
                Map<String, Object> e = (Map<String, Object>) elements.get(id);
                double left = ((Number) e.get("left")).doubleValue();
                double top = ((Number) e.get("top")).doubleValue();
                double right = ((Number) e.get("right")).doubleValue();
                double bottom = ((Number) e.get("bottom")).doubleValue();
                String rect = String.format(java.util.Locale.ROOT, "[%.0f,%.0f]-[%.0f,%.0f]", left, top, right, bottom);
                if (!Boolean.TRUE.equals(e.get("rendered"))) {
                    failures.add(label + ": #" + id + " not displayed " + rect);
                    continue;
                }
                // half a pixel for sub-pixel layout
                if (left < -0.5 || top < -0.5 || right > width + 0.5 || bottom > height + 0.5) {
                    failures.add(label + ": #" + id + " " + rect + " not inside the viewport " + (int) width + "x"
                            + (int) height);
                } else if (!"videos".equals(id) && !Boolean.TRUE.equals(e.get("uncovered"))) {
                    failures.add(label + ": #" + id + " " + rect + " covered by " + e.get("hit"));
                }
            }
            if (dir != null) {
                Files.createDirectories(dir);
                Files.write(dir.resolve(state + "-" + size[0] + "x" + size[1] + ".png"),
                        browser.getScreenshotAs(OutputType.BYTES));
            }
        }
        return failures;
    }

    @Test
    void theButtonsStayOnScreenAtEveryWindowSizeWhileRingingAndInTheCall() throws Exception {
        try (WebHarness harness = new WebHarness(CallTransport.DP_ONLY)) {
            ChromeDriver browser = harness.browser();
            resize(browser, 390, 844);
            browser.get(harness.callPageUrl());
            harness.panel.pressCallButton(3, Duration.ofSeconds(120));
            visible(browser, "answer");
            new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "the preview plays")
                    .until(d -> "playing".equals(app(browser, "data-preview")));
            new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "preview frames decoded")
                    .until(d -> framesDecoded(browser) > 0);
            assertEquals("ringing", app(browser, "data-view"));
            List<String> failures = new ArrayList<>(walk(browser, "ringing", List.of("answer", "reject")));
            assertEquals("ringing", app(browser, "data-view"), "still ringing after the walk");
            assertEquals("playing", app(browser, "data-preview"), "the preview played throughout");

            resize(browser, 390, 844);
            browser.findElement(By.id("answer")).click();
            assertTrue(harness.awaitTrigger("CONNECTED"), harness.trace().toString());
            visible(browser, "hangup");
            visible(browser, "unlock");
            new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "in the call")
                    .until(d -> Set.of("in-call", "connecting").contains(app(browser, "data-view")));
            long frames = framesDecoded(browser);
            new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "call video frames decoded")
                    .until(d -> framesDecoded(browser) > frames);
            failures.addAll(walk(browser, "in-call", List.of("hangup", "unlock")));
            assertTrue(Set.of("in-call", "connecting").contains(app(browser, "data-view")), "still in the call");

            assertTrue(failures.isEmpty(),
                    failures.size() + " layout failures:\n" + String.join("\n", failures) + "\n");

            resize(browser, 390, 844);
            browser.findElement(By.id("hangup")).click();
            assertTrue(harness.awaitTrigger("HUNG_UP"), harness.trace().toString());
        }
    }
}
