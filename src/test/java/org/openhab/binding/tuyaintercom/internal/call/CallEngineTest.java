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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The call state machine on its own, with a manual clock.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class CallEngineTest {
    static final String PANEL = "panel1";
    static final String ME = "me";
    static final CallSettings SETTINGS = new CallSettings(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofSeconds(30), "sp_dpsxj");

    final ManualTimers timers = new ManualTimers();
    final List<CallMessage> sent = new CopyOnWriteArrayList<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    boolean failSending;
    CallEngine engine = newEngine();

    CallEngine newEngine() {
        return new CallEngine(PANEL, ME, SETTINGS, timers, message -> {
            if (failSending) {
                throw new MessageNotSentException("offline");
            }
            sent.add(message);
        }, new CallListener() {
            @Override
            public void callChanged(Call call) {
                log.add("state " + call.state());
            }

            @Override
            public void callOutcome(Call call, CallOutcome outcome) {
                log.add("outcome " + outcome + (call.isEnded() ? " " + call.endReason() : ""));
            }

            @Override
            public void callRefused(CallMessage message, CallError error) {
                log.add("refused " + message.sessionId() + " " + error);
            }
        });
    }

    @BeforeEach
    void reset() {
        sent.clear();
        log.clear();
    }

    CallMessage fromPanel(CallEvent event, String session) {
        return new CallMessage(event, PANEL, ME, session, timers.now().plusSeconds(25).toEpochMilli(),
                CallType.ONE_TO_MANY_SPECIAL, Map.of("bizType", "screen_ipc"), "");
    }

    List<String> sentEvents() {
        return sent.stream().map(m -> m.event().wireName()).toList();
    }

    void ring(String session) {
        engine.onMessage(fromPanel(CallEvent.CALL, session));
    }

    @Test
    void incomingCallRingsAndAnswersWithRingAndAnswer() {
        ring("s1");
        assertEquals(List.of("state RINGING", "outcome RING"), log);
        assertEquals(List.of("ring"), sentEvents());
        assertEquals(CallResult.SUCCESS, engine.answer(false));
        assertEquals(List.of("ring", "answer"), sentEvents());
        Call call = engine.current();
        assertNotNull(call);
        assertTrue(call.isAnswered() && call.isAccepted() && !call.isOutgoing());
        assertEquals(CallState.IN_CALL, call.state());
        assertEquals("s1", call.sessionId());
        assertEquals(PANEL, call.peerId());
    }

    @Test
    void answerWithMediaConnectsLater() {
        ring("s1");
        engine.answer(true);
        assertEquals(CallState.CONNECTING, engine.current().state());
        engine.mediaConnected();
        assertEquals(CallState.IN_CALL, engine.current().state());
        assertTrue(engine.current().isConnected());
        assertEquals("outcome CONNECTED", log.get(log.size() - 1));
    }

    @Test
    void mediaFailureEndsTheCall() {
        ring("s1");
        engine.answer(true);
        engine.mediaFailed(CallError.CONNECT_FAIL);
        assertNull(engine.current());
        assertEquals("outcome FAILED CONNECT_FAIL (-2531)", log.get(log.size() - 1));
        assertEquals("hang_up", sentEvents().get(sentEvents().size() - 1));
    }

    @Test
    void rejectSendsReject() {
        ring("s1");
        assertEquals(CallResult.SUCCESS, engine.reject());
        assertEquals(List.of("ring", "reject"), sentEvents());
        assertEquals(List.of("state RINGING", "outcome RING", "state IDLE", "outcome REJECTED REJECTED"), log);
    }

    @Test
    void panelCancelsBeforeAnswer() {
        ring("s1");
        engine.onMessage(fromPanel(CallEvent.CANCEL, "s1"));
        assertEquals("outcome CANCELLED CANCEL (-2523)", log.get(log.size() - 1));
    }

    @Test
    void panelHangsUpDuringCall() {
        ring("s1");
        engine.answer(false);
        engine.onMessage(fromPanel(CallEvent.HANG_UP, "s1"));
        assertEquals("outcome HUNG_UP PEER_HANG_UP (-2513)", log.get(log.size() - 1));
    }

    @Test
    void localHangUp() {
        ring("s1");
        engine.answer(false);
        assertEquals(CallResult.SUCCESS, engine.hangUp());
        assertEquals("hang_up", sentEvents().get(sentEvents().size() - 1));
        assertEquals("outcome HUNG_UP HUNG_UP", log.get(log.size() - 1));
    }

    @Test
    void ringTimeoutMakesAMissedCallAndTellsThePanel() {
        ring("s1");
        timers.advance(Duration.ofSeconds(26));
        assertEquals("not_answered", sentEvents().get(sentEvents().size() - 1));
        assertEquals("outcome MISSED TIMEOUT (-2530)", log.get(log.size() - 1));
        assertNull(engine.current());
    }

    @Test
    void secondCallWhileActiveIsAnsweredBusy() {
        ring("s1");
        ring("s2");
        assertEquals(List.of("ring", "busy"), sentEvents());
        assertEquals("s2", sent.get(1).sessionId());
        assertEquals("refused s2 ON_CALLING", log.get(log.size() - 1));
        assertEquals("s1", engine.current().sessionId());
    }

    @Test
    void repeatedCallIsIgnored() {
        ring("s1");
        ring("s1");
        assertEquals(List.of("ring"), sentEvents());
        assertEquals(List.of("state RINGING", "outcome RING"), log);
    }

    @Test
    void messagesOfEndedSessionsAreIgnored() {
        ring("s1");
        engine.reject();
        ring("s1");
        assertNull(engine.current());
        engine.onMessage(fromPanel(CallEvent.ANSWER, "s1"));
        assertEquals(List.of("ring", "reject"), sentEvents());
    }

    @Test
    void expiredCallIsRefused() {
        engine.onMessage(new CallMessage(CallEvent.CALL, PANEL, ME, "old", timers.now().minusSeconds(1).toEpochMilli(),
                CallType.ONE_TO_ONE, Map.of(), ""));
        assertNull(engine.current());
        assertEquals(List.of("refused old TIMEOUT"), log);
    }

    @Test
    void alreadyAnsweredEndsRingingAsAnsweredElsewhere() {
        ring("s1");
        engine.onMessage(fromPanel(CallEvent.ALREADY_ANSWERED, "s1"));
        assertEquals("outcome ANSWERED_ELSEWHERE ANSWERED_BY_OTHERS (-2522)", log.get(log.size() - 1));
    }

    @Test
    void rejectByOthersEndsOneToManyButNotOneToManySpecial() {
        engine.onMessage(new CallMessage(CallEvent.CALL, PANEL, ME, "s2", timers.now().plusSeconds(20).toEpochMilli(),
                CallType.ONE_TO_MANY, Map.of(), ""));
        engine.onMessage(CallMessage.of(CallEvent.REJECT, PANEL, ME, "s2"));
        assertEquals("outcome REJECTED_ELSEWHERE REJECTED_BY_OTHERS (-2521)", log.get(log.size() - 1));
        log.clear();
        ring("s3"); // call type 3
        engine.onMessage(CallMessage.of(CallEvent.REJECT, PANEL, ME, "s3"));
        assertNotNull(engine.current());
        assertEquals(List.of("state RINGING", "outcome RING"), log);
    }

    @Test
    void heartbeatsGoOutAndTheirLossDisconnects() {
        ring("s1");
        engine.answer(false);
        timers.advance(Duration.ofSeconds(10));
        assertEquals("heartbeat", sentEvents().get(sentEvents().size() - 1));
        engine.onMessage(fromPanel(CallEvent.HEARTBEAT, "s1"));
        timers.advance(Duration.ofSeconds(20));
        assertNotNull(engine.current(), "heartbeat 20 s ago: still connected");
        timers.advance(Duration.ofSeconds(20));
        assertNull(engine.current());
        assertEquals("outcome FAILED DISCONNECT (-2532)", log.get(log.size() - 1));
        assertEquals(0, timers.pending(), "no timer left behind");
    }

    @Test
    void outgoingCallAnswered() {
        assertEquals(CallResult.SUCCESS, engine.startCall(Duration.ofSeconds(30)));
        CallMessage call = sent.get(0);
        assertEquals(CallEvent.CALL, call.event());
        assertEquals(PANEL, call.targetId());
        assertEquals(ME, call.curId());
        assertTrue(call.sessionId().startsWith(ME) && call.sessionId().length() == ME.length() + 6);
        assertEquals(timers.now().plusSeconds(30).toEpochMilli(), call.timeout());
        assertEquals(Map.of("bizType", "screen_ipc", "channelType", 2, "category", "sp_dpsxj", "keepConnect", false),
                call.extra());
        assertEquals(CallState.CALLING, engine.current().state());
        engine.onMessage(CallMessage.of(CallEvent.RING, PANEL, ME, call.sessionId()));
        assertTrue(engine.current().isAccepted());
        engine.onMessage(CallMessage.of(CallEvent.ANSWER, PANEL, ME, call.sessionId()));
        assertEquals(CallState.IN_CALL, engine.current().state());
        assertEquals("outcome ANSWERED", log.get(log.size() - 1));
    }

    @Test
    void outgoingCallRejectedBusyOrNotAnswered() {
        engine.startCall(Duration.ofSeconds(30));
        engine.onMessage(CallMessage.of(CallEvent.REJECT, PANEL, ME, sent.get(0).sessionId()));
        assertEquals("outcome REJECTED REJECTED (-2510)", log.get(log.size() - 1));

        engine.startCall(Duration.ofSeconds(30));
        engine.onMessage(CallMessage.of(CallEvent.BUSY, PANEL, ME, sent.get(sent.size() - 1).sessionId()));
        assertEquals("outcome BUSY PEER_BUSY (-2511)", log.get(log.size() - 1));

        engine.startCall(Duration.ofSeconds(30));
        timers.advance(Duration.ofSeconds(31));
        assertEquals("cancel", sentEvents().get(sentEvents().size() - 1));
        assertEquals("outcome MISSED NOT_ANSWERED (-2512)", log.get(log.size() - 1));
    }

    @Test
    void outgoingCallWhileOnCallingIsRefused() {
        ring("s1");
        assertEquals(CallResult.failed(CallError.ON_CALLING), engine.startCall(Duration.ofSeconds(30)));
        assertTrue(engine.isOnCalling());
    }

    @Test
    void cancelOutgoing() {
        engine.startCall(Duration.ofSeconds(30));
        assertEquals(CallResult.SUCCESS, engine.cancelCall());
        assertEquals(List.of("call", "cancel"), sentEvents());
        assertEquals("outcome CANCELLED CANCELLED", log.get(log.size() - 1));
    }

    @Test
    void stopWithBusyReasonIsBusy() {
        engine.startCall(Duration.ofSeconds(30));
        engine.onMessage(new CallMessage(CallEvent.STOP, PANEL, ME, sent.get(0).sessionId(), 0, CallType.ONE_TO_ONE,
                Map.of(), "busy"));
        assertEquals("outcome BUSY PEER_BUSY (-2511)", log.get(log.size() - 1));
    }

    @Test
    void doorbellRingIsAdoptedByTheFollowingCall() {
        engine.doorbellRing();
        assertEquals(List.of("state RINGING", "outcome RING"), log);
        assertTrue(engine.current().isFromDoorbellOnly());
        ring("s9");
        assertEquals(List.of("ring"), sentEvents());
        assertEquals("s9", engine.current().sessionId());
        assertEquals(List.of("state RINGING", "outcome RING", "state RINGING"), log, "one RING only");
        engine.answer(false);
        assertEquals(List.of("ring", "answer"), sentEvents());
    }

    @Test
    void doorbellOnlyRingIsMissedSilently() {
        engine.doorbellRing();
        timers.advance(Duration.ofSeconds(31));
        assertEquals(List.of(), sentEvents());
        assertEquals("outcome MISSED TIMEOUT (-2530)", log.get(log.size() - 1));
    }

    @Test
    void failedSendEndsTheCall() {
        failSending = true;
        ring("s1");
        assertNull(engine.current());
        assertEquals("outcome FAILED REQUEST_FAILED (-2501)", log.get(log.size() - 1));
    }

    @Test
    void requestsWithoutACallAreRefused() {
        assertEquals(CallError.UNDEFINED_SESSION_ID, engine.answer(false).error());
        assertEquals(CallError.UNDEFINED_SESSION_ID, engine.reject().error());
        assertEquals(CallError.UNDEFINED_SESSION_ID, engine.hangUp().error());
        assertEquals(CallError.UNDEFINED_SESSION_ID, engine.cancelCall().error());
        assertEquals("UNDEFINED_SESSION_ID", engine.answer(false).toString());
    }

    @Test
    void otherDevicesAreIgnored() {
        engine.onMessage(
                new CallMessage(CallEvent.CALL, "someone-else", ME, "x", 0, CallType.ONE_TO_ONE, Map.of(), ""));
        assertNull(engine.current());
    }

    @Test
    void disposeHangsUpAndLeavesNoTimer() {
        ring("s1");
        engine.answer(false);
        engine.dispose();
        assertEquals("hang_up", sentEvents().get(sentEvents().size() - 1));
        assertEquals(0, timers.pending());
        ring("s5");
        assertNull(engine.current(), "a disposed engine takes no calls");
    }

    @Test
    void tenConcurrentAnswersLetExactlyOneThrough() throws Exception {
        ring("s1");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CallResult>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return engine.answer(true);
            }));
        }
        start.countDown();
        int successes = 0;
        for (Future<CallResult> result : results) {
            CallResult r = result.get();
            if (r.isSuccess()) {
                successes++;
            } else {
                assertEquals(CallError.ANSWERED_BY_OTHERS, r.error());
            }
        }
        pool.shutdown();
        assertEquals(1, successes);
        assertEquals(1, sentEvents().stream().filter("answer"::equals).count());
    }
}
