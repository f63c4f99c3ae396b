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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.sim.SimTls;
import org.openhab.binding.tuyaintercom.internal.test.TestPorts;
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
 * <p>
 * With the system property {@code openhab.runtime=real-<version>} (set by the {@code real-openhab} Maven profile) the
 * framework runs the real openHAB core bundles of that release instead of the stand-ins: the bundles listed, in start
 * order, in {@code <openhab.core.repo.dir>/runtime/bundles-<version>.txt} (whose HTTP whiteboard is Felix HTTP Jetty),
 * third-party ones from {@code openhab.runtime.bundles} (resolved by the profile from Maven Central), the core bundles
 * from the repository. With the stand-ins the framework also offers openHAB's translation and locale service (see
 * {@code BundleTranslations}); the real core brings its own.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class OsgiTestFramework implements AutoCloseable {
    /** "stand-ins" or "real-&lt;openHAB version&gt;". */
    public static final String RUNTIME = System.getProperty("openhab.runtime", "stand-ins");
    private static final String REAL = "real-";
    /**
     * Runtime bundles every stack needs, taken from the test class path, in install order (unit-api: the unit API of
     * the stand-in QuantityType, which openHAB's runtime brings).
     */
    private static final List<String> RUNTIME_BUNDLES = List.of("org.osgi.util.function-", "org.osgi.util.promise-",
            "org.osgi.service.component-", "org.apache.felix.configadmin-", "org.apache.felix.scr-", "slf4j-api-",
            "slf4j-simple-", "unit-api-");

    private final Framework framework;
    private final Path storage;
    private final int httpPort;
    private final HttpStack httpStack;
    private @Nullable Bundle support;
    /** The test HttpClientFactory's Jetty client with the stand-ins, stopped with the framework. */
    private @Nullable Object httpClient;

    private OsgiTestFramework(Framework framework, Path storage, int httpPort, HttpStack httpStack) {
        this.framework = framework;
        this.storage = storage;
        this.httpPort = httpPort;
        this.httpStack = httpStack;
    }

    public static OsgiTestFramework start(String openhabVersion) throws Exception {
        return start(openhabVersion, 0);
    }

    /** The release of the real openHAB core this run uses, or null with the stand-ins. */
    public static @Nullable String realRelease() {
        return RUNTIME.startsWith(REAL) ? RUNTIME.substring(REAL.length()) : null;
    }

    /**
     * Whether this run can start the given openHAB release: any with the stand-ins, only its own with the real core.
     */
    public static boolean runs(String openhabVersion) {
        String real = realRelease();
        return real == null || real.equals(openhabVersion);
    }

    /** The release tests that need just one use: the real core's, else 4.3.11. */
    public static String defaultRelease() {
        String real = realRelease();
        return real != null ? real : "4.3.11";
    }

    /** The bundle that exports org.openhab.core.thing: the real core's or the stand-ins. */
    public Bundle apiBundle() {
        return bundle(realRelease() != null ? "org.openhab.core.thing" : "org.openhab.core.standins");
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
        String real = realRelease();
        if (real != null && !real.equals(openhabVersion)) {
            throw new IllegalStateException("this run has the real openHAB core " + real + ", not " + openhabVersion);
        }
        if (real != null) {
            // the real core keeps its data in folders named by system properties (default: the working directory)
            System.setProperty("openhab.userdata", storage.resolve("userdata").toString());
            System.setProperty("openhab.conf", storage.resolve("conf").toString());
            Files.createDirectories(storage.resolve("conf").resolve("transform"));
            System.setProperty("openhab.logdir", storage.resolve("logs").toString());
            System.setProperty("org.ops4j.pax.logging.DefaultServiceLog.level", "INFO");
        }
        HttpStack effective = real != null ? HttpStack.FELIX : stack; // the real runtime lists Felix HTTP Jetty
        config.putAll(effective.frameworkProperties(storage, port));
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(config);
        framework.start();
        OsgiTestFramework osgi = new OsgiTestFramework(framework, storage, port, effective);
        List<Bundle> installed = new ArrayList<>();
        if (real != null) {
            for (File jar : realCoreRuntime(real)) {
                installed.add(osgi.install(jar));
            }
            for (File jar : realHttpClientFactory(real)) {
                installed.add(osgi.install(jar));
            }
        } else {
            for (String prefix : RUNTIME_BUNDLES) {
                installed.add(osgi.install(classPathJar(prefix)));
            }
            for (File jar : stack.bundles(storage)) {
                installed.add(osgi.install(jar));
            }
            installed.add(osgi.install(standInBundle(storage, openhabVersion)));
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        if (real == null) {
            osgi.registerTranslations();
            osgi.registerHttpClientFactory();
        }
        return osgi;
    }

    /**
     * With the stand-ins, openHAB's HttpClientFactory (the real core's io.net bundle brings its own): the test support
     * bundle's {@code TestHttpClients}, a started Jetty client of the framework's Jetty bundles that trusts the
     * simulator's test CA and checks host names.
     */
    private void registerHttpClientFactory() throws Exception {
        Bundle support = supportBundle();
        Class<?> type = support.loadClass("org.openhab.binding.tuyaintercom.internal.framework.TestHttpClients");
        Object client = type.getMethod("started", Path.class, String.class, String.class).invoke(null,
                SimTls.trustStore(), SimTls.PASSWORD, "osgi-http-common");
        httpClient = client;
        Object factory = type.getMethod("factory", client.getClass()).invoke(null, client);
        support.getBundleContext().registerService((String[]) type.getField("FACTORY_SERVICE").get(null), factory,
                null);
    }

    /**
     * openHAB's io.net bundle of the release (WebClientFactoryImpl: the real HttpClientFactory) and what it needs
     * beyond
     * the runtime list: the HTTP/2 and ALPN clients of the Jetty that Felix HTTP Jetty exports.
     */
    static List<File> realHttpClientFactory(String openhabVersion) {
        Path repository = Path.of(System.getProperty("openhab.core.repo.dir", "../shared/openhab-core-repo"));
        Path ioNet = repository.resolve(Path.of("org", "openhab", "core", "bundles", "org.openhab.core.io.net",
                openhabVersion, "org.openhab.core.io.net-" + openhabVersion + ".jar"));
        return List.of(classPathJar("jetty-alpn-client-"), classPathJar("http2-client-"), ioNet.toFile());
    }

    /**
     * With the stand-ins, openHAB's translation and locale service (the real core has its own): the test support
     * bundle's {@code BundleTranslations}, which reads the bundles' {@code OH-INF/i18n} like openHAB does, in English.
     */
    private void registerTranslations() throws Exception {
        Bundle support = supportBundle();
        Class<?> type = support.loadClass("org.openhab.binding.tuyaintercom.internal.framework.BundleTranslations");
        Object translations = type.getConstructor(java.util.Locale.class).newInstance(java.util.Locale.ENGLISH);
        support.getBundleContext().registerService((String[]) type.getField("SERVICES").get(null), translations, null);
    }

    /** The test support bundle, installed and started once. */
    private Bundle supportBundle() throws Exception {
        Bundle support = this.support;
        if (support == null) {
            support = install(testSupportBundle());
            support.start();
            this.support = support;
        }
        return support;
    }

    public Bundle install(File jar) throws BundleException {
        return context().installBundle(jar.toURI().toString());
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** The framework's own folder (deleted on close): for bundles a test builds. */
    public Path storage() {
        return storage;
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
        Object client = httpClient;
        if (client != null) {
            client.getClass().getMethod("stop").invoke(client);
        }
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

    /**
     * The bundles of the real openHAB core runtime of a release, in start order, as its
     * {@code runtime/bundles-<version>.txt} lists them.
     */
    static List<File> realCoreRuntime(String openhabVersion) throws IOException {
        Path repository = Path.of(System.getProperty("openhab.core.repo.dir", "../shared/openhab-core-repo"));
        Path thirdParty = Path
                .of(System.getProperty("openhab.runtime.bundles", "target/real-" + openhabVersion + "/runtime"));
        Path list = repository.resolve("runtime").resolve("bundles-" + openhabVersion + ".txt");
        if (!Files.isRegularFile(list)) {
            throw new IOException("no list of the openHAB " + openhabVersion + " runtime bundles: " + list);
        }
        List<File> jars = new ArrayList<>();
        for (String raw : Files.readAllLines(list)) {
            String line = raw.trim();
            Path jar;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            } else if (line.startsWith("central:")) {
                jar = thirdParty.resolve(line.substring("central:".length()).trim());
            } else if (line.startsWith("repo:")) {
                jar = repository.resolve(line.substring("repo:".length()).trim());
            } else {
                jar = repository.resolve(line);
            }
            if (!Files.isRegularFile(jar)) {
                throw new IOException("missing runtime bundle " + jar + " (the real-openhab profile resolves them: "
                        + "mvn -P real-openhab -Dopenhab.core.version=" + openhabVersion + " verify)");
            }
            jars.add(jar.toFile());
        }
        return jars;
    }

    /** The compiled stand-ins as a bundle, exporting {@code org.openhab.core.*} with the given release version. */
    static File standInBundle(Path folder, String openhabVersion) throws Exception {
        File out = folder.resolve("openhab-core-stand-ins.jar").toFile();
        try (Builder builder = new Builder()) {
            builder.addClasspath(new File(System.getProperty("build.classes", "target/classes")));
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
        Bundle support = supportBundle();
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
            builder.addClasspath(new File(System.getProperty("build.test-classes", "target/test-classes")));
            builder.addClasspath(new File(System.getProperty("build.classes", "target/classes")));
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
        return TestPorts.free();
    }
}
