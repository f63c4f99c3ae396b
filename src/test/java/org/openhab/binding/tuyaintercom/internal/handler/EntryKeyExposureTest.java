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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.tuyaintercom.internal.action.TuyaIntercomActions;
import org.openhab.binding.tuyaintercom.internal.framework.RecordingCallback;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;
import org.openhab.binding.tuyaintercom.internal.test.IntercomFixture;
import org.openhab.binding.tuyaintercom.internal.test.LogCapture;
import org.openhab.core.library.types.StringType;
import org.openhab.core.types.RefreshType;
import org.slf4j.LoggerFactory;

/**
 * The entry key is a permanent credential: it stays in the panel's configuration and in the {@code entryUrl()} rule
 * action, and never reaches an item state (events.log, persistence) or a log line. A whole call cycle against the
 * simulated cloud — start, ring, answer, hang up, a renewal of the links, {@code REVOKE_LINKS}, a {@code REFRESH} of
 * every state channel — is read item state by item state and log line by log line (the binding logging at TRACE).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class EntryKeyExposureTest {

    @Test
    void noItemStateAndNoLogLineCarriesTheEntryKey() throws Exception {
        try (LogCapture log = LogCapture.startWholeBinding();
                TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
                SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Front door"))) {
            assertTrue(LoggerFactory.getLogger(PanelHandler.class).isTraceEnabled(), "the binding logs at TRACE");
            IntercomFixture home = new IntercomFixture(sim, "home", "panel1", Map.of());
            try {
                home.start();
                String key = String.valueOf(home.panelThing.getConfiguration().get("entryKey"));
                assertTrue(key.length() >= 24, "the handler generated an entry key into the configuration: " + key);

                device.pressCallButton(3, Duration.ofSeconds(20));
                home.await("call=RING");
                home.await("call=SNAPSHOT");
                home.command("call-control", new StringType("ANSWER"));
                home.await("call=ANSWERED");
                home.command("call-control", new StringType("HANGUP"));
                home.await("call=HUNG_UP");

                long pageLinks = published(home, "call-page-url");
                home.panel.renewLinks();
                home.command("call-control", new StringType("REVOKE_LINKS"));
                assertEquals(pageLinks + 2, published(home, "call-page-url"), "a renewal and a revocation published");
                for (String channel : PanelHandler.STATE_CHANNELS) {
                    home.command(channel, RefreshType.REFRESH);
                }

                // the key stays usable: the rule action gives the link, and the link opens the page
                TuyaIntercomActions actions = new TuyaIntercomActions();
                actions.setThingHandler(home.panel);
                String thing = home.panelThing.getUID().getAsString();
                assertEquals("/tuyaintercom/call/" + URLEncoder.encode(thing, StandardCharsets.UTF_8) + "?k=" + key,
                        actions.entryUrl());
                PanelSession session = home.directory.get(thing);
                assertNotNull(session);
                assertTrue(session.links().allowsPage(null, key), "the entry key opens the call page");

                List<RecordingCallback.Event> events = home.callback.events();
                assertTrue(events.size() > 20, "the cycle published states: " + events);
                for (RecordingCallback.Event event : events) {
                    assertFalse(event.value().contains(key), "the entry key in " + event.channelOrThing());
                    assertFalse(event.value().contains("?k="), "an entry link in " + event.channelOrThing());
                }
            } finally {
                home.close();
            }
            List<String> lines = log.lines();
            assertTrue(lines.stream().anyMatch(l -> l.contains("DEBUG org.openhab.binding.tuyaintercom")),
                    "the binding's log was captured: " + lines.size() + " lines");
            String key = String.valueOf(home.panelThing.getConfiguration().get("entryKey"));
            for (String line : lines) {
                assertFalse(line.contains(key), "the entry key in a log line");
            }
        }
    }

    private static long published(IntercomFixture home, String channel) {
        return home.callback.events().stream()
                .filter(e -> e.kind().equals("state") && e.channelOrThing().equals(channel)).count();
    }
}
