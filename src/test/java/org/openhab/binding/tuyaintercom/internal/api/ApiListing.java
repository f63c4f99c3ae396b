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

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A {@code javap -protected} listing of API types: for each type its header line and its member lines.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class ApiListing {
    /** Types outside the packages the real listings cover, allowed only as plain supertypes of covered types. */
    static final Set<String> SUPERTYPE_ONLY = Set.of("org.openhab.core.common.registry.Identifiable");

    record Type(String name, String header, Set<String> members) {
        String packageName() {
            String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
            return outer.substring(0, outer.lastIndexOf('.'));
        }
    }

    private final Map<String, Type> types;
    private final Set<String> packages;

    private ApiListing(Map<String, Type> types, Set<String> packages) {
        this.types = types;
        this.packages = packages;
    }

    static ApiListing load(String version) throws IOException {
        URL folder = ApiListing.class.getResource("/openhab-api/" + version);
        if (folder == null) {
            throw new IOException("missing listing folder openhab-api/" + version + " in the test resources");
        }
        Map<String, Type> types = new LinkedHashMap<>();
        Set<String> packages = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                packages.add(fileName.substring(0, fileName.length() - ".txt".length()));
                try (InputStream in = Files.newInputStream(file)) {
                    types.putAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        return new ApiListing(types, packages);
    }

    static Map<String, Type> parse(String listing) {
        Map<String, Type> types = new LinkedHashMap<>();
        String header = null;
        Set<String> members = new LinkedHashSet<>();
        for (String raw : listing.split("\n")) {
            String line = normalize(raw);
            if (line.isEmpty() || line.startsWith("Compiled from") || "static {};".equals(line)) {
                continue;
            }
            if (header == null && line.endsWith("{")) {
                header = line;
                members = new LinkedHashSet<>();
            } else if (header != null && "}".equals(line)) {
                String name = typeName(header);
                types.put(name, new Type(name, header, members));
                header = null;
            } else if (header != null) {
                members.add(line);
            }
        }
        return types;
    }

    /** javap separates supertypes with ", " or "," depending on generic signatures; compare them alike. */
    static String normalize(String line) {
        return line.trim().replaceAll(",\\s+", ",").replaceAll("\\s+", " ");
    }

    static String typeName(String header) {
        String beforeBrace = header.substring(0, header.length() - 1).trim();
        for (String keyword : List.of("class ", "interface ", "enum ", "record ")) {
            int at = beforeBrace.indexOf(keyword);
            if (at >= 0) {
                String rest = beforeBrace.substring(at + keyword.length());
                int end = rest.length();
                for (String stop : List.of(" ", "<")) {
                    int i = rest.indexOf(stop);
                    if (i >= 0 && i < end) {
                        end = i;
                    }
                }
                return rest.substring(0, end);
            }
        }
        throw new IllegalArgumentException("not a type header: " + header);
    }

    @Nullable
    Type type(String name) {
        return types.get(name);
    }

    /** Lines that describe how the given stand-in types differ from this listing, each naming the type or member. */
    List<String> mismatches(Collection<Type> standIns, String version) {
        List<String> problems = new ArrayList<>();
        for (Type standIn : standIns) {
            if (!standIn.header().startsWith("public ")) {
                continue; // not API: anonymous or package-private helper classes of a stand-in
            }
            if (!packages.contains(standIn.packageName())) {
                if (!SUPERTYPE_ONLY.contains(standIn.name())) {
                    problems.add("[" + version + "] type " + standIn.name() + ": package " + standIn.packageName()
                            + " has no listing (copy it from ../shared/openhab-api/ into the test resources)");
                }
                continue;
            }
            Type real = types.get(standIn.name());
            if (real == null) {
                problems.add("[" + version + "] type " + standIn.name() + " does not exist");
                continue;
            }
            if (!real.header().equals(standIn.header())) {
                problems.add("[" + version + "] type " + standIn.name() + " is declared differently:\n      stand-in: "
                        + standIn.header() + "\n      real:     " + real.header());
            }
            for (String member : standIn.members()) {
                if (!real.members().contains(member)) {
                    problems.add("[" + version + "] member of " + standIn.name() + " not in the real API: " + member);
                }
            }
        }
        return problems;
    }
}
