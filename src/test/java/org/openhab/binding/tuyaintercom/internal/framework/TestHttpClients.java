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

import java.nio.file.Path;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.openhab.core.io.net.http.HttpClientFactory;

/**
 * openHAB's shared HTTP client as the tests have it: a real Jetty 9.4 {@link HttpClient}, started, whose TLS trusts
 * the simulator's test CA only (the trust store of {@code SimTls}) and checks host names, as openHAB's common client
 * does with the public CAs; and an {@link HttpClientFactory} that hands it out as
 * {@link HttpClientFactory#getCommonHttpClient()} (a proxy: the real interface has more methods, whose types differ
 * between releases). Its thread pool has a fixed size, so that thread counts before and after a test compare.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TestHttpClients {
    /** The service interface under which the factory is registered in a framework. */
    public static final String[] FACTORY_SERVICE = { HttpClientFactory.class.getName() };
    /** Threads of the client's pool (openHAB's common client: 10 to 40). */
    static final int THREADS = 10;

    private static @Nullable HttpClient common;

    private TestHttpClients() {
    }

    /** The client the tests of this JVM share, started on first use; never stopped (like openHAB's). */
    public static synchronized HttpClient common(Path trustStore, String password) {
        HttpClient client = common;
        if (client == null) {
            client = started(trustStore, password, "test-http-common");
            common = client;
        }
        return client;
    }

    /** A new started client trusting the given PKCS#12 trust store; the caller stops it. */
    public static HttpClient started(Path trustStore, String password, String name) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setTrustStorePath(trustStore.toAbsolutePath().toString());
        tls.setTrustStorePassword(password);
        tls.setTrustStoreType("PKCS12");
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        HttpClient client = new HttpClient(tls);
        QueuedThreadPool pool = new QueuedThreadPool(THREADS, THREADS);
        pool.setName(name);
        pool.setDaemon(true);
        client.setExecutor(pool);
        client.setScheduler(new ScheduledExecutorScheduler(name + "-scheduler", true));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the test HTTP client does not start", e);
        }
        return client;
    }

    /** A factory whose common client is the one given. */
    public static HttpClientFactory factory(HttpClient client) {
        return InterfaceDouble.of(HttpClientFactory.class, new Common(client));
    }

    /** The test object behind {@link #factory(HttpClient)}. */
    public static final class Common {
        private final HttpClient client;

        Common(HttpClient client) {
            this.client = client;
        }

        public HttpClient getCommonHttpClient() {
            return client;
        }
    }
}
