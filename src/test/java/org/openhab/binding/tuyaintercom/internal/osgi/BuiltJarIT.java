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

import java.io.File;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;

/**
 * The packaged jar is what the marketplace ships: one bundle for openHAB 4.3 … 5.x with its libraries inside.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class BuiltJarIT {
    private static final long MAX_SIZE = 3L * 1024 * 1024;
    private static final List<String> OPENHAB_RELEASES = List.of("4.3.0", "4.3.11", "5.0.0", "5.2.1", "5.9.0");
    /** The Jetty of openHAB 4.3.11 and 5.2.1, and of Felix HTTP Jetty 4.2.10 (the real-core gate's runtime). */
    private static final List<String> JETTY_RELEASES = List.of("9.4.50", "9.4.54", "9.4.58");

    private final File jar = new File(System.getProperty("bundle.jar", "target/missing.jar"));

    @Test
    void jarIsSmallAndSelfContained() throws Exception {
        assertTrue(jar.length() <= MAX_SIZE, "jar size " + jar.length() + " > " + MAX_SIZE);
        try (JarFile content = new JarFile(jar)) {
            assertTrue(content.stream().noneMatch(e -> e.getName().startsWith("org/openhab/core/")),
                    "openHAB API stand-ins must never be packaged");
            assertNotNull(content.getEntry("org/eclipse/paho/client/mqttv3/MqttAsyncClient.class"), "Paho embedded");
            assertNotNull(content.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class"), "Jackson embedded");
            assertTrue(content.stream().noneMatch(e -> e.getName().startsWith("org/eclipse/jetty/")),
                    "openHAB's Jetty HTTP client is imported, never embedded");
            assertNotNull(content.getEntry(
                    "OSGI-INF/org.openhab.binding.tuyaintercom.internal.handler.TuyaIntercomHandlerFactory.xml"),
                    "DS descriptor of the handler factory");
            assertNotNull(content.getEntry("OH-INF/addon/addon.xml"));
            assertNotNull(content.getEntry("NOTICE"));

            Manifest manifest = content.getManifest();
            assertEquals("org.openhab.binding.tuyaintercom",
                    manifest.getMainAttributes().getValue("Bundle-SymbolicName"));
            assertNull(manifest.getMainAttributes().getValue("Export-Package"),
                    "the binding and its embedded libraries are private");
            assertNull(manifest.getMainAttributes().getValue("DynamicImport-Package"));
            Parameters imports = new Parameters(manifest.getMainAttributes().getValue("Import-Package"));
            for (String pkg : imports.keySet()) {
                assertFalse(pkg.startsWith("com.fasterxml") || pkg.startsWith("org.eclipse.paho"),
                        "embedded library imported instead of embedded: " + pkg);
                if (pkg.startsWith("org.eclipse.jetty.")) {
                    String range = imports.get(pkg).getVersion();
                    assertNotNull(range, pkg + " imported without a version range");
                    for (String release : JETTY_RELEASES) {
                        assertTrue(new VersionRange(range).includes(Version.parseVersion(release)),
                                pkg + " import range " + range + " excludes Jetty " + release);
                    }
                    assertFalse(new VersionRange(range).includes(Version.parseVersion("10.0.0")),
                            pkg + " import range " + range + " admits Jetty 10 (another client API)");
                }
                if (pkg.startsWith("org.openhab.core")) {
                    Attrs attrs = imports.get(pkg);
                    String range = attrs.getVersion();
                    for (String release : OPENHAB_RELEASES) {
                        assertTrue(range == null || new VersionRange(range).includes(Version.parseVersion(release)),
                                pkg + " import range " + range + " excludes openHAB " + release);
                    }
                }
            }
        }
    }
}
