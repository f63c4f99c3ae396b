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

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * TCP ports for the test servers (the HTTP stack in Felix, the simulator's broker) that are chosen first and bound
 * later. They come from above Linux's ephemeral range (32768–60999 here, read from {@code /proc}), where the kernel
 * picks the local port of every outgoing connection and of every {@code new ServerSocket(0)}: a port found free there
 * can be taken by any client socket of the machine before the server binds it, and a client that connects to a port
 * nothing listens on yet can even be given that very port as its own and connect to itself. Jetty then fails to
 * bind, and the framework serves nothing (seen in CI as a binding servlet that never answered). Below the ephemeral
 * range Selenium picks the ports of its chromedrivers, so that range is no better.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TestPorts {
    private static final int[] RANGE = range();
    private static final int FIRST = RANGE[0];
    private static final int COUNT = RANGE[1] - RANGE[0] + 1;
    /** Each test JVM starts at its own place, so that two JVMs at once rarely try the same ports. */
    private static final AtomicInteger NEXT = new AtomicInteger((int) (ProcessHandle.current().pid() * 97 % COUNT));

    private TestPorts() {
    }

    /** A port that was free a moment ago, outside the ephemeral range; never the same twice in this JVM. */
    public static int free() throws IOException {
        for (int tries = 0; tries < COUNT; tries++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // taken: the next one
            }
        }
        throw new IOException("no free TCP port between " + FIRST + " and " + (FIRST + COUNT - 1));
    }

    /** The machine's ephemeral range, low and high. */
    static int[] ephemeralRange() {
        try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            String[] bounds = String.valueOf(reader.readLine()).trim().split("[^0-9]+");
            return new int[] { Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]) };
        } catch (IOException | RuntimeException e) {
            return new int[] { 32768, 60999 }; // Linux's default
        }
    }

    /** Above the ephemeral range when there is room (1000 ports or more), else below it. */
    private static int[] range() {
        int[] ephemeral = ephemeralRange();
        if (65535 - ephemeral[1] >= 1000) {
            return new int[] { ephemeral[1] + 1, 65535 };
        }
        return new int[] { Math.max(1024, ephemeral[0] - 12000), ephemeral[0] - 1 };
    }
}
