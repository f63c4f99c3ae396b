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
package org.openhab.binding.tuyaintercom.internal.test;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the binding logs while it is open: the tests' logging (slf4j-simple) writes each line to {@code System.err}
 * when it is logged, so this tees {@code System.err} into a buffer. It can switch single loggers to TRACE (test
 * runs log the binding at DEBUG). Also judges the log as someone reading it would: a line that carries a marker of
 * network text must be a line of the binding's logger, and must hold no character that ends, hides or reorders text.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class LogCapture implements AutoCloseable {
    /** The start of every line slf4j-simple writes for the binding: {@code [thread] LEVEL logger - message}. */
    private static final Pattern BINDING_LINE = Pattern.compile(
            "^\\[[^\\]\\n]*\\] (TRACE|DEBUG|INFO|WARN|ERROR) org\\.openhab\\.binding\\.tuyaintercom\\.\\S+ - ");
    private static final int TRACE = 0;
    private static final String BINDING = "org.openhab.binding.tuyaintercom";
    private static final String BINDING_LEVEL = "org.slf4j.simpleLogger.log." + BINDING;

    /**
     * Every character the tests send through the log sites: C0 (LF, CR, NUL, TAB, ESC, VT, FF), DEL, C1 (NEL, CSI),
     * the line and paragraph separators, the bidi controls, and two other invisible format characters.
     */
    public static final List<Character> DANGEROUS = List.of('\n', '\r', '\u0000', '\t', '\u001b', '\u000b', '\u000c',
            '\u007f', '\u0080', '\u0085', '\u009b', '\u009f', '\u2028', '\u2029', '\u200e', '\u200f', '\u061c',
            '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff',
            '\u200b');

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Map<Logger, Integer> levels = new LinkedHashMap<>();
    private boolean wholeBinding;
    private @Nullable String bindingLevelBefore;

    private LogCapture() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /** Captures from now on; the loggers of these classes log at TRACE until {@link #close()}. */
    public static LogCapture start(Class<?>... tracedClasses) {
        LogCapture capture = new LogCapture();
        for (Class<?> type : tracedClasses) {
            capture.trace(LoggerFactory.getLogger(type));
        }
        return capture;
    }

    /**
     * Captures from now on; every logger of the binding logs at TRACE until {@link #close()}: the ones created so far
     * (found in slf4j-simple's logger map) and the ones created later (slf4j-simple's level property).
     */
    public static LogCapture startWholeBinding() {
        LogCapture capture = new LogCapture();
        capture.wholeBinding = true;
        capture.bindingLevelBefore = System.getProperty(BINDING_LEVEL);
        System.setProperty(BINDING_LEVEL, "trace");
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        try {
            Field map = factory.getClass().getDeclaredField("loggerMap");
            map.setAccessible(true);
            ((Map<?, ?>) map.get(factory)).forEach((name, logger) -> {
                if (String.valueOf(name).startsWith(BINDING) && logger instanceof Logger bindingLogger) {
                    capture.trace(bindingLogger);
                }
            });
        } catch (ReflectiveOperationException e) {
            fail("the test logging is not slf4j-simple: " + factory.getClass().getName());
        }
        return capture;
    }

    private void trace(Logger logger) {
        try {
            Field level = levelField(logger.getClass());
            level.setAccessible(true);
            levels.put(logger, level.getInt(logger));
            level.setInt(logger, TRACE);
        } catch (ReflectiveOperationException e) {
            fail("the test logging is not slf4j-simple: " + logger.getClass().getName());
        }
    }

    private static Field levelField(Class<?> type) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField("currentLogLevel");
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new NoSuchFieldException("currentLogLevel");
    }

    public String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    /** Every line captured so far. */
    public List<String> lines() {
        return text().lines().toList();
    }

    /** How the binding writes a dangerous character into a log line: {@code \\u} and four hex digits. */
    public static String escaped(char c) {
        return String.format("\\u%04X", (int) c);
    }

    /** Waits (bounded) until the log contains the fragment. */
    public void await(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!text().contains(fragment)) {
            if (System.nanoTime() > deadline) {
                fail("not logged within " + timeout + ": " + fragment);
            }
            Thread.sleep(10);
        }
    }

    /** Whether a character may not reach a log line as it is: C0, DEL, C1, U+2028/2029, format (bidi) characters. */
    public static boolean dangerous(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }

    /**
     * The problems of the lines (split at LF, the only line end slf4j-simple writes here) that contain the marker: a
     * line that is not a line of the binding (a forged one), or one with a raw dangerous character.
     */
    public static List<String> forgeries(String log, String marker) {
        List<String> problems = new ArrayList<>();
        for (String line : log.split("\n", -1)) {
            if (!line.contains(marker)) {
                continue;
            }
            if (!BINDING_LINE.matcher(line).find()) {
                problems.add("forged line: " + visible(line));
            }
            line.codePoints().filter(LogCapture::dangerous).findFirst()
                    .ifPresent(c -> problems.add(String.format("raw U+%04X in: %s", c, visible(line))));
        }
        return problems;
    }

    /** A line with its dangerous characters shown, for assertion messages. */
    private static String visible(String line) {
        StringBuilder out = new StringBuilder();
        line.codePoints().forEach(c -> {
            if (dangerous(c)) {
                out.append(String.format("<U+%04X>", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
        if (wholeBinding) {
            String before = bindingLevelBefore;
            if (before == null) {
                System.clearProperty(BINDING_LEVEL);
            } else {
                System.setProperty(BINDING_LEVEL, before);
            }
        }
        levels.forEach((logger, level) -> {
            try {
                Field field = levelField(logger.getClass());
                field.setAccessible(true);
                field.setInt(logger, level);
            } catch (ReflectiveOperationException e) {
                // set above, so present
            }
        });
    }
}
