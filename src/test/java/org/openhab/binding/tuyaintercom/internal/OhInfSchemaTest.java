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
package org.openhab.binding.tuyaintercom.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXParseException;

/**
 * Every file under {@code OH-INF/} must be accepted by every openHAB release the binding supports: openHAB reads them
 * with a strict parser and rejects a whole file for one unknown or misplaced element (an {@code addon.xml} it
 * rejects leaves the add-on without add-on info). Each XML file is validated against the real XSDs of openHAB 4.3.11
 * and 5.2.1 in {@code ../shared/openhab-api/<version>/schema/} (property {@code openhab.api.dir}), offline: the
 * schemas' imports of {@code https://openhab.org/schemas/…} are resolved to the files beside them, and nothing else
 * may be fetched. The i18n property files are checked by {@link I18nCompletenessTest}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class OhInfSchemaTest {
    static final List<String> RELEASES = List.of("4.3.11", "5.2.1");
    static final Path OH_INF = Path.of("src", "main", "resources", "OH-INF");
    static final Path API_DIR = Path.of(System.getProperty("openhab.api.dir", "../shared/openhab-api"));
    private static final String SCHEMAS = "https://openhab.org/schemas/";
    /** Root element namespace → schema file. */
    static final Map<String, String> SCHEMA_OF_NAMESPACE = Map.of( //
            SCHEMAS + "addon/v1.0.0", "addon-1.0.0.xsd", //
            SCHEMAS + "thing-description/v1.0.0", "thing-description-1.0.0.xsd", //
            SCHEMAS + "config-description/v1.0.0", "config-description-1.0.0.xsd", //
            SCHEMAS + "update-description/v1.0.0", "update-description-1.0.0.xsd");

    /** Skips the test, with a line saying why, where the schemas are not beside the checkout. */
    static void assumeSchemasArePresent() {
        Assumptions.assumeTrue(Files.isDirectory(API_DIR),
                "skipped: the openHAB schemas are not here (" + API_DIR.toAbsolutePath().normalize()
                        + " is missing; CI checks the project out beside ../shared/openhab-api)");
    }

    @Test
    void everyReleaseHasEveryOpenHabSchema() {
        assumeSchemasArePresent();
        for (String release : RELEASES) {
            for (String xsd : SCHEMA_OF_NAMESPACE.values()) {
                Path schema = API_DIR.resolve(release).resolve("schema").resolve(xsd);
                assertTrue(Files.isRegularFile(schema), "missing " + schema);
            }
        }
    }

    @TestFactory
    List<DynamicTest> everyOhInfFileIsValidOnEveryRelease() throws IOException {
        assumeSchemasArePresent();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(OH_INF)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".properties")).sorted()
                    .toList();
        }
        assertFalse(files.isEmpty(), "no OH-INF files under " + OH_INF);
        List<DynamicTest> tests = new ArrayList<>();
        for (String release : RELEASES) {
            Path schemas = API_DIR.resolve(release).resolve("schema");
            for (Path file : files) {
                tests.add(DynamicTest.dynamicTest(release + " " + OH_INF.relativize(file),
                        () -> validate(file, release, schemas)));
            }
        }
        return tests;
    }

    private static void validate(Path file, String release, Path schemas) throws Exception {
        assertTrue(Files.isDirectory(schemas), "no schemas of openHAB " + release + " in " + schemas);
        String namespace = rootNamespace(file);
        String xsd = SCHEMA_OF_NAMESPACE.get(namespace);
        assertNotNull(xsd, OH_INF.relativize(file) + ": root element namespace " + namespace + " is none of openHAB's "
                + SCHEMA_OF_NAMESPACE.keySet());
        Validator validator = schema(schemas, xsd).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            validator.validate(new StreamSource(file.toFile()));
        } catch (SAXParseException e) {
            fail("openHAB " + release + " rejects " + OH_INF.relativize(file) + " (line " + e.getLineNumber() + "): "
                    + e.getMessage());
        }
    }

    /** The release's schema, its imports of openHAB schema URLs read from the same folder and nothing fetched. */
    static Schema schema(Path schemas, String xsd) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .getDOMImplementation();
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            if (systemId == null || !systemId.startsWith(SCHEMAS)) {
                return null; // a relative or local reference: ACCESS_EXTERNAL_SCHEMA allows files only
            }
            Path local = schemas.resolve(systemId.substring(SCHEMAS.length()));
            if (!Files.isRegularFile(local)) {
                throw new IllegalStateException("schema import " + systemId + " has no local copy " + local);
            }
            LSInput input = ls.createLSInput();
            input.setSystemId(local.toUri().toString());
            input.setPublicId(publicId);
            try {
                input.setByteStream(Files.newInputStream(local));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return input;
        });
        return factory.newSchema(new StreamSource(schemas.resolve(xsd).toFile()));
    }

    private static @Nullable String rootNamespace(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(file)) {
            Document document = factory.newDocumentBuilder().parse(in);
            return document.getDocumentElement().getNamespaceURI();
        }
    }
}
