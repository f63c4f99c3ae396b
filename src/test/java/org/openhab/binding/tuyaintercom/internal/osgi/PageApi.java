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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A call page as a plain HTTP client, for security and load tests: its event stream (Server-Sent Events) and its JSON
 * requests, sent as a same-origin browser would send them.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class PageApi implements AutoCloseable {
    record Event(String name, JsonNode data) {
    }

    final String client = UUID.randomUUID().toString().replace("-", "");
    private final HttpClient http;
    private final String origin;
    private final String api;
    private final String credential;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private @Nullable CompletableFuture<HttpResponse<Stream<String>>> stream;
    volatile int streamStatus;
    /** The server ended the event stream. */
    volatile boolean streamEnded;

    /** @param pageUrl a call page link with {@code ?t=…} or {@code ?k=…} */
    PageApi(HttpClient http, String pageUrl) {
        this.http = http;
        URI uri = URI.create(pageUrl);
        this.origin = uri.getScheme() + "://" + uri.getAuthority();
        this.api = origin + uri.getRawPath().replace("/call/", "/api/") + "/";
        this.credential = uri.getRawQuery();
    }

    String url(String operation) {
        return api + operation + "?" + credential;
    }

    /** Opens the event stream; its events are collected in the background. */
    PageApi listen() {
        CompletableFuture<HttpResponse<Stream<String>>> future = http.sendAsync(
                HttpRequest.newBuilder(URI.create(url("events") + "&c=" + client)).build(),
                HttpResponse.BodyHandlers.ofLines());
        stream = future;
        future.thenAccept(response -> {
            streamStatus = response.statusCode();
            String[] name = { "message" };
            StringBuilder data = new StringBuilder();
            response.body().forEach(line -> {
                if (line.startsWith("event: ")) {
                    name[0] = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                } else if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name[0], TuyaJson.parse(data.toString())));
                    }
                    name[0] = "message";
                    data.setLength(0);
                }
            });
            streamEnded = true;
        });
        return this;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** Waits for an event of the name whose data matches. */
    JsonNode await(String name, Predicate<JsonNode> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Event event : events) {
                if (event.name().equals(name) && matching.test(event.data())) {
                    return event.data();
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no " + name + " event as expected within " + timeout + ": " + events);
    }

    JsonNode awaitState(String state) throws InterruptedException {
        return await("state", s -> state.equals(s.path("state").asText()), Duration.ofSeconds(20));
    }

    /** A same-origin JSON POST carrying this page's client id. */
    HttpResponse<String> post(String operation, ObjectNode body) throws Exception {
        body.put("client", client);
        return send(operation, TuyaJson.write(body), "application/json", origin);
    }

    HttpResponse<String> send(String operation, String body, @Nullable String contentType, @Nullable String from)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(operation))).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (from != null) {
            request.header("Origin", from);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static ObjectNode json() {
        return TuyaJson.object();
    }

    @Override
    public void close() {
        CompletableFuture<HttpResponse<Stream<String>>> current = stream;
        if (current != null) {
            current.thenAccept(r -> r.body().close());
            current.cancel(true);
        }
    }
}
