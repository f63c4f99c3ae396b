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
package org.openhab.binding.tuyaintercom.internal.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.intercom.PageClients;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelView;
import org.openhab.binding.tuyaintercom.internal.web.PageStateJson;

/**
 * A listening call page for tests that drive a panel session directly: it records every event it is sent
 * ({@code "event json"}) and whether its stream was closed.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class RecordingPage implements PageClients.PageClient {
    public final List<String> events = new CopyOnWriteArrayList<>();
    public volatile boolean closed;
    private final String id;

    public RecordingPage(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void send(String event, String json) {
        events.add(event + " " + json);
    }

    @Override
    public void sendState(PanelView state, long version) {
        send("state", PageStateJson.write(state, version));
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Whether an event containing the fragment was sent. */
    public boolean got(String fragment) {
        return events.stream().anyMatch(e -> e.contains(fragment));
    }
}
