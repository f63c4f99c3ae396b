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
package org.openhab.binding.tuyaintercom.internal.framework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;

/**
 * A bundle for unit tests whose entries are the files of folders: the first folder is the host's content, the others
 * stand for attached fragments (as {@code Bundle.findEntries} sees host and fragments). Only {@code findEntries} is
 * answered; every other method fails (see {@link InterfaceDouble}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class FolderBundle {
    private final List<Path> folders;

    private FolderBundle(List<Path> folders) {
        this.folders = folders;
    }

    public static Bundle of(Path... folders) {
        return InterfaceDouble.of(Bundle.class, new FolderBundle(List.of(folders)));
    }

    /** The entries below {@code path} whose name matches the pattern ({@code *} for any characters). */
    public @Nullable Enumeration<URL> findEntries(String path, String filePattern, boolean recurse) {
        Pattern names = Pattern.compile(Pattern.quote(filePattern).replace("*", "\\E.*\\Q"));
        List<URL> found = new ArrayList<>();
        for (Path folder : folders) {
            Path start = folder.resolve(path.startsWith("/") ? path.substring(1) : path);
            if (!Files.isDirectory(start)) {
                continue;
            }
            try (Stream<Path> files = recurse ? Files.walk(start) : Files.list(start)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (names.matcher(file.getFileName().toString()).matches()) {
                        found.add(file.toUri().toURL());
                    }
                }
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found.isEmpty() ? null : Collections.enumeration(found);
    }

    @Override
    public String toString() {
        return "FolderBundle" + folders;
    }
}
