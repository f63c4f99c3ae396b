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
package org.openhab.binding.tuyaintercom.internal.tuya.webrtc;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A session description split into its session part and media sections, line by line.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Sdp {
    /** Largest SDP accepted from a browser or a device. */
    public static final int MAX_LENGTH = 32 * 1024;

    /** One m= section: its lines, the first being the m= line. */
    public static final class Media {
        final List<String> lines;

        Media(List<String> lines) {
            this.lines = lines;
        }

        public String kind() {
            String m = lines.get(0);
            int space = m.indexOf(' ');
            return space < 0 ? m.substring(2) : m.substring(2, space);
        }

        public String mid() {
            String mid = attribute("mid");
            return mid == null ? "" : mid;
        }

        public @Nullable String attribute(String name) {
            String prefix = "a=" + name + ":";
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
                if (("a=" + name).equals(line)) {
                    return "";
                }
            }
            return null;
        }

        public boolean isRejected() {
            String[] parts = lines.get(0).split(" ");
            return parts.length > 1 && "0".equals(parts[1]);
        }

        public List<String> lines() {
            return List.copyOf(lines);
        }
    }

    final List<String> session;
    final List<Media> media;

    Sdp(List<String> session, List<Media> media) {
        this.session = session;
        this.media = media;
    }

    public static Sdp parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("SDP of " + text.length() + " characters is too large");
        }
        if (!text.startsWith("v=0")) {
            throw new IllegalArgumentException("not an SDP");
        }
        List<String> session = new ArrayList<>();
        List<Media> media = new ArrayList<>();
        List<String> current = session;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new IllegalArgumentException("malformed SDP line");
            }
            if (line.startsWith("m=")) {
                current = new ArrayList<>();
                media.add(new Media(current));
            }
            current.add(line);
        }
        return new Sdp(session, media);
    }

    public List<Media> media() {
        return List.copyOf(media);
    }

    public @Nullable String sessionAttribute(String name) {
        String prefix = "a=" + name + ":";
        for (String line : session) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        session.forEach(line -> out.append(line).append("\r\n"));
        media.forEach(m -> m.lines.forEach(line -> out.append(line).append("\r\n")));
        return out.toString();
    }
}
