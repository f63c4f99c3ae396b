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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import javax.net.ssl.KeyManagerFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.tuyaintercom.internal.test.TestPorts;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

/**
 * The simulated Tuya message service: a real MQTT broker (embedded Moquette) on loopback that admits only the
 * credentials the simulated cloud issued, lets each credential read and write only its own topics, and hands what
 * clients publish to the simulator. Like the real one it speaks MQTT over TLS ({@code ssl://localhost:<port>}) and
 * over WebSocket/TLS ({@code wss://localhost:<port>/mqtt}), never plain; its certificate comes from the test CA
 * ({@link SimTls}). Tests can make it present another certificate ({@link #identity}) or refuse one of the two
 * transports ({@link #transports}).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimBroker {
    /** Decides who may connect and what they may read and write. */
    public interface Access {
        boolean mayConnect(String clientId, String username, String password);

        boolean mayRead(String topic, String username);

        boolean mayWrite(String topic, String username);
    }

    private volatile int sslPort;
    private volatile int wssPort;
    private volatile SimTls.Identity identity = SimTls.Identity.TRUSTED;
    private volatile boolean sslServed = true;
    private volatile boolean wssServed = true;
    private final java.nio.file.Path dataPath;
    private final Access access;
    private final List<BiConsumer<String, byte[]>> publishListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, Boolean>> connectListeners = new CopyOnWriteArrayList<>();
    private @Nullable Server server;
    private boolean startedOnce;

    public SimBroker(Access access) throws IOException {
        SimTls.trustTestCaIfUnset(); // run outside Maven (an IDE): the clients of this JVM trust the test CA
        this.access = access;
        this.dataPath = java.nio.file.Files.createTempDirectory("sim-broker-");
        dataPath.toFile().deleteOnExit();
        this.sslPort = freePort();
        this.wssPort = freePort();
    }

    private static int freePort() throws IOException {
        return TestPorts.free();
    }

    /** The port of MQTT over TLS. */
    public int sslPort() {
        return sslPort;
    }

    /** The port of MQTT over WebSocket/TLS (path {@code /mqtt}). */
    public int wssPort() {
        return wssPort;
    }

    /** The host name the certificate names, as the cloud names its brokers. */
    public String host() {
        return "localhost";
    }

    /** The address the cloud hands out: MQTT over TLS. */
    public String url() {
        return "ssl://" + host() + ":" + sslPort;
    }

    public String wssUrl() {
        return "wss://" + host() + ":" + wssPort + "/mqtt";
    }

    /**
     * The certificate the broker presents from its next start on; restarts it (keeping its ports) when it runs, which
     * drops every connection.
     */
    public void identity(SimTls.Identity presented) throws IOException {
        identity = presented;
        restartIfRunning();
    }

    /**
     * Which transports the broker serves from its next start on (a refused one's port is closed: connections are
     * refused); restarts it (keeping its ports) when it runs, which drops every connection.
     */
    public void transports(boolean ssl, boolean wss) throws IOException {
        sslServed = ssl;
        wssServed = wss;
        restartIfRunning();
    }

    private synchronized void restartIfRunning() throws IOException {
        if (server != null) {
            stop();
            start();
        }
    }

    /**
     * Starts the broker; on its first start another free port is tried when the chosen one was taken meanwhile (the
     * machine is shared), a restart keeps the port clients know.
     */
    public synchronized void start() throws IOException {
        for (int attempt = 1;; attempt++) {
            try {
                startOnPort();
                startedOnce = true;
                return;
            } catch (RuntimeException e) {
                if (startedOnce || attempt >= 5 || !String.valueOf(e.getMessage()).contains("Cannot bind")) {
                    throw e;
                }
                sslPort = freePort();
                wssPort = freePort();
            }
        }
    }

    private void startOnPort() throws IOException {
        if (server != null) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", "disabled");
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("ssl_port", sslServed ? Integer.toString(sslPort) : "disabled");
        properties.setProperty("secure_websocket_port", wssServed ? Integer.toString(wssPort) : "disabled");
        properties.setProperty("websocket_path", "/mqtt");
        properties.setProperty("allow_anonymous", "false");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("netty.mqtt.message_size", Integer.toString(64 * 1024));
        properties.setProperty("immediate_buffer_flush", "true");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("data_path", dataPath.toString());
        SslContext tls = serverTls(identity);
        Server broker = new Server();
        IAuthenticator authenticator = (clientId, username, password) -> username != null && password != null
                && access.mayConnect(clientId, username, new String(password, StandardCharsets.UTF_8));
        IAuthorizatorPolicy authorizator = new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(@Nullable Topic topic, @Nullable String user, @Nullable String client) {
                return topic != null && user != null && access.mayWrite(topic.toString(), user);
            }

            @Override
            public boolean canRead(@Nullable Topic topic, @Nullable String user, @Nullable String client) {
                return topic != null && user != null && access.mayRead(topic.toString(), user);
            }
        };
        broker.startServer(new MemoryConfig(properties), List.of(new AbstractInterceptHandler() {
            @Override
            public String getID() {
                return "tuya-simulator";
            }

            @Override
            public void onPublish(@Nullable InterceptPublishMessage message) {
                if (message != null) {
                    byte[] payload = ByteBufUtil.getBytes(message.getPayload());
                    publishListeners.forEach(listener -> listener.accept(message.getTopicName(), payload));
                }
            }

            @Override
            public void onConnect(@Nullable InterceptConnectMessage message) {
                if (message != null) {
                    connectListeners
                            .forEach(listener -> listener.accept(message.getClientID(), message.isCleanSession()));
                }
            }

            @Override
            public void onSessionLoopError(@Nullable Throwable error) {
            }
        }), () -> tls, authenticator, authorizator);
        server = broker;
    }

    /** The TLS side of the broker with the key and certificate chain of an identity from {@link SimTls}. */
    private static SslContext serverTls(SimTls.Identity identity) throws IOException {
        try (InputStream in = Files.newInputStream(SimTls.keyStore(identity))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = SimTls.PASSWORD.toCharArray();
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            return SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK).build();
        } catch (GeneralSecurityException e) {
            throw new IOException("the simulator's test certificate cannot be used", e);
        }
    }

    public synchronized void stop() {
        Server broker = server;
        server = null;
        if (broker != null) {
            broker.stopServer();
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Calls the listener with the topic and payload of every message a client publishes. */
    public void onPublish(BiConsumer<String, byte[]> listener) {
        publishListeners.add(listener);
    }

    /** Calls the listener with the client id and the clean-session flag of every accepted connection. */
    public void onConnect(BiConsumer<String, Boolean> listener) {
        connectListeners.add(listener);
    }

    /** Publishes as the cloud (QoS 1) to whoever subscribed the topic. */
    public void publish(String topic, byte[] payload) {
        Server broker;
        synchronized (this) {
            broker = server;
        }
        if (broker == null) {
            return;
        }
        MqttPublishMessage message = new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.AT_LEAST_ONCE, false, 0),
                new MqttPublishVariableHeader(topic, 0), Unpooled.copiedBuffer(payload));
        // one reference more than Moquette 0.17 hands back: when a clean session is discarded with this message in
        // flight it releases the shared buffer once too often, which killed its session event loop (a heap buffer:
        // the garbage collector frees it)
        message.retain();
        broker.internalPublish(message, "tuya-cloud");
    }

    public void disconnect(String clientId) {
        Server broker;
        synchronized (this) {
            broker = server;
        }
        if (broker != null) {
            broker.disconnectClient(clientId);
        }
    }

    public List<String> connectedClients() {
        Server broker;
        synchronized (this) {
            broker = server;
        }
        return broker == null ? List.of() : broker.listConnectedClients().stream().map(c -> c.getClientID()).toList();
    }
}
