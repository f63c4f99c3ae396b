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
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;

/**
 * The panel's WebRTC answerer: a real peer (webrtc-java) that sends a moving test pattern (H.264) and a 440 Hz tone
 * (PCMA/PCMU) and counts the video frames and audio packets it receives. One peer connection factory with a
 * headless audio device module serves every session; each session is closed once.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimMediaPeer implements AutoCloseable {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int FPS = 15;

    private static @Nullable PeerConnectionFactory factory;
    private static @Nullable HeadlessAudioDeviceModule audioModule;
    private static final ScheduledExecutorService PUMP = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "sim-media");
        thread.setDaemon(true);
        return thread;
    });

    private final RTCPeerConnection pc;
    private final CustomVideoSource videoSource;
    private final VideoTrack videoTrack;
    private final AudioTrack audioTrack;
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong audioReceived = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledFuture<?> pump;
    private long frameCount;
    private final String firstMid;

    /** The shared factory, created on first use with a headless audio module whose "microphone" is a tone. */
    static synchronized PeerConnectionFactory factory() {
        PeerConnectionFactory existing = factory;
        if (existing != null) {
            return existing;
        }
        HeadlessAudioDeviceModule module = new HeadlessAudioDeviceModule();
        double[] phase = { 0 };
        module.setAudioSource((samples, nSamples, bytesPerSample, channels, rate) -> {
            ByteBuffer out = ByteBuffer.wrap(samples).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < nSamples; i++) {
                short value = (short) (Math.sin(phase[0]) * 8000);
                phase[0] += 2 * Math.PI * 440 / rate;
                for (int c = 0; c < channels; c++) {
                    out.putShort(value);
                }
            }
            return nSamples;
        });
        audioModule = module;
        PeerConnectionFactory created = new PeerConnectionFactory(module);
        module.initPlayout();
        module.startPlayout();
        module.initRecording();
        module.startRecording();
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
                } else if (track instanceof AudioTrack audio) {
                    audio.addSink((data, bits, rate, channels, frames) -> audioReceived.incrementAndGet());
                }
            }
        });
        videoTrack = pcf.createVideoTrack("panel-video", videoSource);
        AudioTrackSource audioSource = pcf.createAudioSource(new AudioOptions());
        audioTrack = pcf.createAudioTrack("panel-audio", audioSource);
        pump = PUMP.scheduleAtFixedRate(this::pushFrame, 0, 1000 / FPS, TimeUnit.MILLISECONDS);

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

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pump.cancel(false);
            for (var sender : pc.getSenders()) {
                pc.removeTrack(sender);
            }
            pc.close();
            for (Runnable dispose : List.<Runnable> of(videoTrack::dispose, audioTrack::dispose,
                    videoSource::dispose)) {
                try {
                    dispose.run();
                } catch (Error e) {
                    // still referenced natively: freed with the connection
                }
            }
        }
    }
}
