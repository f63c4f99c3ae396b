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
package org.openhab.binding.tuyaintercom.internal.sim;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;

/**
 * The panel's WebRTC answerer: a real peer (webrtc-java) that sends a moving test pattern (H.264) and a 440 Hz tone
 * (PCMA/PCMU) and counts the video frames and audio packets it receives. One peer connection factory serves every
 * session; each session is closed once.
 * <p>
 * The factory's audio device is WebRTC's dummy one: it starts no audio thread. Each session pushes its own tone into
 * its own audio source, and counts received audio as RTP packets in its statistics. webrtc-java's headless audio
 * module, used before, pulls the shared audio mixer from its capture thread and its playout thread at once, and that
 * race aborted the JVM in the native resampler now and then.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimMediaPeer implements AutoCloseable {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int FPS = 15;

    private static final int TONE_RATE = 8000;
    private static final int TONE_FRAMES = TONE_RATE / 100;

    private static @Nullable PeerConnectionFactory factory;
    private static @Nullable AudioDeviceModule audioModule;
    private static final ScheduledExecutorService PUMP = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "sim-media");
        thread.setDaemon(true);
        return thread;
    });

    private final RTCPeerConnection pc;
    private final CustomVideoSource videoSource;
    private final VideoTrack videoTrack;
    private final CustomAudioSource audioSource;
    private final AudioTrack audioTrack;
    private final AtomicBoolean connected = new AtomicBoolean();
    private final byte[] toneBuffer = new byte[TONE_FRAMES * 2];
    private double tonePhase;
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong audioReceived = new AtomicLong();
    private final AtomicLong audioBytesReceived = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledFuture<?> pump;
    private final ScheduledFuture<?> tone;
    private final ScheduledFuture<?> audioCount;
    private long frameCount;
    private final String firstMid;

    /** The shared factory, created on first use with WebRTC's dummy audio device (no audio threads). */
    static synchronized PeerConnectionFactory factory() {
        PeerConnectionFactory existing = factory;
        if (existing != null) {
            return existing;
        }
        AudioDeviceModule module = new AudioDeviceModule(AudioLayer.kDummyAudio);
        audioModule = module;
        PeerConnectionFactory created = new PeerConnectionFactory(module);
        factory = created;
        return created;
    }

    /**
     * Answers an offer. Local candidates go to {@code candidates} ("candidate:…", and "" when gathering is done);
     * {@code onEnd} runs once when the connection fails or closes.
     */
    public SimMediaPeer(String offer, Consumer<String> candidates, Runnable onEnd, CompletableFuture<String> answer) {
        String mid = "0";
        for (String line : offer.split("\r?\n")) {
            if (line.startsWith("a=mid:")) {
                mid = line.substring(6).strip();
                break;
            }
        }
        firstMid = mid;
        PeerConnectionFactory pcf = factory(); // loads the native library
        videoSource = new CustomVideoSource();
        RTCConfiguration config = new RTCConfiguration();
        pc = pcf.createPeerConnection(config, new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(@Nullable RTCIceCandidate candidate) {
                if (candidate != null) {
                    candidates.accept(candidate.sdp);
                }
            }

            @Override
            public void onIceGatheringChange(@Nullable RTCIceGatheringState state) {
                if (state == RTCIceGatheringState.COMPLETE) {
                    candidates.accept("");
                }
            }

            @Override
            public void onConnectionChange(@Nullable RTCPeerConnectionState state) {
                connected.set(state == RTCPeerConnectionState.CONNECTED);
                if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED
                        || state == RTCPeerConnectionState.DISCONNECTED) {
                    if (!closed.get()) {
                        onEnd.run();
                    }
                }
            }

            @Override
            public void onTrack(@Nullable RTCRtpTransceiver transceiver) {
                if (transceiver == null) {
                    return;
                }
                MediaStreamTrack track = transceiver.getReceiver().getTrack();
                if (track instanceof VideoTrack video) {
                    video.addSink(frame -> framesReceived.incrementAndGet());
                }
            }
        });
        videoTrack = pcf.createVideoTrack("panel-video", videoSource);
        audioSource = new CustomAudioSource();
        audioTrack = pcf.createAudioTrack("panel-audio", audioSource);
        pump = PUMP.scheduleAtFixedRate(this::pushFrame, 0, 1000 / FPS, TimeUnit.MILLISECONDS);
        tone = PUMP.scheduleAtFixedRate(this::pushTone, 10, 10, TimeUnit.MILLISECONDS);
        audioCount = PUMP.scheduleAtFixedRate(this::countAudio, 250, 250, TimeUnit.MILLISECONDS);

        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, offer),
                new SetSessionDescriptionObserver() {
                    @Override
                    public void onSuccess() {
                        pc.addTrack(audioTrack, List.of("panel"));
                        pc.addTrack(videoTrack, List.of("panel"));
                        pc.createAnswer(new RTCAnswerOptions(), new CreateSessionDescriptionObserver() {
                            @Override
                            public void onSuccess(@Nullable RTCSessionDescription description) {
                                if (description == null) {
                                    answer.completeExceptionally(new IllegalStateException("no answer"));
                                    return;
                                }
                                pc.setLocalDescription(description, new SetSessionDescriptionObserver() {
                                    @Override
                                    public void onSuccess() {
                                        answer.complete(description.sdp);
                                    }

                                    @Override
                                    public void onFailure(@Nullable String error) {
                                        answer.completeExceptionally(new IllegalStateException(error));
                                    }
                                });
                            }

                            @Override
                            public void onFailure(@Nullable String error) {
                                answer.completeExceptionally(new IllegalStateException(error));
                            }
                        });
                    }

                    @Override
                    public void onFailure(@Nullable String error) {
                        answer.completeExceptionally(new IllegalStateException(error));
                    }
                });
    }

    private void pushFrame() {
        if (closed.get()) {
            return;
        }
        NativeI420Buffer buffer = NativeI420Buffer.allocate(WIDTH, HEIGHT);
        try {
            long n = frameCount++;
            ByteBuffer y = buffer.getDataY();
            int strideY = buffer.getStrideY();
            int bar = (int) (n * 4 % WIDTH);
            for (int row = 0; row < HEIGHT; row++) {
                for (int col = 0; col < WIDTH; col++) {
                    int value = Math.abs(col - bar) < 16 ? 235 : 16 + ((col + row + (int) n) & 0x7F);
                    y.put(row * strideY + col, (byte) value);
                }
            }
            fill(buffer.getDataU(), buffer.getStrideU(), (int) (96 + n % 64));
            fill(buffer.getDataV(), buffer.getStrideV(), 160);
            VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
            videoSource.pushFrame(frame);
            frame.release();
        } catch (RuntimeException e) {
            buffer.release();
        }
    }

    /** 10 ms of a 440 Hz tone, pushed only while connected (the source's sinks are set up by then). */
    private void pushTone() {
        synchronized (toneBuffer) {
            if (closed.get() || !connected.get()) {
                return;
            }
            for (int i = 0; i < TONE_FRAMES; i++) {
                short value = (short) (Math.sin(tonePhase) * 8000);
                tonePhase += 2 * Math.PI * 440 / TONE_RATE;
                toneBuffer[2 * i] = (byte) value;
                toneBuffer[2 * i + 1] = (byte) (value >> 8);
            }
            audioSource.pushAudio(toneBuffer, 16, TONE_RATE, 1, TONE_FRAMES);
        }
    }

    /** Received audio, as the audio RTP packets in the connection's statistics. */
    private void countAudio() {
        if (closed.get() || !connected.get()) {
            return;
        }
        pc.getStats(report -> {
            long packets = 0;
            long bytes = 0;
            for (RTCStats stats : report.getStats().values()) {
                if (stats.getType() == RTCStatsType.INBOUND_RTP && "audio".equals(stats.getAttributes().get("kind"))
                        && stats.getAttributes().get("packetsReceived")instanceof Number n) {
                    packets += n.longValue();
                    if (stats.getAttributes().get("bytesReceived")instanceof Number b) {
                        bytes += b.longValue(); // RTP payload bytes, without headers and padding
                    }
                }
            }
            synchronized (audioReceived) { // packets and bytes of one report together
                if (packets >= audioReceived.get()) {
                    audioReceived.set(packets);
                    audioBytesReceived.set(bytes);
                }
            }
        });
    }

    private static void fill(ByteBuffer plane, int stride, int value) {
        for (int row = 0; row < HEIGHT / 2; row++) {
            for (int col = 0; col < WIDTH / 2; col++) {
                plane.put(row * stride + col, (byte) value);
            }
        }
    }

    public void addRemoteCandidate(String candidate) {
        if (!closed.get() && !candidate.isBlank()) {
            pc.addIceCandidate(
                    new RTCIceCandidate(firstMid, 0, candidate.startsWith("a=") ? candidate.substring(2) : candidate));
        }
    }

    public long framesReceived() {
        return framesReceived.get();
    }

    public long audioReceived() {
        return audioReceived.get();
    }

    /** RTP payload bytes of the received audio, from the same statistics report as {@link #audioReceived()}. */
    public long audioBytesReceived() {
        synchronized (audioReceived) {
            return audioBytesReceived.get();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pump.cancel(false);
            audioCount.cancel(false);
            synchronized (toneBuffer) {
                tone.cancel(false);
            }
            for (var sender : pc.getSenders()) {
                pc.removeTrack(sender);
            }
            pc.close();
            for (Runnable dispose : List.<Runnable> of(videoTrack::dispose, audioTrack::dispose, videoSource::dispose,
                    audioSource::dispose)) {
                try {
                    dispose.run();
                } catch (Error e) {
                    // still referenced natively: freed with the connection
                }
            }
        }
    }
}
