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
package org.openhab.binding.tuyaintercom.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletOutputStream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.intercom.PageClients;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelView;

/**
 * One call page's Server-Sent-Events stream, held in an {@link AsyncContext}: no server thread waits for events.
 * Events are queued and written by a shared writer pool; a page that does not keep up (more than
 * {@value #MAX_QUEUED} events behind) or whose connection broke is dropped.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class EventStream implements PageClients.PageClient, AsyncListener {
    static final int MAX_QUEUED = 64;
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final String id;
    private volatile @Nullable AsyncContext async;
    private final Executor writer;
    private final PageClients pages;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;
    /** A last event is queued: the stream ends once it is written. */
    private boolean closing;

    /** A stream that queues events until {@link #start} gives it its open response. */
    EventStream(String id, Executor writer, PageClients pages) {
        this.id = id;
        this.writer = writer;
        this.pages = pages;
        this.writing = true; // nothing is written before start
    }

    /** The response is open and committed: write what was queued, and everything after. */
    void start(AsyncContext context) {
        context.addListener(this);
        synchronized (this) {
            async = context;
            if (!closed) {
                writer.execute(this::drain);
                return;
            }
        }
        try {
            context.complete(); // closed before it started
        } catch (IllegalStateException e) {
            // ended already
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void sendState(PanelView state, long version) {
        send("state", PageStateJson.write(state, version));
    }

    @Override
    public void send(String event, String json) {
        byte[] bytes = event.isEmpty() ? PING
                : ("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
        boolean overflow;
        synchronized (this) {
            if (closed || closing) {
                return;
            }
            overflow = queue.size() >= MAX_QUEUED;
            if (!overflow) {
                queue.add(bytes);
                if (writing) {
                    return;
                }
                writing = true;
            }
        }
        if (overflow) {
            close();
        } else {
            writer.execute(this::drain);
        }
    }

    /** Writes the event after what is queued, then ends the stream; events sent after it are dropped. */
    @Override
    public void closeWith(String event, String json) {
        byte[] bytes = ("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            if (closed || closing) {
                return;
            }
            closing = true;
            queue.add(bytes); // may exceed MAX_QUEUED by this one
            if (writing) {
                return; // the running drain (or start) writes it and ends the stream
            }
            writing = true;
        }
        writer.execute(this::drain);
    }

    private void drain() {
        while (true) {
            byte[] next;
            boolean end;
            synchronized (this) {
                next = queue.poll();
                end = next == null && closing;
                if ((next == null && !closing) || closed) {
                    writing = false;
                    return;
                }
            }
            if (end) {
                close();
                return;
            }
            AsyncContext context = async;
            if (context == null) {
                return;
            }
            try {
                ServletOutputStream out = context.getResponse().getOutputStream();
                out.write(next);
                out.flush();
            } catch (IOException | IllegalStateException e) {
                close();
                return;
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        pages.remove(this);
        AsyncContext context = async;
        if (context != null) {
            try {
                context.complete();
            } catch (IllegalStateException e) {
                // the container ended it already
            }
        }
    }

    private void ended() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        pages.remove(this);
    }

    @Override
    public void onComplete(@Nullable AsyncEvent event) {
        ended();
    }

    @Override
    public void onTimeout(@Nullable AsyncEvent event) {
        close();
    }

    @Override
    public void onError(@Nullable AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(@Nullable AsyncEvent event) {
    }
}
