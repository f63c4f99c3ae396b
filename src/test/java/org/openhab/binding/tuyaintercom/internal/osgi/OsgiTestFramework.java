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
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * A real Apache Felix framework with SCR, Config Admin and an OSGi HTTP whiteboard, plus a bundle of the openHAB API
 * stand-ins that exports their packages with the version of a real openHAB release. The whiteboard is openHAB's own
 * HTTP stack, pax-web 8 on Jetty 9.4 configured as openHAB configures it (see {@link HttpStack}), or Felix HTTP Jetty;
 * {@code -Dhttp.stack=paxweb|felix} selects it.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class OsgiTestFramework implements AutoCloseable {
    /** Runtime bundles every stack needs, taken from the test class path, in install order. */
    private static final List<String> RUNTIME_BUNDLES = List.of("org.osgi.util.function-", "org.osgi.util.promise-",
            "org.osgi.service.component-", "org.apache.felix.configadmin-", "org.apache.felix.scr-", "slf4j-api-",
            "slf4j-simple-");

    private final Framework framework;
    private final Path storage;
    private final int httpPort;
    private final HttpStack httpStack;

    private OsgiTestFramework(Framework framework, Path storage, int httpPort, HttpStack httpStack) {
        this.framework = framework;
        this.storage = storage;
        this.httpPort = httpPort;
        this.httpStack = httpStack;
    }

    public static OsgiTestFramework start(String openhabVersion) throws Exception {
        return start(openhabVersion, 0);
    }

    /** With {@code httpPort} 0 a free port is taken; the HTTP stack is {@link HttpStack#selected()}. */
    public static OsgiTestFramework start(String openhabVersion, int httpPort) throws Exception {
        return start(openhabVersion, httpPort, HttpStack.selected());
    }

    /** With {@code httpPort} 0 a free port is taken. */
    public static OsgiTestFramework start(String openhabVersion, int httpPort, HttpStack stack) throws Exception {
        Path storage = Files.createTempDirectory("felix-");
        int port = httpPort > 0 ? httpPort : freePort();
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "1");
        config.putAll(stack.frameworkProperties(storage, port));
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(config);
        framework.start();
        OsgiTestFramework osgi = new OsgiTestFramework(framework, storage, port, stack);
        List<Bundle> installed = new ArrayList<>();
        for (String prefix : RUNTIME_BUNDLES) {
            installed.add(osgi.install(classPathJar(prefix)));
        }
        for (File jar : stack.bundles(storage)) {
            installed.add(osgi.install(jar));
        }
        installed.add(osgi.install(standInBundle(storage, openhabVersion)));
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        return osgi;
    }

    public Bundle install(File jar) throws BundleException {
        return context().installBundle(jar.toURI().toString());
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    public int httpPort() {
        return httpPort;
    }

    /** The OSGi HTTP whiteboard implementation this framework runs. */
    public HttpStack httpStack() {
        return httpStack;
    }

    public Bundle bundle(String symbolicName) {
        for (Bundle bundle : context().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName);
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
        try (var files = Files.walk(storage)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    static File classPathJar(String prefix) {
        List<File> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(new File(entry));
        }
        // under exec:java the test class path is a class loader's, not the JVM's
        for (ClassLoader loader = OsgiTestFramework.class.getClassLoader(); loader != null; loader = loader
                .getParent()) {
            if (loader instanceof java.net.URLClassLoader urls) {
                for (java.net.URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(new File(url.getPath()));
                    }
                }
            }
        }
        for (File file : entries) {
            String name = file.getName();
            // the version follows the prefix: jetty-util- is not jetty-util-ajax-
            if (name.startsWith(prefix) && name.endsWith(".jar") && name.length() > prefix.length()
                    && Character.isDigit(name.charAt(prefix.length()))) {
                return file;
            }
        }
        throw new IllegalStateException("no jar " + prefix + "* on the test class path");
    }

    /** The compiled stand-ins as a bundle, exporting {@code org.openhab.core.*} with the given release version. */
    static File standInBundle(Path folder, String openhabVersion) throws Exception {
        File out = folder.resolve("openhab-core-stand-ins.jar").toFile();
        try (Builder builder = new Builder()) {
            builder.addClasspath(new File("target/classes"));
            builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, "org.openhab.core.standins");
            builder.setProperty(Constants.BUNDLE_VERSION, openhabVersion);
            builder.setProperty(Constants.EXPORT_PACKAGE, "org.openhab.core.*;version=" + openhabVersion);
            builder.setProperty(Constants.IMPORT_PACKAGE, "org.eclipse.jdt.annotation.*;resolution:=optional,*");
            Jar jar = builder.build();
            if (!builder.isOk()) {
                throw new IOException("stand-in bundle: " + builder.getErrors());
            }
            jar.write(out);
        }
        return out;
    }

    /** The binding's handler factory service and the class loader of the test support bundle. */
    public record Installed(Bundle binding, Bundle support, Object factory) {
        /** Calls a static method of a class in the test support bundle. */
        public Object call(String className, String method, Class<?>[] types, Object... args) throws Exception {
            return support.loadClass("org.openhab.binding.tuyaintercom.internal.framework." + className)
                    .getMethod(method, types).invoke(null, args);
        }
    }

    /** Installs and starts the packaged binding and the test support bundle; gives the binding's factory service. */
    public Installed installBinding(File jar) throws Exception {
        Bundle binding = install(jar);
        binding.start();
        Bundle support = install(testSupportBundle());
        support.start();
        org.osgi.framework.ServiceReference<?> reference = binding.getBundleContext()
                .getServiceReference("org.openhab.core.thing.binding.ThingHandlerFactory");
        if (reference == null) {
            throw new IllegalStateException("the binding registered no ThingHandlerFactory");
        }
        return new Installed(binding, support, binding.getBundleContext().getService(reference));
    }

    /** The framework stand-ins of the tests (things, callback, a scenario) as a bundle using the stand-in API. */
    public File testSupportBundle() throws Exception {
        File out = storage.resolve("test-support.jar").toFile();
        try (Builder builder = new Builder()) {
            builder.addClasspath(new File("target/test-classes"));
            builder.addClasspath(new File("target/classes"));
            builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, "org.openhab.binding.tuyaintercom.testsupport");
            builder.setProperty(Constants.BUNDLE_VERSION, "1.0.0");
            builder.setProperty("-includepackage", "org.openhab.binding.tuyaintercom.internal.framework");
            builder.setProperty(Constants.EXPORT_PACKAGE, "org.openhab.binding.tuyaintercom.internal.framework");
            builder.setProperty(Constants.IMPORT_PACKAGE, "org.eclipse.jdt.annotation.*;resolution:=optional,*");
            Jar jar = builder.build();
            if (!builder.isOk()) {
                throw new IOException("test support bundle: " + builder.getErrors());
            }
            jar.write(out);
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
