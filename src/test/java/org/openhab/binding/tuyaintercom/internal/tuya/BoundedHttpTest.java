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
package org.openhab.binding.tuyaintercom.internal.tuya;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimTls;
import org.openhab.binding.tuyaintercom.internal.test.CloudFixture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Requests on the shared Jetty client (the tests' stand-in of openHAB's common client, trusting the simulator's test
 * CA) against an HTTPS server with each of the simulator's identities: answers within the size bound arrive, larger
 * ones and silent servers fail within their bound, and a certificate of an untrusted CA or of another host name is
 * refused.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class BoundedHttpTest {
    private static final HttpClient HTTP = CloudFixture.HTTP;
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private HttpsServer server = start(SimTls.Identity.TRUSTED);

    private HttpsServer start(SimTls.Identity identity) {
        try {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
            https.setHttpsConfigurator(new HttpsConfigurator(SimTls.serverContext(identity)));
            https.createContext("/small", exchange -> answer(exchange, "small".getBytes(StandardCharsets.UTF_8)));
            https.createContext("/large", exchange -> answer(exchange, new byte[64 * 1024]));
            https.createContext("/silent", exchange -> {
                try (exchange) {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            https.setExecutor(executor);
            https.start();
            return https;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private String url(String path) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void anAnswerWithinTheBoundArrives() throws Exception {
        ContentResponse response = BoundedHttp.send(HTTP.newRequest(url("/small")), Duration.ofSeconds(5), 1024);
        assertEquals(200, response.getStatus());
        assertEquals("small", response.getContentAsString());
        ContentResponse async = BoundedHttp.sendAsync(HTTP.newRequest(url("/small")), Duration.ofSeconds(5), 1024)
                .get(10, TimeUnit.SECONDS);
        assertEquals("small", async.getContentAsString());
    }

    @Test
    void aLargerAnswerFails() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> BoundedHttp.send(HTTP.newRequest(url("/large")), Duration.ofSeconds(5), 1024));
        assertNoUrl(e);
        ExecutionException async = assertThrows(ExecutionException.class, () -> BoundedHttp
                .sendAsync(HTTP.newRequest(url("/large")), Duration.ofSeconds(5), 1024).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, async.getCause());
    }

    @Test
    void aSilentServerFailsWithinTheTimeout() throws Exception {
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> BoundedHttp.send(HTTP.newRequest(url("/silent")), Duration.ofSeconds(1), 1024));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000 + BoundedHttp.GRACE.toMillis() + 1000, millis + " ms: " + e);
        assertNoUrl(e);
        ExecutionException async = assertThrows(ExecutionException.class, () -> BoundedHttp
                .sendAsync(HTTP.newRequest(url("/silent")), Duration.ofSeconds(1), 1024).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, async.getCause());
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        server.stop(0);
        server = start(SimTls.Identity.UNTRUSTED);
        assertThrows(IOException.class,
                () -> BoundedHttp.send(HTTP.newRequest(url("/small")), Duration.ofSeconds(5), 1024));
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        server.stop(0);
        server = start(SimTls.Identity.WRONG_NAME);
        assertThrows(IOException.class,
                () -> BoundedHttp.send(HTTP.newRequest(url("/small")), Duration.ofSeconds(5), 1024));
    }

    private void assertNoUrl(IOException e) {
        assertFalse(String.valueOf(e.getMessage()).contains(url("")), e.getMessage());
    }
}
