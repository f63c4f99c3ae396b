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
package org.openhab.binding.tuyaintercom.internal.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.LogText;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Wraps a handler of the simulator's HTTP server so that every request gets an answer: an exception of the handler
 * (a bug of the simulator) gets 500 and a warning with its stack trace, and the exchange is closed only after that.
 * The handlers leave closing to the guard: an exchange closed before its response headers were sent only drops the
 * connection, which is all a client saw of such a bug before. Requests that cannot be parsed never reach a handler:
 * the JDK's server answers them 400 itself; bodies the cloud cannot use get Tuya's refusal (an error code in
 * its envelope) from the handlers.
 * <p>
 * Log lines hold no secret the simulator issued (a refresh token is part of a path) and no raw control character.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class SimHttpGuard implements HttpHandler {
    private final Logger logger = LoggerFactory.getLogger(SimHttpGuard.class);
    private final HttpHandler handler;

    SimHttpGuard(HttpHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            handler.handle(exchange);
        } catch (RuntimeException e) {
            logger.warn("simulator: request {} {} failed", redacted(exchange.getRequestMethod()), request(exchange),
                    withoutSecrets(e));
            answerError(exchange, 500, "simulator error: " + e.getClass().getSimpleName());
        } finally {
            exchange.close();
        }
    }

    /** Answers the status with a JSON error in Tuya's envelope, unless the handler had begun its response. */
    private void answerError(HttpExchange exchange, int status, String message) throws IOException {
        if (exchange.getResponseCode() != -1) {
            // the status line went out already: the connection is closed before the announced body is complete,
            // which the client sees as an error too
            logger.debug("simulator: response {} had begun, closed incomplete", exchange.getResponseCode());
            return;
        }
        byte[] body = TuyaJson.write(TuyaCloudSimulator.failure(status, message)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String request(HttpExchange exchange) {
        return redacted(exchange.getRequestURI().getRawPath());
    }

    /** The text with every secret the simulator issued replaced, and its control characters escaped. */
    static String redacted(String text) {
        String result = text;
        for (String secret : SimSecrets.all()) {
            result = result.replace(secret, "<secret>");
        }
        return LogText.safe(result);
    }

    /** A copy of the exception for the log: the same type name, stack and causes, with redacted messages. */
    private static Throwable withoutSecrets(Throwable e) {
        Throwable copy = new LoggedException(e.getClass().getName() + ": " + redacted(String.valueOf(e.getMessage())));
        copy.setStackTrace(e.getStackTrace());
        Throwable cause = e.getCause();
        if (cause != null) { // getCause() is null where an exception is its own cause
            copy.initCause(withoutSecrets(cause));
        }
        return copy;
    }

    /** Carries a redacted exception into the log. */
    private static final class LoggedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoggedException(String description) {
            super(description);
        }

        @Override
        public String toString() {
            return String.valueOf(getMessage()); // the original type is part of the message
        }
    }
}
