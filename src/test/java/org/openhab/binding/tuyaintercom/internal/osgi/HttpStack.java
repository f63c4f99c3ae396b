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

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The OSGi HTTP whiteboard the integration tests run the binding on. {@code -Dhttp.stack=paxweb} (the default) is
 * openHAB's own HTTP stack: pax-web 8 (API, SPI, runtime, Jetty, whiteboard extender) on Jetty 9.4, at the versions
 * of openHAB 5.2.1 (pax-web 8.0.34, Jetty 9.4.58), or of openHAB 4.3.11 (pax-web 8.0.27, Jetty 9.4.54) when Maven
 * runs with {@code -Dopenhab.http=4.3.11}. It is configured as openHAB's distribution configures it
 * ({@code etc/org.ops4j.pax.web.cfg}: one Jetty thread pool of 2 to 50 threads for every servlet, 300 s idle
 * timeout, 10 min sessions; {@code etc/jetty.xml}: gzip in front of every context, 32 KiB output buffer), with the
 * servlet API bundle openHAB's Karaf installs (jakarta.servlet-api 4.0.4 plus a fragment exporting its packages as
 * 3.1 too, like pax-web's {@code pax-web-compatibility-servlet31}). Only plain HTTP on loopback, no HTTPS connector.
 * {@code -Dhttp.stack=felix} is Apache Felix HTTP Jetty as before.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public enum HttpStack {
    PAXWEB,
    FELIX;

    /** The stack named by the system property {@code http.stack}: {@code paxweb} (default) or {@code felix}. */
    public static HttpStack selected() {
        String name = System.getProperty("http.stack", "paxweb").trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "paxweb", "pax-web", "" -> PAXWEB;
            case "felix" -> FELIX;
            default -> throw new IllegalArgumentException("http.stack must be paxweb or felix, not " + name);
        };
    }

    /** A label for reports, with the versions of the stack on the test class path. */
    public String label() {
        return switch (this) {
            case PAXWEB -> "pax-web " + version("pax-web-runtime-") + " / Jetty " + version("jetty-server-");
            case FELIX -> "Felix HTTP Jetty " + version("org.apache.felix.http.jetty-");
        };
    }

    private static String version(String prefix) {
        String name = OsgiTestFramework.classPathJar(prefix).getName();
        return name.substring(prefix.length(), name.length() - ".jar".length());
    }

    /** Framework properties configuring the stack to listen on 127.0.0.1 at {@code port}. */
    Map<String, String> frameworkProperties(Path storage, int port) {
        String httpPort = Integer.toString(port);
        if (this == FELIX) {
            return Map.of("org.osgi.service.http.port", httpPort, "org.apache.felix.http.host", "127.0.0.1");
        }
        Path jettyXml = storage.resolve("jetty.xml"); // written by bundles(), after Felix cleaned its storage
        return Map.ofEntries(Map.entry("org.osgi.service.http.enabled", "true"),
                Map.entry("org.osgi.service.http.port", httpPort),
                Map.entry("org.osgi.service.http.secure.enabled", "false"),
                Map.entry("org.ops4j.pax.web.listening.addresses", "127.0.0.1"),
                Map.entry("org.ops4j.pax.web.server.minThreads", "2"),
                Map.entry("org.ops4j.pax.web.server.maxThreads", "50"),
                Map.entry("org.ops4j.pax.web.server.idleTimeout", "300000"),
                Map.entry("org.ops4j.pax.web.session.timeout", "10"), Map.entry("org.osgi.service.http.useNIO", "true"),
                Map.entry("org.ops4j.pax.web.config.file", jettyXml.toString()),
                Map.entry("javax.servlet.context.tempdir", storage.resolve("pax-web-tmp").toString()));
    }

    /** The stack's bundles in install order (after Config Admin, SCR and SLF4J), with its files in storage. */
    List<File> bundles(Path storage) throws IOException {
        List<File> bundles = new ArrayList<>();
        if (this == FELIX) {
            bundles.add(OsgiTestFramework.classPathJar("org.apache.felix.http.servlet-api-"));
            bundles.add(OsgiTestFramework.classPathJar("org.apache.felix.http.jetty-"));
            return bundles;
        }
        try (InputStream in = HttpStack.class.getResourceAsStream("/paxweb/jetty.xml")) {
            if (in == null) {
                throw new IOException("no /paxweb/jetty.xml among the test resources");
            }
            Files.copy(in, storage.resolve("jetty.xml"));
        }
        bundles.add(OsgiTestFramework.classPathJar("jakarta.servlet-api-"));
        bundles.add(servlet31Fragment(storage));
        bundles.add(OsgiTestFramework.classPathJar("org.osgi.service.log-"));
        // jetty-client: openHAB's shared HTTP client (HttpClientFactory) is of the same Jetty as its HTTP server
        for (String jetty : List.of("jetty-util-", "jetty-util-ajax-", "jetty-io-", "jetty-http-", "jetty-client-",
                "jetty-xml-", "jetty-server-", "jetty-servlet-", "jetty-servlets-", "jetty-security-",
                "jetty-continuation-", "jetty-jmx-", "jetty-jaas-")) {
            bundles.add(OsgiTestFramework.classPathJar(jetty));
        }
        for (String paxWeb : List.of("pax-web-api-", "pax-web-spi-", "pax-web-tomcat-common-", "pax-web-jetty-",
                "pax-web-runtime-", "pax-web-extender-whiteboard-")) {
            bundles.add(OsgiTestFramework.classPathJar(paxWeb));
        }
        return bundles;
    }

    /**
     * A fragment of jakarta.servlet-api 4.0.4 that also exports its packages as version 3.1, so that bundles built
     * against the servlet API 3.1 (openHAB add-ons, this binding) resolve, as pax-web's compatibility fragment does
     * in openHAB's Karaf (that fragment's parent POM is not on Maven Central).
     */
    private static File servlet31Fragment(Path storage) throws IOException {
        File out = storage.resolve("servlet-api-3.1-compatibility.jar").toFile();
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "servlet-api-3.1-compatibility");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Fragment-Host", "jakarta.servlet-api");
        main.putValue("Export-Package", "javax.servlet;version=3.1.0,javax.servlet.annotation;version=3.1.0,"
                + "javax.servlet.descriptor;version=3.1.0,javax.servlet.http;version=3.1.0");
        try (OutputStream file = Files.newOutputStream(out.toPath());
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.flush();
        }
        return out;
    }
}
