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

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The set-up of the tests that call the simulator's OpenAPI directly: before each test a started simulator with one
 * panel ("Front door") and a {@link SimOpenApiCaller} on it, closed after the test. Register it on an instance field
 * with {@code @RegisterExtension}; the test's own {@code @BeforeEach} methods run after it has started.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class SimOpenApiExtension implements BeforeEachCallback, AfterEachCallback {
    private final String device;
    private @Nullable TuyaCloudSimulator sim;
    private @Nullable SimOpenApiCaller caller;

    /** With the panel {@code device} added to the simulator. */
    SimOpenApiExtension(String device) {
        this.device = device;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        TuyaCloudSimulator cloud = new TuyaCloudSimulator().start();
        cloud.addDevice(SimDevice.panel(device, "Front door"));
        sim = cloud;
        caller = new SimOpenApiCaller(cloud);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TuyaCloudSimulator cloud = sim;
        if (cloud != null) {
            cloud.close();
        }
    }

    TuyaCloudSimulator sim() {
        TuyaCloudSimulator cloud = sim;
        assertNotNull(cloud);
        return cloud;
    }

    SimOpenApiCaller caller() {
        SimOpenApiCaller c = caller;
        assertNotNull(c);
        return c;
    }

    /** The result of a token grant ({@code GET /v1.0/token}, signed without an access token), asserted successful. */
    JsonNode token() throws Exception {
        String t = SimOpenApiCaller.now();
        JsonNode answer = caller().send("GET", "/v1.0/token", Map.of("grant_type", "1"), null, "",
                caller().sign("GET", "/v1.0/token", Map.of("grant_type", "1"), null, null, t), t, Map.of());
        assertTrue(answer.path("success").asBoolean(), answer.toString());
        return answer.path("result");
    }

    /** The access token of a new {@link #token()} grant. */
    String accessToken() throws Exception {
        return token().path("access_token").asText();
    }
}
