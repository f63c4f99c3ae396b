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
package org.openhab.binding.tuyaintercom.internal.discovery;

import static org.openhab.binding.tuyaintercom.internal.TuyaIntercomBindingConstants.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.handler.TuyaAccount;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaIds;
import org.openhab.binding.tuyaintercom.internal.tuya.api.DeviceInfo;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;
import org.openhab.binding.tuyaintercom.internal.tuya.api.WebRtcConfig;
import org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the devices of the account and puts its intercom panels into the inbox; panels that disappeared from the
 * account are withdrawn. A panel's WebRTC properties (WebRTC, two-way audio, low power) are asked of the cloud once,
 * when the panel is first found, not at every scan: cloud projects count API calls against a quota.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(scope = ServiceScope.PROTOTYPE, service = PanelDiscoveryService.class)
public class PanelDiscoveryService extends AbstractThingHandlerDiscoveryService<TuyaAccount> {
    public static final String PROPERTY_DEVICE_ID = "deviceId";
    static final int SCAN_TIMEOUT_SECONDS = 30;
    static final long BACKGROUND_INTERVAL_MINUTES = 15;
    /** How often the background job looks whether a scan is due (no API call while none is). */
    static final long BACKGROUND_CHECK_SECONDS = 30;
    /** The label of a panel that has no name in the cloud (translated by openHAB; its argument is the device id). */
    static final String LABEL_UNNAMED = "@text/discovery.panel.unnamed.label";

    private final Logger logger = LoggerFactory.getLogger(PanelDiscoveryService.class);
    private final Set<ThingUID> discovered = new HashSet<>();
    /** The WebRTC properties of each panel found so far (guarded by the service: {@link #scan} is synchronized). */
    private final Map<String, Map<String, Object>> webrtcProperties = new HashMap<>();
    private @Nullable ScheduledFuture<?> backgroundJob;
    /** {@link System#nanoTime()} of the last scan that asked the cloud; null: none yet (guarded by the service). */
    private @Nullable Long lastListed;

    public PanelDiscoveryService() {
        super(TuyaAccount.class, Set.of(THING_TYPE_PANEL), SCAN_TIMEOUT_SECONDS, true);
    }

    // TuyaAccount: openHAB 5.x declares T getThingHandler(), 4.3 ThingHandler getThingHandler()
    @Override
    public @Nullable TuyaAccount getThingHandler() {
        return thingHandler;
    }

    @Override
    protected void startScan() {
        scan();
    }

    @Override
    protected void startBackgroundDiscovery() {
        stopBackgroundDiscovery();
        backgroundJob = scheduler.scheduleWithFixedDelay(this::scanIfDue, 10, BACKGROUND_CHECK_SECONDS,
                TimeUnit.SECONDS);
    }

    @Override
    protected void stopBackgroundDiscovery() {
        ScheduledFuture<?> job = backgroundJob;
        if (job != null) {
            job.cancel(true);
        }
        backgroundJob = null;
    }

    /**
     * The background scan: as soon as the bridge is online (a bridge that signs in late, e.g. with a QR code, shows
     * its panels within {@value #BACKGROUND_CHECK_SECONDS} s), then every {@value #BACKGROUND_INTERVAL_MINUTES}
     * minutes. A failed listing counts as a scan, so a cloud that is down is not asked more often.
     */
    synchronized void scanIfDue() {
        Long last = lastListed;
        if (last == null || System.nanoTime() - last >= TimeUnit.MINUTES.toNanos(BACKGROUND_INTERVAL_MINUTES)) {
            scan();
        }
    }

    /** Lists the account's devices once and updates the inbox; returns the panels found. */
    public synchronized List<DeviceInfo> scan() {
        TuyaAccount bridge = thingHandler;
        if (bridge == null || !bridge.isReady() || bridge.getThing().getStatus() != ThingStatus.ONLINE) {
            return List.of();
        }
        lastListed = System.nanoTime();
        List<DeviceInfo> panels;
        try {
            panels = bridge.devices().stream().filter(PanelRecognizer::isPanel).toList();
        } catch (TuyaApiException e) {
            logger.debug("Panel discovery failed: {}", LogText.safe(e.getMessage()));
            return List.of();
        }
        ThingUID bridgeUID = bridge.getThing().getUID();
        Set<ThingUID> found = new HashSet<>();
        for (DeviceInfo panel : panels) {
            if (!TuyaIds.isValid(panel.id())) {
                // a thing UID, a REST path and the cloud's URL paths are built from it
                logger.debug("Panel discovery skips a device whose id is not a Tuya id: {}", LogText.safe(panel.id()));
                continue;
            }
            ThingUID uid = new ThingUID(THING_TYPE_PANEL, bridgeUID, panel.id());
            found.add(uid);
            thingDiscovered(DiscoveryResultBuilder.create(uid).withBridge(bridgeUID).withLabel(label(panel))
                    .withProperties(properties(bridge, panel)).withRepresentationProperty(PROPERTY_DEVICE_ID).build());
        }
        for (ThingUID gone : discovered) {
            if (!found.contains(gone)) {
                thingRemoved(gone);
            }
        }
        discovered.clear();
        discovered.addAll(found);
        webrtcProperties.keySet().retainAll(panels.stream().map(DeviceInfo::id).toList());
        return panels;
    }

    /**
     * The device's name in the cloud; without one a translated label with the device id, in the form openHAB's
     * discovery translates ({@code @text/<key> [ "<arg>" ]}). The id is a Tuya id, so it needs no quoting there.
     */
    static String label(DeviceInfo panel) {
        return panel.name().isBlank() ? LABEL_UNNAMED + " [ \"" + panel.id() + "\" ]" : panel.name();
    }

    private Map<String, Object> properties(TuyaAccount account, DeviceInfo panel) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PROPERTY_DEVICE_ID, panel.id());
        properties.put("product", panel.productName().isBlank() ? panel.productId() : panel.productName());
        properties.put("category", panel.category());
        properties.put("online", Boolean.toString(panel.online()));
        properties.putAll(webrtcProperties.computeIfAbsent(panel.id(), id -> webrtcProperties(account, id)));
        return properties;
    }

    /** What the panel's WebRTC configuration says of it; "unknown" (not asked again) when the cloud refused it. */
    private Map<String, Object> webrtcProperties(TuyaAccount account, String deviceId) {
        try {
            WebRtcConfig webrtc = account.webRtcConfig(deviceId);
            return Map.of("webrtc", Boolean.toString(webrtc.supportsWebrtc()), "twoWayAudio",
                    Boolean.toString(webrtc.twoWayAudio()), "lowPower", Boolean.toString(webrtc.lowPower()));
        } catch (TuyaApiException e) {
            logger.debug("No WebRTC configuration for {}: {}", LogText.safe(deviceId), LogText.safe(e.getMessage()));
            return Map.of("webrtc", "unknown");
        }
    }

    @Override
    public void dispose() {
        super.dispose();
        stopBackgroundDiscovery();
    }
}
