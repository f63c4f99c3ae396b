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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelView;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.test.PanelRig;
import org.openhab.binding.tuyaintercom.internal.test.QuietListeners;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.binding.tuyaintercom.internal.tuya.webrtc.SdpAdapterTestData;
import org.openhab.binding.tuyaintercom.internal.web.PageController;

/**
 * Codec and stream choice from the device's {@code skill}, as AlexxIT/go2rtc {@code pkg/tuya} reads it
 * ({@code videos[].streamType} 2 main / 4 sub, {@code codecType} 2 H.264 / 4 H.265, offer {@code stream_type} 2 → 0,
 * 4 → 1, 312 {@code resolution} after the media is up where {@code webrtc} has the clarity bit): an H.264 stream is
 * preferred, an H.265-only panel is said to be one instead of showing black video.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class SkillChoiceTest {

    private static WebRtcConfig config(int webrtcBits, String videos) {
        String skill = "{\"webrtc\":" + webrtcBits + ",\"audios\":[{\"channels\":1,\"dataBit\":16,\"codecType\":106,"
                + "\"sampleRate\":8000}],\"videos\":[" + videos + "]}";
        return WebRtcConfig.from(TuyaJson.object().put("id", "d").put("moto_id", "m").put("auth", "a")
                .put("supports_webrtc", true).put("skill", skill));
    }

    @Test
    void theLargestH264StreamIsOfferedAndMapped() {
        WebRtcConfig both = config(56, "{\"streamType\":2,\"codecType\":2,\"width\":1920,\"height\":1080},"
                + "{\"streamType\":4,\"codecType\":2,\"width\":640,\"height\":360}");
        assertEquals(0, both.offerStreamType(), "main stream: skill 2 -> 0");
        assertFalse(both.h265Only());
        assertTrue(both.claritySwitch(), "webrtc bit 5");
        WebRtcConfig subOnlyH264 = config(16, "{\"streamType\":2,\"codecType\":4,\"width\":2560,\"height\":1440},"
                + "{\"streamType\":4,\"codecType\":2,\"width\":640,\"height\":360}");
        assertEquals(1, subOnlyH264.offerStreamType(), "the H.264 sub stream: skill 4 -> 1");
        assertFalse(subOnlyH264.h265Only());
        assertFalse(subOnlyH264.claritySwitch());
        WebRtcConfig h265 = config(56, "{\"streamType\":2,\"codecType\":4,\"width\":2560,\"height\":1440}");
        assertTrue(h265.h265Only());
        assertFalse(config(56, "").h265Only(), "no stream list: nothing known");
        assertEquals(0, config(56, "").offerStreamType());
    }

    private static void connectPage(PanelSession session) throws Exception {
        session.pages().add(QuietListeners.page("page1"), QuietListeners.CREDENTIAL);
    }

    @Test
    void theOfferAsksForTheH264StreamAndTheResolutionFollowsTheConnectedMedia() throws Exception {
        try (PanelRig rig = PanelRig.start(Map.of())) {
            PanelSession session = rig.session;
            connectPage(session);
            PageController.MediaGrant grant = new PageController(session).startMedia(false, null, "page1");
            new PageController(session).offer(grant.media(), "page1", SdpAdapterTestData.LIVE_VIEW_OFFER);
            long deadline = System.currentTimeMillis() + 10_000;
            while (rig.device.offeredStreamTypes().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(0), rig.device.offeredStreamTypes());
            new PageController(session).mediaEvent(grant.media(), "page1", "connected", "");
            while (rig.device.controlReceived().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of("resolution=0"), rig.device.controlReceived());
            assertFalse(stateShown(session).h265Only(), "H.264: nothing to say");
        }
    }

    @Test
    void anH265OnlyPanelSaysSoInItsStatusAndOnThePage() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            SimDevice h265 = SimDevice.panel("panel1", "Door");
            h265.videoCodecType = WebRtcConfig.CODEC_H265;
            try (SimPanel device = new SimPanel(sim, h265)) {
                IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of()).start();
                try {
                    assertEquals("@text/online.h265-only", home.panelThing.getStatusInfo().getDescription());
                    PanelSession session = home.session();
                    assertNotNull(session);
                    device.pressCallButton(3, Duration.ofSeconds(20));
                    home.await(PanelScenarioTest.RING);
                    assertTrue(stateShown(session).h265Only(), "the page says why it shows no video");
                } finally {
                    home.close();
                }
            }
        }
    }

    private static PanelView stateShown(PanelSession session) {
        PanelView view = session.pages().state();
        assertNotNull(view);
        return Objects.requireNonNull(view);
    }
}
