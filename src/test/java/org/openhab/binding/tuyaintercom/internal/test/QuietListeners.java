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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.intercom.PageClients;
import org.openhab.binding.tuyaintercom.internal.intercom.PageCredential;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelView;
import org.openhab.binding.tuyaintercom.internal.intercom.SignallingRelay;

/**
 * Listeners for tests that drive a panel session directly: a page that ignores what it is sent, and a media session
 * listener that ignores the panel's answer, candidates and the session's end.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class QuietListeners {
    private QuietListeners() {
    }

    /** The credential test pages are opened with (an entry key). */
    public static final PageCredential CREDENTIAL = PageCredential.page(null, "test-entry-key");

    /** A connected page with the given id that ignores every event. */
    public static PageClients.PageClient page(String id) {
        return new PageClients.PageClient() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void send(String event, String json) {
            }

            @Override
            public void sendState(PanelView state, long version) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A media session listener that ignores everything. */
    public static final SignallingRelay.SessionListener MEDIA = new SignallingRelay.SessionListener() {
        @Override
        public void answered(SignallingRelay.Session session, String browserAnswer) {
        }

        @Override
        public void candidate(SignallingRelay.Session session, String candidate) {
        }

        @Override
        public void closed(SignallingRelay.Session session) {
        }
    };
}
