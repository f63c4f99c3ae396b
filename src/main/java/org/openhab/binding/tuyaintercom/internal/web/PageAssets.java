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
package org.openhab.binding.tuyaintercom.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The static files of the pages ({@code web/call.js}, {@code web/call.css}, {@code web/invalid-link.css}), served at
 * {@code /tuyaintercom/assets/<version>/<name>}. They carry no secret and need no credential; the version is a hash of
 * their contents, so a browser keeps them as long as it likes and an upgrade of the binding is picked up at once.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class PageAssets {
    /** The path below the servlet's. */
    static final String PATH = "assets";
    /** A versioned file never changes: kept a year, never revalidated. */
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    /** One file: its bytes and its content type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> assets;
    private final String version;

    PageAssets() {
        assets = Map.of("call.js", new Asset(resource("/web/call.js"), "text/javascript;charset=utf-8"), "call.css",
                new Asset(resource("/web/call.css"), "text/css;charset=utf-8"), "invalid-link.css",
                new Asset(resource("/web/invalid-link.css"), "text/css;charset=utf-8"));
        version = hash(assets);
    }

    /** The version of the files, part of their paths. */
    String version() {
        return version;
    }

    /** The path of a file relative to a page below {@code /tuyaintercom/<kind>/}. */
    String relativePath(String name) {
        return "../" + PATH + "/" + version + "/" + name;
    }

    /** The file of this name in this version, null for another version or an unknown name. */
    @Nullable
    Asset get(String requestedVersion, String name) {
        return version.equals(requestedVersion) ? assets.get(name) : null;
    }

    static byte[] resource(String path) {
        try (InputStream in = PageAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(Map<String, Asset> assets) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            assets.keySet().stream().sorted().forEach(name -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(assets.get(name).bytes());
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
