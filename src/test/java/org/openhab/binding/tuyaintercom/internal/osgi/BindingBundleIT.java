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
import java.lang.reflect.Array;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Loads the freshly built binding jar into a real Felix framework that stands in for openHAB 4.3 and 5.2: the bundle
 * must resolve against the stand-in exports of either release, start, activate its handler factory component and
 * answer on the HTTP whiteboard, with its page texts in English, German and French — the last from a fragment that
 * only adds {@code OH-INF/i18n/tuyaintercom_fr.properties}, as openHAB's translation platform would. With
 * {@code -Dopenhab.runtime=real-<version>} the same on the real openHAB core bundles of that release (and its
 * translation service).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class BindingBundleIT {
    private static final String FACTORY = "org.openhab.core.thing.binding.ThingHandlerFactory";
    private static final String HTTP_CLIENT_FACTORY = "org.openhab.core.io.net.http.HttpClientFactory";
    private static final int ACTIVE_COMPONENT = 8; // ComponentConfigurationDTO.ACTIVE
    private static final String FRENCH_TITLE = "Lien non valide";

    @ParameterizedTest
    @ValueSource(strings = { "4.3.11", "5.2.1" })
    void bindingResolvesStartsAndServes(String openhabVersion) throws Exception {
        Assumptions.assumeTrue(OsgiTestFramework.runs(openhabVersion),
                "this run loads the real openHAB core " + OsgiTestFramework.realRelease() + " only");
        File jar = new File(System.getProperty("bundle.jar", "target/missing.jar"));
        assertTrue(jar.isFile(), "the binding jar must be built first: " + jar);
        try (JarFile content = new JarFile(jar)) {
            assertNull(content.getEntry("org/openhab/core/thing/Thing.class"), "stand-ins must not be packaged");
        }

        try (OsgiTestFramework osgi = OsgiTestFramework.start(openhabVersion)) {
            // a language the binding does not ship, as openHAB's translation platform would add one
            Bundle french = osgi.install(frenchFragment(osgi.storage()));
            Bundle binding = osgi.install(jar);
            binding.start();
            assertEquals(Bundle.ACTIVE, binding.getState(), "binding bundle state");
            assertEquals(Bundle.RESOLVED, french.getState(), "the French fragment is attached");

            ServiceReference<?> reference = waitForService(binding.getBundleContext(), FACTORY);
            assertSame(binding, reference.getBundle(), "the factory service comes from the binding");
            Object factory = binding.getBundleContext().getService(reference);
            assertNotNull(factory);

            Bundle api = osgi.apiBundle();
            Class<?> typeUid = api.loadClass("org.openhab.core.thing.ThingTypeUID");
            Object panel = typeUid.getConstructor(String.class, String.class).newInstance("tuyaintercom", "panel");
            Object supported = factory.getClass().getMethod("supportsThingType", typeUid).invoke(factory, panel);
            assertEquals(Boolean.TRUE, supported, "factory supports the panel thing type");
            assertEquals(ACTIVE_COMPONENT, componentState(osgi, binding,
                    "org.openhab.binding.tuyaintercom.internal.handler.TuyaIntercomHandlerFactory"));

            // the binding's openHAB packages come from that release (real core or stand-ins)
            assertEquals(openhabVersion, api.getVersion().toString(), "version of " + api.getSymbolicName());
            for (BundleWire wire : binding.adapt(BundleWiring.class)
                    .getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                String pkg = String
                        .valueOf(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
                if (pkg.startsWith("org.openhab.core.")) {
                    assertEquals(openhabVersion, wire.getProvider().getBundle().getVersion().toString(),
                            pkg + " from " + wire.getProvider().getBundle().getSymbolicName());
                }
                assertFalse(pkg.startsWith("com.fasterxml.") || pkg.startsWith("org.eclipse.paho."),
                        "embedded library wired to another bundle: " + pkg);
            }
            // HTTP goes through openHAB's HttpClientFactory (the real io.net bundle's on the real core): the binding's
            // Jetty client classes are those of the factory's client
            ServiceReference<?> httpFactory = waitForService(binding.getBundleContext(), HTTP_CLIENT_FACTORY);
            if (OsgiTestFramework.realRelease() != null) {
                assertEquals("org.openhab.core.io.net", httpFactory.getBundle().getSymbolicName(),
                        "the real core's HttpClientFactory");
            }
            Object common = binding.getBundleContext().getService(httpFactory).getClass()
                    .getMethod("getCommonHttpClient").invoke(binding.getBundleContext().getService(httpFactory));
            assertTrue(binding.loadClass("org.eclipse.jetty.client.HttpClient").isInstance(common),
                    "the binding and the factory share one Jetty client API");
            // Jackson is the binding's own copy, also where openHAB ships its own Jackson (the real core does)
            Class<?> mapper = binding.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
            assertSame(binding, FrameworkUtil.getBundle(mapper), "ObjectMapper of the binding");
            if (OsgiTestFramework.realRelease() != null) {
                assertTrue(
                        Arrays.stream(osgi.context().getBundles()).anyMatch(
                                b -> "com.fasterxml.jackson.core.jackson-databind".equals(b.getSymbolicName())),
                        "the real core runtime ships Jackson");
            }

            HttpResponse<String> response = waitForHttp("http://127.0.0.1:" + osgi.httpPort() + "/tuyaintercom/");
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("Tuya Intercom binding"), response.body());

            // the page texts come through openHAB's translation service: shipped languages and the fragment's
            String invalidLink = "http://127.0.0.1:" + osgi.httpPort()
                    + "/tuyaintercom/call/tuyaintercom%3Apanel%3Ahome%3Adoor?t=invalid";
            assertTrue(get(invalidLink, "en-US,en;q=0.9").contains("Link not valid"), "English");
            assertTrue(get(invalidLink, "de-DE,de;q=0.9").contains("Link ungültig"), "German");
            String page = get(invalidLink, "fr-FR,fr;q=0.9,en;q=0.8");
            assertTrue(page.contains("<html lang=\"fr\">") && page.contains(FRENCH_TITLE), page);
        }
    }

    /** A fragment of the binding with only {@code OH-INF/i18n/tuyaintercom_fr.properties}. */
    private static File frenchFragment(java.nio.file.Path folder) throws Exception {
        File out = folder.resolve("tuyaintercom-fr.jar").toFile();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.openhab.binding.tuyaintercom.i18n.fr");
        manifest.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        manifest.getMainAttributes().putValue("Fragment-Host", "org.openhab.binding.tuyaintercom");
        try (JarOutputStream jar = new JarOutputStream(new java.io.FileOutputStream(out), manifest)) {
            jar.putNextEntry(new JarEntry("OH-INF/"));
            jar.putNextEntry(new JarEntry("OH-INF/i18n/"));
            jar.putNextEntry(new JarEntry("OH-INF/i18n/tuyaintercom_fr.properties"));
            jar.write(("page.invalid.title = " + FRENCH_TITLE + "\npage.invalid.text = Ouvrez le lien actuel.\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The body of a GET with the given Accept-Language (any status). */
    private static String get(String url, String acceptLanguage) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", acceptLanguage)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Looks the service up with the context of a bundle that is wired to the service's package. */
    private static ServiceReference<?> waitForService(BundleContext context, String name) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?> reference = context.getServiceReference(name);
            if (reference != null) {
                return reference;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + name + " service within 10 s");
    }

    /** The state of a component, read through the Service Component Runtime of the framework (by reflection). */
    private static int componentState(OsgiTestFramework osgi, Bundle bundle, String componentName) throws Exception {
        BundleContext scrContext = osgi.bundle("org.apache.felix.scr").getBundleContext();
        ServiceReference<?> scrReference = waitForService(scrContext,
                "org.osgi.service.component.runtime.ServiceComponentRuntime");
        Object scr = scrContext.getService(scrReference);
        for (var method : scr.getClass().getMethods()) {
            if (method.getName().equals("getComponentDescriptionDTO")) {
                Object description = method.invoke(scr, bundle, componentName);
                assertNotNull(description, "component " + componentName);
                Class<?> descriptionType = method.getReturnType();
                Object configurations = scr.getClass().getMethod("getComponentConfigurationDTOs", descriptionType)
                        .invoke(scr, description);
                Object[] all = ((java.util.Collection<?>) configurations).toArray();
                assertEquals(1, Array.getLength(all), "one configuration of " + componentName);
                return all[0].getClass().getField("state").getInt(all[0]);
            }
        }
        throw new AssertionError("no ServiceComponentRuntime.getComponentDescriptionDTO");
    }

    private static HttpResponse<String> waitForHttp(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + 15_000;
        HttpResponse<String> last = null;
        Exception error = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                last = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (java.io.IOException e) {
                error = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no answer from " + url + ": " + (last != null ? last.statusCode() : error));
    }
}
