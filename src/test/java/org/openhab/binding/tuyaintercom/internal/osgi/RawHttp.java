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
package org.openhab.binding.tuyaintercom.internal.osgi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * HTTP/1.1 written by hand on a socket, for the security suite: headers that Java's HTTP client will not send
 * ({@code Host}), any method, any header twice, and a raw request target, as a browser after DNS rebinding, a reverse
 * proxy or the openHAB Cloud connector would send them.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class RawHttp {
    record Response(int status, List<String> headers, String body) {
        @Nullable
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst().orElse(null);
        }
    }

    private final int port;
    private final List<String> headers = new ArrayList<>();

    /** A request to the harness's server on 127.0.0.1; {@code Host} is {@code 127.0.0.1:<port>} unless set. */
    RawHttp(int port) {
        this.port = port;
    }

    RawHttp header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    Response send(String method, String target) throws IOException {
        return send(method, target, null);
    }

    /** Sends the request with {@code body} (and its {@code Content-Length}) and reads the whole response. */
    Response send(String method, String target, @Nullable String body) throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (headers.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("host:"))) {
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        headers.forEach(h -> request.append(h).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            return new Response(status, List.of(lines).subList(1, lines.length),
                    end < 0 ? "" : text.substring(end + 4));
        }
    }
}
