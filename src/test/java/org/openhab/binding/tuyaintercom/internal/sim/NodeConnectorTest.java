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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tuya's official Node connector ({@code @tuya/tuya-connector-nodejs}, pinned in {@code src/test/node}) against the
 * simulated cloud: {@code src/test/node/connector-check.js} makes the calls its users make — the token, device status
 * in the v1.0 and the iot-03 form, the device in the iot-03 form, commands in both forms — then, after this test made
 * the access token expire, one more call, which the connector answers with its own token refresh (signed over client
 * id and {@code t} only) and a retry. Every call must be accepted, the refresh without falling back to a new token.
 * <p>
 * Needs {@code node} on the PATH and {@code npm ci} run in {@code src/test/node} ({@code .ci/run} does both); without
 * them the test fails and says so. Developers without node may skip it with {@code -D}{@value #SKIP_PROPERTY}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class NodeConnectorTest {
    static final String SKIP_PROPERTY = "tuya.sim.skipNode";
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Path SCRIPT_DIR = Path.of(System.getProperty("basedir", "."), "src", "test", "node");

    private @Nullable TuyaCloudSimulator sim;

    @BeforeEach
    void start() throws IOException {
        TuyaCloudSimulator cloud = new TuyaCloudSimulator().start();
        cloud.addDevice(SimDevice.panel("nodepanel1", "Front door"));
        sim = cloud;
    }

    @AfterEach
    void stop() {
        TuyaCloudSimulator cloud = sim;
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void everyCallOfTheOfficialNodeConnectorIsAccepted() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean(SKIP_PROPERTY), SKIP_PROPERTY + " is set");
        TuyaCloudSimulator cloud = sim;
        assertNotNull(cloud);
        String node = nodeVersion();
        assertTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/@tuya/tuya-connector-nodejs")),
                "the Node connector is not installed: run 'npm ci' in " + SCRIPT_DIR
                        + " (.ci/run does), or skip with -D" + SKIP_PROPERTY + "=true");
        List<String> commands = new CopyOnWriteArrayList<>();
        cloud.onCommand((device, dataPoints) -> commands.add(device + " " + dataPoints));

        ProcessBuilder builder = new ProcessBuilder("node", "connector-check.js").directory(SCRIPT_DIR.toFile());
        Map<String, String> env = builder.environment();
        env.put("TUYA_BASE_URL", cloud.baseUrl());
        env.put("TUYA_ACCESS_ID", cloud.accessId());
        env.put("TUYA_ACCESS_SECRET", cloud.accessSecret());
        env.put("TUYA_DEVICE_ID", "nodepanel1");
        env.put("TUYA_COMMAND_CODE", "accessory_lock");
        env.put("TUYA_COMMAND_VALUE", "true");
        if (Files.isRegularFile(SimTls.caCertificate())) {
            // node trusts the test CA when the simulator speaks HTTPS
            env.put("NODE_EXTRA_CA_CERTS", SimTls.caCertificate().toAbsolutePath().toString());
        }
        Path stderr = Files.createTempFile("node-connector", ".err");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        List<String> calls = new ArrayList<>();
        String outcome;
        try {
            outcome = run(process, cloud, calls);
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        Files.deleteIfExists(stderr);
        assertEquals("done", outcome, "node " + node + " said: " + outcome + "; calls " + calls + "; stderr " + errors);

        String device = "/v1.0/devices/nodepanel1";
        String iot03 = "/v1.0/iot-03/devices/nodepanel1";
        assertEquals(List.of("GET /v1.0/token ok", //
                "GET " + device + "/status ok", //
                "GET " + iot03 + " ok", //
                "GET " + iot03 + "/status ok", //
                "POST " + device + "/commands ok", //
                "POST " + iot03 + "/commands ok", //
                // after the access token expired: refused, refreshed in the connector's form, asked again
                "GET " + device + "/status 1010", //
                "GET /v1.0/token/{refresh_token} ok", //
                "GET " + device + "/status ok"), calls);
        assertEquals(1, cloud.tokenGrants(),
                "the refresh was accepted: the connector did not fall back to a new token");
        assertEquals(1, cloud.tokenRefreshes());
        assertEquals(List.of("nodepanel1 {accessory_lock=true}", "nodepanel1 {accessory_lock=true}"), commands);
    }

    /** Reads the script's lines until it ends, says done or fails, letting it go on once the token expired. */
    private static String run(Process process, TuyaCloudSimulator cloud, List<String> calls)
            throws IOException, InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
            lines.add("end of output");
        }, "node-connector-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                return "nothing within " + BOUND;
            }
            if (line.startsWith("call ")) {
                JsonNode call = TuyaJson.parse(line.substring(5));
                calls.add(call.path("method").asText() + " " + call.path("path").asText() + " "
                        + (call.path("success").asBoolean() ? "ok" : call.path("code").asText("HTTP")));
            } else if (line.equals("phase expire-access-token")) {
                cloud.expireAccessTokensNow();
                OutputStream in = process.getOutputStream();
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            } else if (line.equals("done") || line.startsWith("error ") || line.equals("end of output")) {
                return line;
            }
        }
    }

    private static String nodeVersion() throws InterruptedException {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("'node --version' did not answer within 30 s");
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            fail("node is not installed (" + e.getMessage() + "): install Debian's nodejs and npm and run 'npm ci' in "
                    + SCRIPT_DIR + " (.ci/run does both), or skip this test with -D" + SKIP_PROPERTY + "=true");
            throw new AssertionError(e);
        }
    }
}
