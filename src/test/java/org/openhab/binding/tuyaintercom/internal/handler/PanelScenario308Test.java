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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.sim.TuyaCloudSimulator;

/**
 * The call scenarios of {@link PanelScenarioTest} with the simulator's {@code open-hub-308} call transport: every 308
 * call message of the panel reaches the binding, and the binding's 308 replies reach the panel.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class PanelScenario308Test extends PanelScenarioTest {
    @Override
    protected TuyaCloudSimulator.CallTransport transport() {
        return TuyaCloudSimulator.CallTransport.OPEN_HUB_308;
    }
}
