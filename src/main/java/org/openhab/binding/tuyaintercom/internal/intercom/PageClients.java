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

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The call pages of one panel that listen for events (each one an event stream held by the web layer without a
 * thread): the call state, pushed to every page on every change, and media events, pushed to the page that owns the
 * media session. Their number is capped per panel and, through {@link PageLimits}, across all panels.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PageClients {
    /** One listening page. {@link #send} must not block: it queues. */
    public interface PageClient {
        /** The id the page chose; a reconnecting page keeps it. */
        String id();

        void send(String event, String json);

        /** Ends the stream (the panel went away, or the page was replaced by a reconnect with its id). */
        void close();
    }

    private final Map<String, PageClient> clients = new ConcurrentHashMap<>();
    private final PageLimits limits;
    private final int maxPerPanel;
    private long version;
    private ObjectNode state = TuyaJson.object().put("state", "IDLE");

    public PageClients(PageLimits limits, int maxPerPanel) {
        this.limits = limits;
        this.maxPerPanel = maxPerPanel;
    }

    /** Adds a page and sends it the current state at once; a page with the same id is replaced. */
    public void add(PageClient client) throws Refusal {
        PageClient replaced;
        synchronized (this) {
            replaced = clients.get(client.id());
            if (replaced == null) {
                if (clients.size() >= maxPerPanel) {
                    throw new Refusal(Refusal.Kind.TOO_MANY_PAGES, "too many open call pages of this panel");
                }
                if (!limits.acquire()) {
                    throw new Refusal(Refusal.Kind.TOO_MANY_PAGES, "too many open call pages");
                }
            }
            clients.put(client.id(), client);
            client.send("state", TuyaJson.write(stateCopy()));
        }
        if (replaced != null) {
            replaced.close();
        }
    }

    /** Removes a page whose stream ended. */
    public void remove(PageClient client) {
        if (clients.remove(client.id(), client)) {
            limits.release();
        }
    }

    public boolean isConnected(String clientId) {
        return clients.containsKey(clientId);
    }

    public int size() {
        return clients.size();
    }

    /** Publishes a new call state to every page. */
    public synchronized void publishState(ObjectNode newState) {
        version++;
        state = newState.deepCopy();
        String json = TuyaJson.write(stateCopy());
        clients.values().forEach(c -> c.send("state", json));
    }

    public synchronized ObjectNode stateCopy() {
        ObjectNode copy = state.deepCopy();
        copy.put("version", version);
        return copy;
    }

    /** Sends an event to one page, if it listens. */
    public void sendTo(String clientId, String event, ObjectNode json) {
        PageClient client = clients.get(clientId);
        if (client != null) {
            client.send(event, TuyaJson.write(json));
        }
    }

    /** Sends a comment line to every page, so that dead connections are noticed and proxies keep them open. */
    public void ping() {
        clients.values().forEach(c -> c.send("", ""));
    }

    /** Closes every page stream (the panel went away). */
    public void closeAll() {
        List<PageClient> all = List.copyOf(clients.values());
        all.forEach(c -> {
            remove(c);
            c.close();
        });
    }

    /** A page client by id, for tests. */
    @Nullable
    PageClient client(String id) {
        return clients.get(id);
    }
}
