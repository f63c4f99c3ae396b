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
package org.openhab.binding.tuyaintercom.internal.tuya.smart;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.time.Clock;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.sim.SimSmartWeb;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.CloudFixture;

/**
 * Two Tuya Smart accounts signed in through openHAB's one shared HTTP client keep their sessions apart: the session
 * cookies stay in each web client and never reach the shared client's cookie store (which every binding shares).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class SmartWebClientSharedClientTest {

    @Test
    void twoAccountsOnTheSharedClientKeepTheirOwnSessions() throws Exception {
        try (TuyaCloudSimulator sim = new TuyaCloudSimulator().start()) {
            sim.smart.addAccount("second@example.com", "second-Passw0rd!", false);
            SmartWebClient first = new SmartWebClient(sim.baseUrl(), "49", SimSmartWeb.DEFAULT_USER,
                    SimSmartWeb.DEFAULT_PASSWORD, CloudFixture.HTTP, Clock.systemUTC());
            SmartWebClient second = new SmartWebClient(sim.baseUrl(), "49", "second@example.com", "second-Passw0rd!",
                    CloudFixture.HTTP, Clock.systemUTC());
            first.login();
            second.login();
            assertTrue(first.signedIn() && second.signedIn());
            assertNotEquals(first.uid(), second.uid());

            first.devices();
            second.devices();
            assertEquals(2, sim.smart.logins(), "each session held: no sign-in again");
            assertTrue(CloudFixture.HTTP.getCookieStore().get(URI.create(sim.baseUrl())).isEmpty(),
                    "no session cookie in the shared client's store");
        }
    }
}
