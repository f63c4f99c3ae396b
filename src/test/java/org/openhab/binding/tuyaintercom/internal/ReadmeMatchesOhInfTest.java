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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * README.md is the user's manual: its parameter tables (section "Thing Configuration") and its channel table (section
 * "Channels") must list exactly the parameters and channels of {@code OH-INF/}, with their type, whether they are
 * required, their default, read/write and whether they are advanced. A table ends at its first line that is not a
 * table row, so a blank line inside a table shows as missing rows.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class ReadmeMatchesOhInfTest {
    private static final Path README = Path.of("README.md");
    private static final Path CONFIG = OhInfSchemaTest.OH_INF.resolve("config").resolve("config.xml");
    private static final Path THING_TYPES = OhInfSchemaTest.OH_INF.resolve("thing").resolve("thing-types.xml");

    /** A parameter as README documents it and as OH-INF declares it. */
    record Parameter(String type, boolean required, String defaultValue, boolean advanced) {
    }

    /** A channel as README documents it and as OH-INF declares it. */
    record Channel(String type, String access, boolean advanced) {
    }

    @Test
    void everyParameterOfEveryThingTypeIsInItsReadmeTable() throws Exception {
        Map<String, String> headings = Map.of( //
                "bridge-type:tuyaintercom:account", "### `account` (bridge)", //
                "bridge-type:tuyaintercom:smartaccount", "### `smartaccount` (bridge)", //
                "thing-type:tuyaintercom:panel", "### `panel`");
        Document config = parse(CONFIG);
        NodeList descriptions = config.getElementsByTagName("config-description");
        assertEquals(headings.size(), descriptions.getLength(), "a README table for every config description");
        List<String> readme = Files.readAllLines(README);
        for (int i = 0; i < descriptions.getLength(); i++) {
            Element description = (Element) descriptions.item(i);
            String uri = description.getAttribute("uri");
            String heading = headings.get(uri);
            assertNotNull(heading, "no README table is known for " + uri);
            Map<String, Parameter> declared = new LinkedHashMap<>();
            for (Element parameter : children(description, "parameter")) {
                declared.put(parameter.getAttribute("name"),
                        new Parameter(parameter.getAttribute("type"), "true".equals(parameter.getAttribute("required")),
                                text(parameter, "default"), "true".equals(text(parameter, "advanced"))));
            }
            Map<String, Parameter> documented = new LinkedHashMap<>();
            for (List<String> row : table(readme, heading)) {
                assertEquals(5, row.size(), heading + ": a row of 5 cells: " + row);
                documented.put(code(row.get(0)), new Parameter(row.get(1), "yes".equals(row.get(2)), code(row.get(3)),
                        row.get(4).toLowerCase(Locale.ROOT).contains("advanced")));
            }
            assertEquals(declared, documented, heading + " in README.md against " + uri + " in config.xml");
        }
    }

    @Test
    void everyChannelOfThePanelIsInTheReadmeChannelTable() throws Exception {
        Document thingTypes = parse(THING_TYPES);
        Map<String, Element> channelTypes = new LinkedHashMap<>();
        for (Element channelType : children(thingTypes.getDocumentElement(), "channel-type")) {
            channelTypes.put(channelType.getAttribute("id"), channelType);
        }
        Element panel = children(thingTypes.getDocumentElement(), "thing-type").get(0);
        Map<String, Channel> declared = new LinkedHashMap<>();
        for (Element channel : children(children(panel, "channels").get(0), "channel")) {
            Element type = channelTypes.get(channel.getAttribute("typeId"));
            assertNotNull(type, "channel type of " + channel.getAttribute("id"));
            declared.put(channel.getAttribute("id"), declaredChannel(type));
        }
        Map<String, Channel> documented = new LinkedHashMap<>();
        for (List<String> row : table(Files.readAllLines(README), "## Channels")) {
            assertEquals(4, row.size(), "## Channels: a row of 4 cells: " + row);
            documented.put(code(row.get(0)),
                    new Channel(row.get(1), row.get(2), row.get(3).toLowerCase(Locale.ROOT).contains("(advanced)")));
        }
        assertEquals(declared, documented, "the README channel table against thing-types.xml");
    }

    /** Type as README names it (the item type, or Trigger), R, W or R/W (none for a trigger), advanced. */
    private static Channel declaredChannel(Element type) {
        boolean advanced = "true".equals(type.getAttribute("advanced"));
        if ("trigger".equals(text(type, "kind"))) {
            return new Channel("Trigger", "", advanced);
        }
        List<Element> states = children(type, "state");
        boolean readOnly = !states.isEmpty() && "true".equals(states.get(0).getAttribute("readOnly"));
        boolean commandOnly = states.isEmpty() && !children(type, "command").isEmpty();
        String access = readOnly ? "R" : commandOnly ? "W" : "R/W";
        return new Channel(text(type, "item-type"), access, advanced);
    }

    /**
     * The rows (without header and separator) of the first table after a heading line, as trimmed cells; the table
     * ends at the first line that does not start with {@code |}.
     */
    static List<List<String>> table(List<String> lines, String heading) {
        int at = lines.indexOf(heading);
        assertTrue(at >= 0, "README.md has no heading " + heading);
        int start = at + 1;
        while (start < lines.size() && !lines.get(start).startsWith("|")) {
            assertFalse(lines.get(start).startsWith("#"), heading + " has no table before the next heading");
            start++;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i).trim();
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                cells.add(cell.trim());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** A cell's text without the backticks around it. */
    private static String code(String cell) {
        return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(localName(element))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String localName(Element element) {
        String name = element.getTagName();
        return name.substring(name.indexOf(':') + 1);
    }

    /** The trimmed text of the first child element of that name, or "" when there is none. */
    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }
}
