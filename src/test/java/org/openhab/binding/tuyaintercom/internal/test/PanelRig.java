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
package org.openhab.binding.tuyaintercom.internal.test;

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelSession;
import org.openhab.binding.tuyaintercom.internal.sim.SimDevice;
import org.openhab.binding.tuyaintercom.internal.sim.SimPanel;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;

/**
 * One simulated cloud with one simulated panel ({@code panel1}, "Door"), an account bridge and a panel thing of the
 * binding on it, started: the set-up of the tests that drive a panel session directly.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class PanelRig implements AutoCloseable {
    public final TuyaCloudSimulator sim;
    public final SimPanel device;
    public final IntercomFixture home;
    public final PanelSession session;

    private PanelRig(TuyaCloudSimulator sim, SimPanel device, IntercomFixture home, PanelSession session) {
        this.sim = sim;
        this.device = device;
        this.home = home;
        this.session = session;
    }

    /** With these panel parameters on top of the defaults. */
    public static PanelRig start(Map<String, Object> panelConfig) throws Exception {
        TuyaCloudSimulator sim = new TuyaCloudSimulator().start();
        SimPanel device = new SimPanel(sim, SimDevice.panel("panel1", "Door"));
        IntercomFixture home = new IntercomFixture(sim, "home", "panel1", panelConfig).start();
        PanelSession session = home.session();
        if (session == null) {
            home.close();
            device.close();
            sim.close();
            throw new IllegalStateException("the panel thing has no session");
        }
        return new PanelRig(sim, device, home, session);
    }

    @Override
    public void close() {
        home.close();
        device.close();
        sim.close();
    }
}
