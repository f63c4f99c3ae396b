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

/**
 * What the call pages of a panel may do beyond answering (panel settings).
 *
 * @param webUnlock when a page may open the door ({@code webUnlock})
 * @param ringPreview whether a ringing page shows a muted live view of the visitor before anyone answers
 *            ({@code ringPreview})
 * @param maxMediaSessions how many WebRTC sessions the panel serves at a time, 0: no limit
 *            ({@code maxMediaSessions}, see {@link MediaSessionLimit})
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record PagePolicy(WebUnlock webUnlock, boolean ringPreview, int maxMediaSessions) {
    /** With no limit of media sessions. */
    public PagePolicy(WebUnlock webUnlock, boolean ringPreview) {
        this(webUnlock, ringPreview, 0);
    }
}
