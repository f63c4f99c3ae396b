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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.call.CallError;
import org.openhab.binding.tuyaintercom.internal.call.CallOutcome;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelView;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The call page's {@code state} event: a {@link PanelView} in the fields {@code call.js} reads. Enum values travel by
 * their exact names, which the page matches exactly.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PageStateJson {
    private PageStateJson() {
    }

    /** The state event's data: the view, and the count of states published so far ({@code version}). */
    public static String write(PanelView view, long version) {
        return TuyaJson.write(of(view).put("version", version));
    }

    public static ObjectNode of(PanelView view) {
        ObjectNode json = TuyaJson.object();
        json.put("panel", view.panel());
        if (view.h265Only()) {
            json.put("video", "h265-only");
        }
        json.put("webUnlock", view.webUnlock());
        json.put("preview", view.preview());
        json.put("snapshot", view.snapshotMillis());
        PanelView.CallView call = view.call();
        if (call == null) {
            json.put("state", "IDLE");
            json.put("outcome", "");
            return json;
        }
        json.put("state", call.state().name());
        json.put("callId", call.callId());
        json.put("direction", call.outgoing() ? "OUTGOING" : "INCOMING");
        json.put("station", call.station());
        CallOutcome outcome = call.outcome();
        json.put("outcome", outcome == null ? "" : outcome.name());
        json.put("endReason", call.endReason());
        CallError endError = call.endError();
        json.put("endError", endError == null ? "" : endError.name());
        json.put("connected", call.connected());
        json.put("answered", call.answered());
        json.put("started", call.startedMillis());
        return json;
    }
}
