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
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.framework.TestThing;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.Notice;
import org.openhab.binding.tuyaintercom.internal.intercom.SignInEndpoint.Phase;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.SimSmartWeb;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.SmartAccountExtension;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * The Tuya Smart account bridge signing in by QR code against the simulator's web client (real HTTP server and MQTT
 * broker): the code, its scan and confirmation, then online with a panel that rings; the session kept across a restart;
 * an expired code replaced while the page is watched (and only then); a refusal and a cancel, each with its status; a
 * session that ends (a new code) and one that the cloud renews.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(90)
class SmartAccountQrTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Long enough for a TLS connect on a loaded machine before the session (and its MQTT credential) ends. */
    private static final Duration SHORT_SESSION = Duration.ofSeconds(8);
    private static final String SIGN_IN_KEY = "qr-test-sign-in-key-0123456789";

    @RegisterExtension
    final SmartAccountExtension account = new SmartAccountExtension(TuyaCloudSimulator.CallTransport.OPEN_HUB_308);
    private final RecordingCallback callback = account.callback;

    private SmartAccountBridgeHandler start() {
        Map<String, Object> config = new HashMap<>();
        config.put("signIn", "qr");
        config.put("signInKey", SIGN_IN_KEY);
        return account.start(config);
    }

    private void awaitStatusText(String key) throws InterruptedException {
        callback.await(e -> "status".equals(e.kind()) && e.value().contains("@text/offline.smart." + key + " ["), WAIT);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT + ": " + what);
            }
            Thread.sleep(50); // a poll step
        }
    }

    private SignInEndpoint endpoint() {
        SignInEndpoint endpoint = account.directory.signIn(account.bridge().getUID().getAsString());
        assertNotNull(endpoint, "the bridge offers its sign-in page");
        return endpoint;
    }

    /** Waits until a code is shown and returns its token. */
    private String awaitCode() throws InterruptedException {
        awaitTrue(() -> endpoint().view().phase() == Phase.SHOWING, "a code is shown");
        String token = account.sim().smart.latestQrToken();
        assertEquals("tuyaSmart--qrLogin?token=" + token, endpoint().view().qrText());
        return token;
    }

    private void signIn() throws InterruptedException {
        awaitCode();
        account.sim().smart.approveQr(SimSmartWeb.DEFAULT_USER);
        callback.awaitStatus(account.bridge(), ThingStatus.ONLINE, WAIT);
    }

    @Test
    void aScannedAndConfirmedCodeSignsInAndAPanelRings() throws Exception {
        try (SimPanel device = new SimPanel(account.sim(), SimDevice.panel("panel1", "Front door"))) {
            start();
            awaitStatusText("qr-needed");
            assertEquals(ThingStatusDetail.CONFIGURATION_PENDING, account.bridge().getStatusInfo().getStatusDetail());
            String description = String.valueOf(account.bridge().getStatusInfo().getDescription());
            assertTrue(description.contains("/tuyaintercom/signin/tuyaintercom:smartaccount:smart"), description);
            assertFalse(description.contains(SIGN_IN_KEY), "the status names the page without its key");
            assertTrue(endpoint().allowsKey(SIGN_IN_KEY));
            assertFalse(endpoint().allowsKey("wrong"));
            assertFalse(endpoint().allowsKey(null));

            awaitCode();
            account.sim().smart.scanQr();
            awaitStatusText("qr-scanned");
            assertEquals(Phase.SCANNED, endpoint().view().phase());
            assertEquals("", endpoint().view().qrText(), "a scanned code is no longer shown");
            account.sim().smart.approveQr(SimSmartWeb.DEFAULT_USER);
            callback.awaitStatus(account.bridge(), ThingStatus.ONLINE, WAIT);
            assertEquals(Phase.SIGNED_IN, endpoint().view().phase());
            assertEquals(0, account.sim().smart.loginAttempts(), "no password sign-in");
            assertFalse(String.valueOf(account.bridge().getConfiguration().get("session")).isEmpty(),
                    "the session is kept");

            Map<String, Object> config = new HashMap<>();
            config.put("deviceId", "panel1");
            config.put("ringTimeout", 5);
            TestThing thing = account.addPanel(config);
            callback.awaitStatus(thing, ThingStatus.ONLINE, WAIT);
            callback.clear();
            device.pressCallButton(2, WAIT);
            callback.await(e -> e.channelOrThing().endsWith("call") && "RING".equals(e.value()), WAIT);
        }
    }

    @Test
    void aRestartKeepsTheSession() throws Exception {
        start();
        signIn();
        assertEquals(1, account.sim().smart.qrCodesIssued());
        callback.clear();
        account.restart(); // a new handler on the same bridge thing, as after a restart of openHAB
        callback.awaitStatus(account.bridge(), ThingStatus.ONLINE, WAIT);
        assertEquals(1, account.sim().smart.qrCodesIssued(), "no new code after the restart");
        assertEquals(Phase.SIGNED_IN, endpoint().view().phase());
    }

    @Test
    void anExpiredCodeIsReplacedWhileThePageIsWatched() throws Exception {
        account.sim().smart.qrLifetime = Duration.ofSeconds(3);
        start();
        String first = awaitCode(); // the page is viewed
        awaitStatusText("qr-expired");
        awaitTrue(
                () -> endpoint().view().phase() == Phase.SHOWING && !first.equals(account.sim().smart.latestQrToken()),
                "a new code is shown");
        assertEquals(Notice.EXPIRED, endpoint().view().notice());
        String second = awaitCode();
        assertNotEquals(first, second);
        account.sim().smart.approveQr(SimSmartWeb.DEFAULT_USER);
        callback.awaitStatus(account.bridge(), ThingStatus.ONLINE, WAIT);
    }

    @Test
    void anExpiredCodeNobodyWatchesIsReplacedWhenThePageIsOpened() throws Exception {
        account.sim().smart.qrLifetime = Duration.ofSeconds(3);
        SmartAccountBridgeHandler h = start();
        awaitTrue(() -> account.sim().smart.qrCodesIssued() == 1, "the first code is fetched");
        awaitStatusText("qr-expired");
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            assertEquals(1, account.sim().smart.qrCodesIssued(), "no new code while nobody looks");
            Thread.sleep(100); // a poll step
        }
        awaitCode(); // viewing the page fetches one
        assertEquals(2, account.sim().smart.qrCodesIssued());
    }

    @Test
    void aRefusalAndACancelEachSayWhatHappened() throws Exception {
        start();
        awaitCode();
        account.sim().smart.refuseQr();
        awaitStatusText("qr-refused");
        String afterRefusal = awaitCode();
        assertEquals(Notice.REFUSED, endpoint().view().notice());
        assertEquals(2, account.sim().smart.qrCodesIssued());
        account.sim().smart.scanQr();
        awaitStatusText("qr-scanned");
        account.sim().smart.cancelQr();
        awaitStatusText("qr-cancelled");
        awaitTrue(() -> !afterRefusal.equals(account.sim().smart.latestQrToken()), "a new code after the cancel");
        awaitCode();
        assertEquals(Notice.CANCELLED, endpoint().view().notice());
        assertNotEquals(ThingStatus.ONLINE, account.bridge().getStatus());
    }

    @Test
    void aSessionThatEndsShowsANewCode() throws Exception {
        account.sim().smart.sessionLifetime = SHORT_SESSION;
        start();
        signIn();
        awaitStatusText("qr-session-ended");
        awaitCode();
        assertEquals(Notice.SESSION_ENDED, endpoint().view().notice());
        assertEquals("", String.valueOf(account.bridge().getConfiguration().get("session")),
                "the ended session is forgotten");
    }

    @Test
    void aSessionTheCloudRenewsStaysOnline() throws Exception {
        account.sim().smart.sessionLifetime = SHORT_SESSION;
        account.sim().smart.renewOnRequest = true;
        start();
        signIn();
        awaitTrue(() -> account.sim().smart.requestedPaths().stream().filter("/api/customized/web/app/info"::equals)
                .count() >= 2, "the session is renewed twice");
        assertEquals(ThingStatus.ONLINE, account.bridge().getStatus());
        assertEquals(1, account.sim().smart.qrCodesIssued());
        SmartAccountBridgeHandler h = account.handler();
        assertNotNull(h);
        assertTrue(h.isReady());
    }
}
