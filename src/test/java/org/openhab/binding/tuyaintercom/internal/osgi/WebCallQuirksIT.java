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

import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Chromium answers a call whose simulated panel answers like real Tuya devices (upper-case fingerprint hash name and
 * lower-case hex, {@code sendrecv} whatever was offered, H.264 under its own payload type with fmtp and rtcp-fb
 * lines): the binding's normalised answer is accepted and media flows both ways.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(180)
class WebCallQuirksIT {
    @BeforeAll
    static void browserPresent() {
        WebHarness.requireBrowser();
    }

    @Test
    void aQuirkyTuyaAnswerIsAcceptedAndMediaFlowsBothWays() throws Exception {
        try (WebHarness harness = new WebHarness()) {
            harness.panel.tuyaAnswerQuirks = true;
            ChromeDriver browser = harness.browser();
            browser.get(harness.callPageUrl());
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            WebCallIT.visible(browser, "answer").click();
            Map<String, Object> stats = Map.of();
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                stats = WebCallIT.stats(browser);
                if (WebCallIT.number(stats, "framesDecoded") > 10 && WebCallIT.number(stats, "audioPacketsReceived") > 0
                        && harness.panel.videoFramesReceived() > 0 && harness.panel.audioPacketsReceived() > 0) {
                    break;
                }
                Thread.sleep(250);
            }
            assertTrue(WebCallIT.number(stats, "framesDecoded") > 10, "browser decoded frames: " + stats);
            assertTrue(WebCallIT.number(stats, "audioPacketsReceived") > 0, "browser received audio: " + stats);
            assertTrue(harness.panel.videoFramesReceived() > 0, "panel received the browser's video");
            assertTrue(harness.panel.audioPacketsReceived() > 0, "panel received the browser's audio");
            assertTrue(harness.awaitTrigger("CONNECTED"), harness.trace().toString());
        }
    }
}
