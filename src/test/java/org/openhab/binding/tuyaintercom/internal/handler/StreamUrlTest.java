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
package org.openhab.binding.tuyaintercom.internal.handler;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.core.types.RefreshType;

/**
 * The {@code stream-url} channel against the simulated cloud: an HLS address allocated on REFRESH (off the calling
 * thread) and on a ring, renewed before it expires, RTSP when configured, UNDEF when the cloud refuses.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class StreamUrlTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TuyaCloudSimulator sim;
    private SimPanel device;

    @BeforeEach
    void setUp() throws Exception {
        sim = new TuyaCloudSimulator().start();
        device = new SimPanel(sim, SimDevice.panel("panel1", "Front door"));
    }

    @AfterEach
    void tearDown() {
        device.close();
        sim.close();
    }

    private static List<String> streamUrls(RecordingCallback callback) {
        return callback.events().stream().filter(e -> e.channelOrThing().equals("stream-url"))
                .map(RecordingCallback.Event::value).toList();
    }

    private static String awaitStreamUrl(RecordingCallback callback, String notThis) throws InterruptedException {
        return callback.await(
                e -> e.channelOrThing().equals("stream-url") && e.value().contains("://") && !e.value().equals(notThis),
                Duration.ofSeconds(15)).value();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refreshAllocatesAnHlsAddressAndRenewsItBeforeItExpires() throws Exception {
        sim.streamLifetime = Duration.ofSeconds(7);
        try (IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start()) {
            home.callback.clear();
            home.command("stream-url", RefreshType.REFRESH);
            // REFRESH answers at once with what it has; the cloud is asked on the scheduler
            assertEquals("UNDEF", streamUrls(home.callback).get(0));

            String first = awaitStreamUrl(home.callback, "");
            assertTrue(first.startsWith(sim.baseUrl() + "/stream/") && first.endsWith(".m3u8"), first);
            HttpResponse<String> playlist = get(first);
            assertEquals(200, playlist.statusCode());
            assertTrue(playlist.body().startsWith("#EXTM3U") && playlist.body().contains("#EXTINF"), playlist.body());
            assertEquals(List.of("hls:panel1"), sim.streamAllocations());

            // renewed 5 s before the 7 s expiry: a new address while the first still works
            String second = awaitStreamUrl(home.callback, first);
            assertNotEquals(first, second);
            assertEquals(200, get(first).statusCode(), "the new address came before the old one expired");
            assertEquals(200, get(second).statusCode());
            assertEquals(2, sim.streamAllocations().size());

            // a second REFRESH while the address is valid does not allocate again at once
            home.command("stream-url", RefreshType.REFRESH);
            assertEquals(2, sim.streamAllocations().size());
        }
    }

    @Test
    void aRingAllocatesTheAddressAndRtspIsSelectable() throws Exception {
        try (IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of("streamType", "rtsp")).start()) {
            home.callback.clear();
            assertTrue(sim.streamAllocations().isEmpty(), "nothing is allocated before anyone wants it");
            device.pressCallButton(3, Duration.ofSeconds(30));
            home.await("call-state=RINGING");
            String url = awaitStreamUrl(home.callback, "");
            assertTrue(url.startsWith("rtsps://"), url);
            assertEquals(List.of("rtsp:panel1"), sim.streamAllocations());
        }
    }

    @Test
    void withoutTheLiveStreamServiceTheChannelIsUndef() throws Exception {
        try (IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start()) {
            sim.faults.videoServiceNotSubscribed = true;
            home.callback.clear();
            home.command("stream-url", RefreshType.REFRESH);
            home.callback.await(e -> e.channelOrThing().equals("stream-url") && e.value().equals("UNDEF")
                    && home.callback.events().stream().filter(x -> x.channelOrThing().equals("stream-url")).count() > 1,
                    Duration.ofSeconds(10));
            assertTrue(streamUrls(home.callback).stream().noneMatch(v -> v.contains("://")));
            assertTrue(sim.streamAllocations().isEmpty());
        }
    }
}
