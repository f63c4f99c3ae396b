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

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;

/**
 * Ten clients answer the same call at the same instant through the call page API of the packaged binding: exactly
 * one answer reaches the panel, the nine others are told ANSWERED_BY_OTHERS.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(120)
class WebConcurrencyIT {

    @Test
    void tenSimultaneousAnswersLetExactlyOneThrough() throws Exception {
        try (WebHarness harness = new WebHarness(TuyaCloudSimulator.CallTransport.OPEN_HUB_308)) {
            HttpClient http = HttpClient.newHttpClient();
            PageApi page = new PageApi(http, harness.callPageUrl()).listen();
            page.awaitState("IDLE");
            harness.panel.pressCallButton(3, Duration.ofSeconds(60));
            assertTrue(harness.awaitTrigger("RING"));
            String callId = page.awaitState("RINGING").path("callId").asText();

            ExecutorService clients = Executors.newFixedThreadPool(10);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return page.post("answer", PageApi.json().put("callId", callId));
                }));
            }
            start.countDown();
            int elsewhere = 0;
            int through = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 409) {
                    assertTrue(response.body().contains("ANSWERED_BY_OTHERS"), response.body());
                    elsewhere++;
                } else {
                    assertEquals(200, response.statusCode(), response.body());
                    assertTrue(response.body().contains("callToken"), "the answering client gets the call token");
                    through++;
                }
            }
            clients.shutdown();
            page.close();
            Thread.sleep(500);
            System.out.printf("10 simultaneous answers: %d went through, %d told ANSWERED_BY_OTHERS; "
                    + "the panel received %d answer%n", through, elsewhere, harness.panel.count("answer"));
            assertEquals(1, through);
            assertEquals(9, elsewhere);
            assertEquals(1, harness.panel.count("answer"), "exactly one answer reached the panel");
        }
    }
}
