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
package org.openhab.binding.tuyaintercom.internal.call;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The bound on an answered call's media: it connects within {@link CallSettings.DEFAULT_MEDIA_CONNECT_TIMEOUT}, or gets
 * one
 * repair and the bound once more, or the call ends with the reason the listener gives and the panel is free.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class MediaWatchdogTest {
    static final Duration BOUND = CallSettings.DEFAULT_MEDIA_CONNECT_TIMEOUT;
    static final Duration JUST_BEFORE = BOUND.minusMillis(1);

    final ManualTimers timers = new ManualTimers();
    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    /** What the listener answers to each overdue media, in order; CONNECT_FAIL when empty. */
    final LinkedList<@Nullable CallError> answers = new LinkedList<>();
    final List<String> overdue = new CopyOnWriteArrayList<>();
    final CallEngine engine = new CallEngine("panel1", "me", CallEngineTest.SETTINGS, timers,
            message -> sent.add(message.event().wireName()), new CallListener() {
                @Override
                public void callChanged(Call call) {
                }

                @Override
                public void callOutcome(Call call, CallOutcome outcome) {
                    log.add(outcome + (call.isEnded() ? " " + call.endReason() : ""));
                }

                @Override
                public void callRefused(CallMessage message, CallError error) {
                }

                @Override
                public @Nullable CallError mediaOverdue(Call call, boolean firstTime) {
                    overdue.add(firstTime ? "first" : "again");
                    return answers.isEmpty() ? CallError.CONNECT_FAIL : answers.poll();
                }
            });

    void ringAndAnswerWithMedia() {
        engine.onMessage(
                new CallMessage(CallEvent.CALL, "panel1", "me", "s1", timers.now().plusSeconds(25).toEpochMilli(),
                        CallType.ONE_TO_MANY_SPECIAL, Map.of("bizType", "screen_ipc"), ""));
        assertEquals(CallResult.SUCCESS, engine.answer(true));
    }

    /** Moves time on with the panel's heartbeats coming, so that only the media bound can end the call. */
    void advance(Duration duration) {
        Duration left = duration;
        while (!left.isZero()) {
            Call call = engine.current();
            if (call != null) {
                engine.onMessage(new CallMessage(CallEvent.HEARTBEAT, "panel1", "me", call.sessionId(),
                        call.deadline().toEpochMilli(), call.callType(), Map.of(), ""));
            }
            Duration step = left.compareTo(Duration.ofSeconds(5)) < 0 ? left : Duration.ofSeconds(5);
            timers.advance(step);
            left = left.minus(step);
        }
    }

    @Test
    void mediaThatConnectsInTimeKeepsTheCall() {
        ringAndAnswerWithMedia();
        advance(JUST_BEFORE);
        engine.mediaConnected();
        advance(BOUND.multipliedBy(4));
        assertEquals(List.of(), overdue);
        Call call = engine.current();
        assertNotNull(call);
        assertEquals(CallState.IN_CALL, call.state());
    }

    @Test
    void oneRepairThenTheBoundOnceMoreThenTheCallEnds() {
        ringAndAnswerWithMedia();
        answers.add(null); // the listener starts a repair
        advance(JUST_BEFORE);
        assertEquals(List.of(), overdue);
        advance(Duration.ofMillis(1));
        assertEquals(List.of("first"), overdue);
        assertNotNull(engine.current(), "the repair gets the bound once more");
        advance(JUST_BEFORE);
        assertNotNull(engine.current());
        advance(Duration.ofMillis(1));
        assertEquals(List.of("first", "again"), overdue);
        assertNull(engine.current(), "the panel is free");
        assertEquals("FAILED CONNECT_FAIL (-2531)", log.get(log.size() - 1));
        assertEquals("hang_up", sent.get(sent.size() - 1), "the panel is told");
    }

    @Test
    void aRepairThatConnectsKeepsTheCall() {
        ringAndAnswerWithMedia();
        answers.add(null);
        advance(BOUND);
        engine.mediaConnected();
        advance(BOUND.multipliedBy(3));
        Call call = engine.current();
        assertNotNull(call);
        assertTrue(call.isConnected());
        assertEquals(List.of("first"), overdue);
        assertEquals("CONNECTED", log.get(log.size() - 1));
    }

    @Test
    void noClientToRepairEndsTheCallAtTheFirstBoundWithTheListenersReason() {
        ringAndAnswerWithMedia();
        answers.add(CallError.TIMEOUT); // the answering page has gone
        advance(BOUND);
        assertNull(engine.current());
        assertEquals("FAILED TIMEOUT (-2530)", log.get(log.size() - 1));
        // the next press rings
        engine.onMessage(
                new CallMessage(CallEvent.CALL, "panel1", "me", "s2", timers.now().plusSeconds(25).toEpochMilli(),
                        CallType.ONE_TO_MANY_SPECIAL, Map.of("bizType", "screen_ipc"), ""));
        Call next = engine.current();
        assertNotNull(next);
        assertEquals(CallState.RINGING, next.state());
    }

    @Test
    void noSecondRepair() {
        ringAndAnswerWithMedia();
        answers.add(null);
        answers.add(null); // a listener that would repair again is not asked to
        advance(BOUND.multipliedBy(2));
        assertNull(engine.current());
        assertEquals("FAILED CONNECT_FAIL (-2531)", log.get(log.size() - 1));
    }

    @Test
    void aCallAnsweredWithoutMediaHasNoMediaBound() {
        engine.onMessage(
                new CallMessage(CallEvent.CALL, "panel1", "me", "s1", timers.now().plusSeconds(25).toEpochMilli(),
                        CallType.ONE_TO_MANY_SPECIAL, Map.of("bizType", "screen_ipc"), ""));
        engine.answer(false);
        advance(BOUND.multipliedBy(3));
        assertEquals(List.of(), overdue);
    }

    @Test
    void anOutgoingCallWithMediaIsBoundOnceThePanelAnswers() {
        assertEquals(CallResult.SUCCESS, engine.startCall(Duration.ofSeconds(60), true));
        Call call = engine.current();
        assertNotNull(call);
        advance(BOUND.multipliedBy(2)); // ringing at the panel: no media bound yet
        assertEquals(List.of(), overdue);
        engine.onMessage(new CallMessage(CallEvent.ANSWER, "panel1", "me", call.sessionId(),
                call.deadline().toEpochMilli(), CallType.ONE_TO_ONE, Map.of(), ""));
        advance(BOUND);
        assertEquals(List.of("first"), overdue);
        assertNull(engine.current());
    }

    @Test
    void anOutgoingCallOfARuleHasNoMediaBound() {
        assertEquals(CallResult.SUCCESS, engine.startCall(Duration.ofSeconds(60)));
        Call call = engine.current();
        assertNotNull(call);
        engine.onMessage(new CallMessage(CallEvent.ANSWER, "panel1", "me", call.sessionId(),
                call.deadline().toEpochMilli(), CallType.ONE_TO_ONE, Map.of(), ""));
        advance(BOUND.multipliedBy(3));
        assertEquals(List.of(), overdue);
    }
}
