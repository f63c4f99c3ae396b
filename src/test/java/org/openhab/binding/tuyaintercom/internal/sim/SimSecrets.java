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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Every secret the simulator hands out (access secret, tokens, MQTT passwords, local keys, TURN credentials), and the
 * entry keys of the tests' panels, is appended to a file, so that an audit can check that none of them ever reached a
 * log.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimSecrets {
    static final Path FILE = Path.of(System.getProperty("sim.secrets", "target/issued-secrets.txt"));
    private static final Set<String> RECORDED = new HashSet<>();

    private SimSecrets() {
    }

    /** Every secret recorded in this JVM so far (the audit's list). */
    public static synchronized Set<String> all() {
        return Set.copyOf(RECORDED);
    }

    public static synchronized void record(String secret) {
        if (secret.length() < 8 || !RECORDED.add(secret) || FILE.getParent() == null
                || !Files.isDirectory(FILE.getParent())) {
            return;
        }
        try {
            Files.writeString(FILE, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the audit then finds fewer secrets to look for
        }
    }
}
