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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.call.CallError;
import org.openhab.binding.tuyaintercom.internal.call.CallOutcome;
import org.openhab.binding.tuyaintercom.internal.call.CallState;

/**
 * What every page of a panel is shown, taken at one moment: never a token, never a credential. The web layer decides
 * how a page receives it ({@code web.PageStateJson}).
 *
 * @param panel the panel's label
 * @param h265Only the panel sends H.265 only, which browsers cannot show (the page says why it shows no video)
 * @param webUnlock the configured {@link WebUnlock}, as its configuration value
 * @param preview whether a ringing call may be previewed
 * @param snapshotMillis when the latest snapshot arrived (epoch milliseconds; 0: none)
 * @param call the current or last call, or null while there was none
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record PanelView(String panel, boolean h265Only, String webUnlock, boolean preview, long snapshotMillis,
        @Nullable CallView call) {

    /**
     * A call as the pages see it.
     *
     * @param station the outdoor station that rang (multi-station panels; empty: not known or an outgoing call)
     * @param outcome the latest outcome of the call, or null while there is none
     * @param endError the error the call ended with, or null
     */
    public record CallView(CallState state, String callId, boolean outgoing, String station,
            @Nullable CallOutcome outcome, String endReason, @Nullable CallError endError, boolean connected,
            boolean answered, long startedMillis) {
    }
}
