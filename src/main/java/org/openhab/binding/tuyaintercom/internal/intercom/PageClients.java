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
package org.openhab.binding.tuyaintercom.internal.intercom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The call pages of one panel that listen for events (each one an event stream held by the web layer without a
 * thread): the call state, pushed to every page on every change, and media events, pushed to the page that owns the
 * media session. Their number is capped per panel, per credential ({@link PageCredential}: one leaked link cannot
 * fill the panel's pages) and, through {@link PageLimits}, across all panels. Each page is kept with the credential
 * it was opened with, so that the pages of a revoked credential are closed at once ({@link #closeRevoked}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PageClients {
    /** The event that tells a page its link is no longer valid, sent last before its stream is closed. */
    public static final String LINK_EVENT = "link";

    /** One listening page. {@link #send} must not block: it queues. */
    /** No slot is free for another page (per credential, per panel or in total). */
    public static final class TooManyPages extends Exception {
        private static final long serialVersionUID = 1L;

        TooManyPages(String reason) {
            super(reason);
        }
    }

    /** The panel went away ({@link #closeAll}): no page is added any more. */
    public static final class PanelGone extends Exception {
        private static final long serialVersionUID = 1L;

        PanelGone() {
            super("the panel is gone");
        }
    }

    public interface PageClient {
        /** The id the page chose; a reconnecting page keeps it. */
        String id();

        void send(String event, String json);

        /** Sends the panel's state ({@code version} counts the states published so far); must not block. */
        void sendState(PanelView state, long version);

        /** Ends the stream (the panel went away, or the page was replaced by a reconnect with its id). */
        void close();

        /** Sends a last event, then ends the stream once it is written. */
        default void closeWith(String event, String json) {
            send(event, json);
            close();
        }
    }

    private record Entry(PageClient client, PageCredential credential) {
    }

    private final Map<String, Entry> clients = new ConcurrentHashMap<>();
    private final PageLimits limits;
    private final int maxPerPanel;
    private final int maxPerCredential;
    private long version;
    private @Nullable PanelView state;
    /** Guarded by this: after {@link #closeAll()} no page is added. */
    private boolean closedForGood;

    public PageClients(PageLimits limits, int maxPerPanel) {
        this(limits, maxPerPanel, PageLimits.MAX_PAGES_PER_CREDENTIAL);
    }

    public PageClients(PageLimits limits, int maxPerPanel, int maxPerCredential) {
        this.limits = limits;
        this.maxPerPanel = maxPerPanel;
        this.maxPerCredential = maxPerCredential;
    }

    /**
     * Adds a page opened with the credential and sends it the current state at once; a page with the same id is
     * replaced.
     */
    public void add(PageClient client, PageCredential credential) throws TooManyPages, PanelGone {
        Entry replaced;
        synchronized (this) {
            if (closedForGood) {
                throw new PanelGone();
            }
            replaced = clients.get(client.id());
            long sameCredential = clients.entrySet().stream()
                    .filter(e -> !e.getKey().equals(client.id()) && e.getValue().credential().equals(credential))
                    .count();
            if (sameCredential >= maxPerCredential) {
                throw new TooManyPages("too many open call pages with this link");
            }
            if (replaced == null) {
                if (clients.size() >= maxPerPanel) {
                    throw new TooManyPages("too many open call pages of this panel");
                }
                if (!limits.acquire()) {
                    throw new TooManyPages("too many open call pages");
                }
            }
            clients.put(client.id(), new Entry(client, credential));
            PanelView shown = state;
            if (shown != null) {
                client.sendState(shown, version);
            }
        }
        if (replaced != null) {
            replaced.client().close();
        }
    }

    /** Removes a page whose stream ended. */
    public void remove(PageClient client) {
        boolean[] removed = { false };
        clients.computeIfPresent(client.id(), (id, entry) -> {
            removed[0] = entry.client().equals(client); // this stream, not one that replaced it
            return removed[0] ? null : entry;
        });
        if (removed[0]) {
            limits.release();
        }
    }

    public boolean isConnected(String clientId) {
        return clients.containsKey(clientId);
    }

    /** The credential the page's stream was opened with, or null when it does not listen. */
    public @Nullable PageCredential credentialOf(String clientId) {
        Entry entry = clients.get(clientId);
        return entry == null ? null : entry.credential();
    }

    public int size() {
        return clients.size();
    }

    /** Publishes the panel's new state to every page. */
    public synchronized void publishState(PanelView newState) {
        version++;
        state = newState;
        long published = version;
        clients.values().forEach(e -> e.client().sendState(newState, published));
    }

    /** The state published last, or null before the first. */
    public synchronized @Nullable PanelView state() {
        return state;
    }

    /** Sends an event to one page, if it listens. */
    public void sendTo(String clientId, String event, ObjectNode json) {
        Entry entry = clients.get(clientId);
        if (entry != null) {
            entry.client().send(event, TuyaJson.write(json));
        }
    }

    /**
     * Sends a comment line to every page, so that dead connections are noticed (their write fails) and proxies keep
     * them open.
     */
    public void ping() {
        clients.values().forEach(e -> e.client().send("", ""));
    }

    /**
     * Closes at once the pages whose credential is no longer valid, each after a last {@value #LINK_EVENT} event
     * ({@code {"valid":false}}) that makes the page show its invalid-link text. Their slots are free on return.
     *
     * @return the ids of the closed pages
     */
    public Set<String> closeRevoked(Predicate<PageCredential> stillValid) {
        List<Entry> revoked = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : List.copyOf(clients.values())) {
                if (!stillValid.test(entry.credential()) && clients.remove(entry.client().id(), entry)) {
                    limits.release();
                    revoked.add(entry);
                }
            }
        }
        String json = TuyaJson.write(TuyaJson.object().put("valid", false));
        revoked.forEach(e -> e.client().closeWith(LINK_EVENT, json));
        return revoked.stream().map(e -> e.client().id()).collect(Collectors.toUnmodifiableSet());
    }

    /** Closes every page stream for good (the panel went away): {@link #add} refuses from now on. */
    public void closeAll() {
        List<Entry> all;
        synchronized (this) {
            closedForGood = true;
            all = List.copyOf(clients.values());
        }
        all.forEach(e -> {
            remove(e.client());
            e.client().close();
        });
    }
}
