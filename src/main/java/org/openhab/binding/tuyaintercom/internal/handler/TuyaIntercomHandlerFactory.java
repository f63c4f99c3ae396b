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

import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.*;

import java.time.Clock;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.tuyaintercom.internal.intercom.PanelDirectory;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.BaseThingHandlerFactory;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates the handlers of the account bridges (cloud project, Tuya Smart account) and the panels. Every HTTP request
 * of the binding goes through openHAB's shared Jetty client, which openHAB starts and stops.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(configurationPid = "binding." + BINDING_ID, service = ThingHandlerFactory.class)
public class TuyaIntercomHandlerFactory extends BaseThingHandlerFactory {
    private final HttpClient httpClient;
    private final Clock clock = Clock.systemUTC();
    private final PanelDirectory directory;

    @Activate
    public TuyaIntercomHandlerFactory(@Reference PanelDirectory directory,
            @Reference HttpClientFactory httpClientFactory) {
        this.directory = directory;
        this.httpClient = httpClientFactory.getCommonHttpClient();
    }

    @Override
    public boolean supportsThingType(ThingTypeUID thingTypeUID) {
        return SUPPORTED_THING_TYPES.contains(thingTypeUID);
    }

    @Override
    protected @Nullable ThingHandler createHandler(Thing thing) {
        ThingTypeUID type = thing.getThingTypeUID();
        if (THING_TYPE_ACCOUNT.equals(type) && thing instanceof Bridge bridge) {
            return new AccountBridgeHandler(bridge, httpClient, clock);
        }
        if (THING_TYPE_SMART_ACCOUNT.equals(type) && thing instanceof Bridge bridge) {
            return new SmartAccountBridgeHandler(bridge, httpClient, clock, directory);
        }
        if (THING_TYPE_PANEL.equals(type)) {
            return new PanelHandler(thing, httpClient, clock, directory);
        }
        return null;
    }
}
