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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The one sanitiser for text from the network (cloud messages, OpenAPI and web responses, HTTP requests, exception
 * messages that quote them) before it reaches a log line. Characters that could forge or disguise a line are escaped
 * as {@code \}{@code uXXXX}: C0 controls (LF, CR, NUL, TAB, ESC…), DEL, C1 controls (NEL…), the line and paragraph
 * separators U+2028/U+2029, and invisible format characters, bidi controls among them (U+200E/F, U+061C,
 * U+202A–U+202E, U+2066–U+2069). A backslash becomes {@code \\}, so the escaping cannot be imitated. The result is at
 * most {@link #MAX_LENGTH} characters plus {@code …}.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class LogText {
    static final int MAX_LENGTH = 200;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LogText() {
    }

    public static String safe(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
        int i = 0;
        while (i < text.length() && out.length() < MAX_LENGTH) {
            int c = text.codePointAt(i);
            int units = Character.charCount(c);
            if (c == '\\') {
                out.append("\\\\");
            } else if (mustEscape(c)) {
                for (int k = i; k < i + units; k++) {
                    escape(text.charAt(k), out);
                }
            } else {
                out.appendCodePoint(c);
            }
            i += units;
        }
        if (i < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    /** Whether the code point could break, hide or reorder a log line. */
    static boolean mustEscape(int c) {
        if (Character.isISOControl(c)) {
            return true; // C0, DEL, C1 (NEL)
        }
        return switch (Character.getType(c)) {
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    private static void escape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
