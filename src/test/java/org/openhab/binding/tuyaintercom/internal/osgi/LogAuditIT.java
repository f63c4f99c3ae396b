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
package org.openhab.binding.tuyaintercom.internal.osgi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test of the build: the output of every test class — with the binding's logging at debug
 * level — contains none of the secrets the simulator handed out (access secret, access and refresh tokens, MQTT
 * passwords, local keys, TURN credentials, the Tuya Smart account passwords and session cookies), nor the entry key
 * of any test's panel (recorded by the test fixtures, {@code IntercomFixture} and {@code WebHarness}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class LogAuditIT {

    @Test
    void noSecretReachedAnyLog() throws IOException {
        Path secretsFile = Path.of("target/issued-secrets.txt");
        assertTrue(Files.isRegularFile(secretsFile), "the simulator recorded the secrets it issued");
        List<String> secrets = Files.readAllLines(secretsFile).stream().filter(s -> s.length() >= 8).distinct()
                .toList();
        List<Path> logs = new ArrayList<>();
        for (String folder : List.of("target/surefire-reports", "target/failsafe-reports")) {
            Path dir = Path.of(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith("-output.txt")).forEach(logs::add);
                }
            }
        }
        assertFalse(logs.isEmpty(), "test output was captured");
        long bytes = 0;
        long debugLines = 0;
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            bytes += text.length();
            debugLines += text.lines().filter(l -> l.contains("DEBUG org.openhab.binding.tuyaintercom")).count();
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    leaks.add(log.getFileName() + " contains a secret starting " + secret.substring(0, 3) + "…");
                }
            }
        }
        System.out.printf("log audit: %d secrets checked against %d output files (%d KB, %d binding debug lines)%n",
                secrets.size(), logs.size(), bytes / 1024, debugLines);
        assertTrue(debugLines > 0, "the binding's debug log was captured");
        assertTrue(leaks.isEmpty(), "secrets in logs: " + leaks);
    }
}
