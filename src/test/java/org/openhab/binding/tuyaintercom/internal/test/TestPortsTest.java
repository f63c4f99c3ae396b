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

import static org.junit.jupiter.api.Assertions.*;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The test servers' ports lie outside the range the kernel hands out to client sockets (so no client of the machine
 * can hold one when the server binds it), are never given twice, and can be bound.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class TestPortsTest {
    @Test
    void portsAreOutsideTheEphemeralRangeDistinctAndBindable() throws Exception {
        int[] ephemeral = TestPorts.ephemeralRange();
        int low = ephemeral[0];
        int high = ephemeral[1];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = TestPorts.free();
            assertTrue(port < low || port > high, port + " is inside the ephemeral range " + low + "-" + high);
            assertTrue(seen.add(port), "given twice: " + port);
        }
        int port = TestPorts.free();
        try (ServerSocket socket = new ServerSocket(port)) {
            assertEquals(port, socket.getLocalPort());
        }
    }
}
