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

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The cap on open call pages across all panels of the binding.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PageLimits {
    /** Open call pages per panel. */
    public static final int MAX_PAGES_PER_PANEL = 500;
    /**
     * Open call pages of one panel per credential (one page link, the entry key): one leaked link cannot take the
     * panel's pages from the other credentials.
     */
    public static final int MAX_PAGES_PER_CREDENTIAL = 20;
    /** Open call pages of all panels together. */
    public static final int MAX_PAGES_TOTAL = 2000;

    private final AtomicInteger open = new AtomicInteger();
    private final int max;

    public PageLimits(int max) {
        this.max = max;
    }

    boolean acquire() {
        while (true) {
            int now = open.get();
            if (now >= max) {
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        open.decrementAndGet();
    }

    public int open() {
        return open.get();
    }
}
