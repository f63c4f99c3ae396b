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
package org.openhab.binding.tuyaintercom.internal.tuya.events;

import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A doorbell press read from one report of a panel: which source told (a data point code or id, {@code event_notify},
 * {@code protocol-43}), the picture if it came with one, when the device says it was pressed (its timestamp, null if
 * the report has none), and the name of the outdoor station that calls (empty unless a multi-station panel says).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public record DoorbellPress(String dataPoint, @Nullable PictureRef picture, @Nullable Instant pressedAt,
        String station) {

    public DoorbellPress(String dataPoint, @Nullable PictureRef picture) {
        this(dataPoint, picture, null, "");
    }

    /**
     * One press out of two reports of the same message: the first source, a picture and a station from whichever
     * has one, and the earlier device time.
     */
    public DoorbellPress merge(DoorbellPress other) {
        PictureRef mergedPicture = picture != null ? picture : other.picture;
        Instant mine = pressedAt;
        Instant theirs = other.pressedAt;
        Instant earlier = mine == null ? theirs : theirs == null || mine.isBefore(theirs) ? mine : theirs;
        return new DoorbellPress(dataPoint, mergedPicture, earlier, station.isEmpty() ? other.station : station);
    }
}
