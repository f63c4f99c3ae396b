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
package org.openhab.binding.tuyaintercom.internal.api;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every public or protected type and member of the openHAB API stand-ins ({@code src/openhab-api/java}) must exist,
 * with the same signature, in the real openHAB 4.3.11 and 5.2.1 API listings kept in the test resources. The stand-ins
 * are listed with {@code javap -protected}, the same tool and format the real listings were made with.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class StandInConformanceTest {
    /** The main classes of this build (target/real-&lt;version&gt;/classes in the real-openhab profile). */
    static final Path CLASSES = Path.of(System.getProperty("build.classes", "target/classes"));
    static final Path STAND_IN_CLASSES = CLASSES.resolve(Path.of("org", "openhab", "core"));
    static final List<String> VERSIONS = List.of("4.3.11", "5.2.1");

    @Test
    void everyStandInMemberExistsInBothOpenHabVersions() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(STAND_IN_CLASSES),
                "built against the real openHAB API: no stand-ins to check");
        Map<String, ApiListing.Type> standIns = ApiListing.parse(javap(standInClassNames()));
        assertFalse(standIns.isEmpty(), "no stand-in classes found under " + STAND_IN_CLASSES);

        List<String> problems = new ArrayList<>();
        for (String version : VERSIONS) {
            ApiListing real = ApiListing.load(version);
            problems.addAll(real.mismatches(standIns.values(), version));
        }
        assertTrue(problems.isEmpty(),
                "The openHAB API stand-ins differ from the real API:\n  " + String.join("\n  ", problems));
    }

    @Test
    void listingOfAKnownTypeIsParsedCompletely() throws Exception {
        ApiListing real = ApiListing.load("4.3.11");
        ApiListing.Type handler = real.type("org.openhab.core.thing.binding.BaseThingHandler");
        assertNotNull(handler);
        assertTrue(handler.members().contains(
                ApiListing.normalize("protected void updateState(java.lang.String, org.openhab.core.types.State);")));
    }

    private static List<String> standInClassNames() throws Exception {
        Path root = CLASSES;
        try (Stream<Path> files = Files.walk(STAND_IN_CLASSES)) {
            return files.filter(f -> f.toString().endsWith(".class")).map(f -> root.relativize(f).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')).sorted()
                    .toList();
        }
    }

    private static String javap(List<String> classNames) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        List<String> args = new ArrayList<>(List.of("-protected", "-cp", CLASSES.toString()));
        args.addAll(classNames);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = javap.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, exit, "javap failed: " + err);
        return out.toString();
    }
}
