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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

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

/**
 * The simulated Tuya message service: a real MQTT broker (embedded Moquette) on loopback that admits only the
 * credentials the simulated cloud issued, lets each credential read and write only its own topics, and hands what
 * clients publish to the simulator.
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

    private volatile int port;
    private final java.nio.file.Path dataPath;
    private final Access access;
    private final List<BiConsumer<String, byte[]>> publishListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, Boolean>> connectListeners = new CopyOnWriteArrayList<>();
    private @Nullable Server server;
    private boolean startedOnce;

    public SimBroker(Access access) throws IOException {
        this.access = access;
        this.dataPath = java.nio.file.Files.createTempDirectory("sim-broker-");
        dataPath.toFile().deleteOnExit();
        this.port = freePort();
    }

    private static int freePort() throws IOException {
        return TestPorts.free();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
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
                port = freePort();
            }
        }
    }

    private void startOnPort() throws IOException {
        if (server != null) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", "false");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("netty.mqtt.message_size", Integer.toString(64 * 1024));
        properties.setProperty("immediate_buffer_flush", "true");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("data_path", dataPath.toString());
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
        }), null, authenticator, authorizator);
        server = broker;
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
