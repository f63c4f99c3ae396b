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

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.intercom.PageLimits;

/**
 * Many call pages open at once (each one event stream), and how many threads of the JVM are inside the binding's code
 * meanwhile.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class OpenPages implements AutoCloseable {
    private final List<PageApi> pages = new ArrayList<>();

    OpenPages(HttpClient http, String pageUrl, int count) throws InterruptedException {
        this(http, List.of(pageUrl), count);
    }

    /**
     * As many pages as {@link PageLimits#MAX_PAGES_PER_CREDENTIAL} with each link in turn (a credential holds no
     * more).
     */
    OpenPages(HttpClient http, List<String> pageUrls, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            pages.add(new PageApi(http, pageUrls.get(i / PageLimits.MAX_PAGES_PER_CREDENTIAL % pageUrls.size()))
                    .listen());
        }
        for (PageApi page : pages) {
            page.await("state", s -> true, Duration.ofSeconds(60));
        }
    }

    /** Waits until every page was told the call state. */
    void awaitState(String state) throws InterruptedException {
        for (PageApi page : pages) {
            page.await("state", s -> state.equals(s.path("state").asText()), Duration.ofSeconds(30));
        }
    }

    /**
     * Threads parked inside the binding's web or intercom code: waiting, timed waiting or blocked with such a frame on
     * their stack in each of several looks over a second (what a request waiting for an event would be). A thread
     * that runs binding code at one instant, or waits a moment for a lock or a socket while it sends the ring to 500
     * pages, is not held by the binding and does not count.
     */
    static int threadsInBindingCode() throws InterruptedException {
        java.util.Set<Thread> held = waitingInBindingCode();
        for (int look = 0; look < 4 && !held.isEmpty(); look++) {
            Thread.sleep(250);
            held.retainAll(waitingInBindingCode());
        }
        return held.size();
    }

    private static java.util.Set<Thread> waitingInBindingCode() {
        java.util.Set<Thread> waiting = new java.util.HashSet<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            if (entry.getKey().getState() == Thread.State.RUNNABLE) {
                continue;
            }
            for (StackTraceElement frame : entry.getValue()) {
                String type = frame.getClassName();
                if (type.startsWith("org.openhab.binding.tuyaintercom.internal.web.")
                        || type.startsWith("org.openhab.binding.tuyaintercom.internal.intercom.")) {
                    waiting.add(entry.getKey());
                    break;
                }
            }
        }
        return waiting;
    }

    @Override
    public void close() {
        pages.forEach(PageApi::close);
    }
}
