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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import aQute.bnd.header.Parameters;

/**
 * The jar users get is built on the openHAB API stand-ins; this build (the {@code real-openhab} profile) compiled the
 * same sources against the real openHAB core. Both jars must describe the same bundle: the same manifest headers
 * (Import-Package, Export-Package, Provide-Capability, Require-Capability, Service-Component, … — only the build's
 * time stamp and tool versions may differ), the same Declarative Services component descriptions and the same entries.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class ManifestEquivalenceIT {
    /** Headers that name the build's time or tools, not the bundle. */
    private static final Set<String> BUILD_ONLY = Set.of("Bnd-LastModified", "Created-By", "Build-Jdk-Spec",
            "Build-Jdk", "Built-By", "Tool");
    /** Headers made of OSGi clauses, compared clause by clause whatever their order. */
    private static final Set<String> CLAUSES = Set.of("Import-Package", "Export-Package", "Provide-Capability",
            "Require-Capability", "Service-Component", "DynamicImport-Package");

    @Test
    void standInJarDescribesTheSameBundleAsTheRealBuild() throws Exception {
        Assumptions.assumeTrue(OsgiTestFramework.realRelease() != null,
                "compares with the real build: runs in the real-openhab profile");
        File real = new File(System.getProperty("bundle.jar", "target/missing.jar"));
        File standIn = new File(System.getProperty("standin.bundle.jar", "target/missing.jar"));
        assertTrue(real.isFile(), "no jar of this build: " + real);
        assertTrue(standIn.isFile(), "no stand-in jar to compare with: " + standIn
                + " (build it first with mvn -B verify or mvn -B package)");

        try (JarFile standInJar = new JarFile(standIn); JarFile realJar = new JarFile(real)) {
            Map<String, String> expected = headers(standInJar);
            Map<String, String> actual = headers(realJar);
            assertTrue(expected.containsKey("Import-Package"), "stand-in manifest: " + expected);
            List<String> differences = new ArrayList<>();
            for (String name : union(expected.keySet(), actual.keySet())) {
                String a = expected.get(name);
                String b = actual.get(name);
                if (a == null || !a.equals(b)) {
                    differences.add(name + "\n      stand-in: " + a + "\n      real " + OsgiTestFramework.realRelease()
                            + ": " + b);
                }
            }
            assertTrue(differences.isEmpty(), "manifests differ:\n  " + String.join("\n  ", differences));

            Map<String, String> standInComponents = components(standInJar);
            assertFalse(standInComponents.isEmpty(), "no DS component descriptions in " + standIn);
            assertEquals(standInComponents, components(realJar), "DS component descriptions");
            assertEquals(entries(standInJar).keySet(), entries(realJar).keySet(), "jar entries");
        }
    }

    /** Main attributes without the build-only ones; clause headers as sorted clauses. */
    private static Map<String, String> headers(JarFile jar) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<Object, Object> attribute : jar.getManifest().getMainAttributes().entrySet()) {
            String name = ((Attributes.Name) attribute.getKey()).toString();
            String value = String.valueOf(attribute.getValue());
            if (BUILD_ONLY.contains(name)) {
                continue;
            }
            if (name.equals("Bundle-Version")) {
                value = value.replaceFirst("\\.\\d{12}$", ".<build time>"); // the SNAPSHOT qualifier
            } else if (CLAUSES.contains(name)) {
                Parameters parameters = new Parameters(value);
                List<String> clauses = new ArrayList<>();
                parameters.forEach((key, attrs) -> clauses.add(key + ";" + attrs));
                clauses.sort(null);
                value = String.join(",\n        ", clauses);
            }
            headers.put(name, value);
        }
        return headers;
    }

    private static Map<String, String> components(JarFile jar) throws IOException {
        Map<String, String> components = new TreeMap<>();
        for (Map.Entry<String, JarEntry> entry : entries(jar).entrySet()) {
            if (entry.getKey().startsWith("OSGI-INF/") && entry.getKey().endsWith(".xml")) {
                try (InputStream in = jar.getInputStream(entry.getValue())) {
                    components.put(entry.getKey(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return components;
    }

    private static Map<String, JarEntry> entries(JarFile jar) {
        Map<String, JarEntry> entries = new TreeMap<>();
        jar.stream().filter(e -> !e.getName().equals("META-INF/MANIFEST.MF")).forEach(e -> entries.put(e.getName(), e));
        return entries;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
