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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The RTSP side of the simulated live stream service: the {@code rtsps://} addresses that {@code allocate} hands out
 * for {@code "type":"rtsp"} ({@code rtsps://<host>:<port>/v1/<device>/<token>}, the path form of the real cloud's
 * addresses) are served here over TLS with the test CA's certificate. It answers {@code OPTIONS}, {@code DESCRIBE}
 * (an SDP with one H.264 video and one PCMA audio track), {@code SETUP} over TCP (interleaved; UDP gets 461),
 * {@code PLAY}, {@code GET_PARAMETER} and {@code TEARDOWN} while the address is valid, and 404 once it expired or for
 * an address it never issued. It sends no media: clients see a stream that is set up but silent.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class SimRtspServer implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int MAX_LINE = 4096;
    private static final int MAX_HEADERS = 64;

    private final Predicate<String> validToken;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "sim-rtsp");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger sessions = new AtomicInteger(1000);
    private final AtomicInteger requests = new AtomicInteger();

    /** Listens on loopback; {@code validToken} tells whether the token in an address is one of a valid address. */
    SimRtspServer(Predicate<String> validToken) throws IOException {
        this.validToken = validToken;
        this.server = SimTls.serverContext(SimTls.Identity.TRUSTED).getServerSocketFactory().createServerSocket(0, 20,
                InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "sim-rtsp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many RTSP requests were answered. */
    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closed anyway
        }
        connections.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setSoTimeout(READ_TIMEOUT_MS);
                connections.execute(() -> serve(socket));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            while (true) {
                String requestLine = readLine(reader);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line = readLine(reader); line != null && !line.isEmpty(); line = readLine(reader)) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && headers.size() < MAX_HEADERS) {
                        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                line.substring(colon + 1).trim());
                    }
                }
                long length = parseLength(headers.get("content-length"));
                if (length > 0 && reader.skip(Math.min(length, 64 * 1024)) < 0) {
                    return;
                }
                requests.incrementAndGet();
                boolean goOn = answer(requestLine, headers, out);
                out.flush();
                if (!goOn) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client left, timed out or spoke no TLS
        }
    }

    /** Answers one request; false when the connection is to close. */
    private boolean answer(String requestLine, Map<String, String> headers, OutputStream out) throws IOException {
        String[] parts = requestLine.split(" ");
        String cseq = headers.getOrDefault("cseq", "0");
        if (parts.length != 3 || !parts[2].startsWith("RTSP/1.")) {
            write(out, "400 Bad Request", cseq, "", "");
            return false;
        }
        String method = parts[0];
        String url = parts[1];
        if ("OPTIONS".equals(method)) {
            write(out, "200 OK", cseq, "Public: OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN\r\n", "");
            return true;
        }
        String token = token(url);
        if (token == null || !validToken.test(token)) {
            write(out, "404 Not Found", cseq, "", "");
            return !"TEARDOWN".equals(method);
        }
        String session = headers.getOrDefault("session", "").split(";")[0];
        switch (method) {
            case "DESCRIBE" -> {
                String base = url.endsWith("/") ? url : url + "/";
                String sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=Tuya simulator\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                        + "a=control:*\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                        + "a=fmtp:96 packetization-mode=1;profile-level-id=42e01f\r\na=control:trackID=0\r\n"
                        + "m=audio 0 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=control:trackID=1\r\n";
                write(out, "200 OK", cseq, "Content-Base: " + base + "\r\nContent-Type: application/sdp\r\n", sdp);
            }
            case "SETUP" -> {
                String transport = headers.getOrDefault("transport", "");
                if (!transport.contains("TCP")) {
                    write(out, "461 Unsupported Transport", cseq, "", "");
                } else {
                    String id = session.isEmpty() ? Integer.toString(sessions.incrementAndGet()) : session;
                    int channel = url.contains("trackID=1") ? 2 : 0;
                    write(out, "200 OK", cseq, "Transport: RTP/AVP/TCP;unicast;interleaved=" + channel + "-"
                            + (channel + 1) + "\r\nSession: " + id + ";timeout=60\r\n", "");
                }
            }
            case "PLAY" -> write(out, "200 OK", cseq, "Session: " + session + "\r\nRange: npt=0.000-\r\n", "");
            case "GET_PARAMETER" -> write(out, "200 OK", cseq, "Session: " + session + "\r\n", "");
            case "TEARDOWN" -> {
                write(out, "200 OK", cseq, "", "");
                return false;
            }
            default -> write(out, "501 Not Implemented", cseq, "", "");
        }
        return true;
    }

    /** The token of {@code rtsps://host:port/v1/<device>/<token>[/trackID=n][?…]}, or null. */
    private static @Nullable String token(String url) {
        int path = url.indexOf("/v1/");
        if (path < 0) {
            return null;
        }
        String[] segments = url.substring(path + 4).split("[?]")[0].split("/");
        return segments.length >= 2 && !segments[1].isEmpty() ? segments[1] : null;
    }

    private static void write(OutputStream out, String status, String cseq, String headers, String body)
            throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "RTSP/1.0 " + status + "\r\nCSeq: " + cseq.replaceAll("[\\r\\n]", "")
                + "\r\nServer: tuya-simulator\r\n" + headers
                + (content.length > 0 ? "Content-Length: " + content.length + "\r\n" : "") + "\r\n";
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.write(content);
    }

    private static @Nullable String readLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = reader.read();
            if (c < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new SocketException("line too long");
            }
            line.append((char) c);
        }
    }

    private static long parseLength(@Nullable String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
