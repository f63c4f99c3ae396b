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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * {@link RingFilter}: one press rings once whatever reports it, however late; two presses ring twice.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class RingFilterTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private final RingFilter filter = new RingFilter();

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void thePressRingsAndItsDelayIsMeasured() {
        RingFilter.Decision first = filter.offer(at(0), at(0.8), false);
        assertTrue(first.rings());
        assertEquals(Duration.ofMillis(800), first.delay());
    }

    @Test
    void fourSourcesAndARepeatRingOnceEvenWhenLate() {
        assertTrue(filter.offer(at(0), at(0.3), false).rings());
        assertFalse(filter.offer(at(0), at(0.4), false).rings(), "the same source again");
        assertFalse(filter.offer(at(1), at(1.2), false).rings(), "another source, its own time a second later");
        RingFilter.Decision late = filter.offer(at(0), at(6.5), false);
        assertFalse(late.rings(), "a source 6.5 s late");
        assertEquals(Duration.ofMillis(6500), late.delay());
        assertFalse(filter.offer(null, at(7), false).rings(), "a report without the device's time, within the window");
    }

    @Test
    void onePicturePerPressFromWhicheverReportHasOneFirst() {
        RingFilter.Decision ring = filter.offer(at(0), at(0.2), false);
        assertTrue(ring.rings() && !ring.fetchPicture());
        assertTrue(filter.offer(at(0), at(0.5), true).fetchPicture(), "the first picture of the press");
        assertFalse(filter.offer(at(0), at(0.6), true).fetchPicture(), "a repeat of it");
        assertTrue(filter.offer(at(12), at(12.2), true).fetchPicture(), "the next press's");
    }

    @Test
    void twoPressesFurtherApartThanTheWindowRingTwice() {
        assertTrue(filter.offer(at(0), at(0.2), false).rings());
        assertTrue(filter.offer(at(10.5), at(10.7), false).rings());
        assertFalse(filter.offer(at(10.5), at(16), false).rings(), "the second press, reported late");
    }

    @Test
    void withinTheWindowASecondPressWhileTheCallLastsIsTheSameRing() {
        assertTrue(filter.offer(at(0), at(0.2), false).rings());
        assertFalse(filter.offer(at(9), at(9.2), false).rings());
    }

    @Test
    void aNewVisitorRightAfterTheCallRingsButALateReportOfTheOldPressDoesNot() {
        assertTrue(filter.offer(at(0), at(0.5), false).rings());
        filter.callEnded(at(2.5)); // rejected 2 s after the ring
        assertFalse(filter.offer(at(0.1), at(6), false).rings(), "the old press, reported late after the end");
        assertTrue(filter.offer(at(3), at(3.5), false).rings(), "a press after the end (device time 3 > 0 + 2)");
    }

    @Test
    void withoutDeviceTimesTheArrivalCountsAndTheCallsEndOpensTheWay() {
        assertTrue(filter.offer(null, at(0), false).rings());
        assertFalse(filter.offer(null, at(4), false).rings());
        assertTrue(filter.offer(null, at(10.5), false).rings(), "beyond the window");
        filter.callEnded(at(11));
        assertTrue(filter.offer(null, at(11.5), false).rings(), "after the end of its call");
    }

    @Test
    void theDeviceClocksOffsetDoesNotMatter() {
        // the panel's clock is an hour behind: device times compare with device times only
        Instant behind = at(0).minus(Duration.ofHours(1));
        assertTrue(filter.offer(behind, at(0.5), false).rings());
        assertFalse(filter.offer(behind.plusSeconds(1), at(7), false).rings());
        filter.callEnded(at(3));
        assertTrue(filter.offer(behind.plusSeconds(4), at(4.5), false).rings());
    }
}
