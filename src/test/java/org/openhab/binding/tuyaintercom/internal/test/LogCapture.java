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

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line the binding writes while it is open, at every level (TRACE included): the tests log through
 * slf4j-simple, which writes to the current {@code System.err}; the capture puts a copy of that stream in place (the
 * lines still reach the test report) and lowers the binding's loggers to TRACE, the ones already created too (by
 * reflection on slf4j-simple's logger map and level field), until it is closed.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class LogCapture implements AutoCloseable {
    private static final String BINDING = "org.openhab.binding.tuyaintercom";
    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log." + BINDING;
    private static final int TRACE = 0; // SimpleLogger.LOG_LEVEL_TRACE

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final @Nullable String originalLevel = System.getProperty(LEVEL_PROPERTY);
    private final Map<Logger, Integer> loweredLoggers = new java.util.HashMap<>();

    public LogCapture() {
        System.setProperty(LEVEL_PROPERTY, "trace");
        for (Logger logger : bindingLoggers()) {
            Integer before = level(logger);
            if (before != null) {
                loweredLoggers.put(logger, before);
                setLevel(logger, TRACE);
            }
        }
        System.setErr(new PrintStream(new OutputStream() {
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
        }, true, StandardCharsets.UTF_8));
    }

    /** Every line captured so far. */
    public List<String> lines() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
        if (originalLevel == null) {
            System.clearProperty(LEVEL_PROPERTY);
        } else {
            System.setProperty(LEVEL_PROPERTY, originalLevel);
        }
        loweredLoggers.forEach(LogCapture::setLevel);
    }

    /** The binding's slf4j-simple loggers created so far (empty with another slf4j binding). */
    private static List<Logger> bindingLoggers() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        try {
            Field map = factory.getClass().getDeclaredField("loggerMap");
            map.setAccessible(true);
            Map<?, ?> loggers = (Map<?, ?>) map.get(factory);
            return loggers.entrySet().stream().filter(e -> String.valueOf(e.getKey()).startsWith(BINDING))
                    .map(Map.Entry::getValue).filter(Logger.class::isInstance).map(Logger.class::cast).toList();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of();
        }
    }

    private static @Nullable Integer level(Logger logger) {
        try {
            return levelField(logger).getInt(logger);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static void setLevel(Logger logger, int level) {
        try {
            levelField(logger).setInt(logger, level);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another slf4j binding: its own level applies
        }
    }

    private static Field levelField(Logger logger) throws NoSuchFieldException {
        Field field = logger.getClass().getDeclaredField("currentLogLevel");
        field.setAccessible(true);
        return field;
    }
}
