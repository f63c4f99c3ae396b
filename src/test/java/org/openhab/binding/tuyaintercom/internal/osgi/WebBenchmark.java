/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Answer → first decoded frame in Chromium through the binding, median of 10, next to a direct browser ↔ simulated
 * panel connection without the binding, measured in the same run. Run with {@code ./bench.sh}.
 */
@NonNullByDefault
class WebBenchmark {

    @Test
    void answerToFirstFrame() throws Exception {
        WebHarness.requireBrowser();
        List<Long> binding = new ArrayList<>();
        List<Long> direct = new ArrayList<>();
        try (WebHarness harness = new WebHarness()) {
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
        String row = String.format("| Answer click → first decoded frame in Chromium (median of 10) | %d ms "
                + "(min %d, max %d) | direct browser ↔ panel: %d ms (min %d, max %d) |", binding.get(4), binding.get(0),
                binding.get(9), direct.get(4), direct.get(0), direct.get(9));
        System.out.println(row);
        Files.writeString(Path.of("target/benchmarks.md"), row + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
