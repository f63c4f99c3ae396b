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
package org.openhab.binding.tuyaintercom.internal.tuya.mqtt;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openhab.binding.tuyaintercom.internal.tuya.api.MqttAccessConfig;

/**
 * How a connection to Tuya's message service is made: the broker addresses of an access tried in turn (the web
 * client's {@code ssl://} form first, then its {@code wss://} one), TLS with the JVM's default trust store and the
 * host-name check on, MQTT 3.1.1, a clean session; and what a failed connection attempt is told as. There is no
 * option to skip a check: a broker the JVM does not trust, or whose certificate names another host, is refused.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
final class MqttTransport {
    static final int KEEP_ALIVE_SECONDS = 60;
    static final int MAX_INFLIGHT = 100;

    private MqttTransport() {
    }

    /** The options of one connection with the access given; each address is given {@code timeout} to connect. */
    static MqttConnectOptions options(MqttAccessConfig access, Duration timeout) {
        MqttConnectOptions options = new MqttConnectOptions();
        List<String> urls = access.urls();
        if (urls.size() > 1) {
            options.setServerURIs(urls.toArray(String[]::new)); // Paho tries them in order until one connects
        }
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1); // not 3.1 as well: one try per address
        options.setHttpsHostnameVerificationEnabled(true); // the certificate must name the host
        options.setUserName(access.username());
        options.setPassword(access.password().toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout((int) timeout.toSeconds());
        options.setMaxInflight(MAX_INFLIGHT);
        return options;
    }

    /** How long connecting may take in all: each address its connection timeout and its TLS handshake. */
    static Duration connectWait(MqttAccessConfig access, Duration timeout) {
        return timeout.multipliedBy(2L * access.urls().size());
    }

    /**
     * What went wrong, for the thing's status and the log: a refused TLS certificate says why, anything else Paho's
     * reason and its cause. Certificate subjects and host names only, never credentials.
     */
    static String describe(MqttException e) {
        boolean untrusted = false;
        boolean wrongName = false;
        boolean handshake = false;
        String detail = "";
        int depth = 0;
        for (Throwable t = e.getCause(); t != null && depth < 10; t = t.getCause(), depth++) {
            untrusted |= t instanceof CertPathBuilderException || t instanceof CertPathValidatorException;
            wrongName |= t instanceof CertificateException
                    && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("nam");
            handshake |= t instanceof SSLException;
            String message = t.getMessage();
            if (message != null) {
                detail = message;
            }
        }
        String reason = untrusted ? "TLS refused: the broker's certificate is not signed by a trusted CA"
                : wrongName ? "TLS refused: the broker's certificate does not name its host"
                        : handshake ? "TLS handshake failed" : String.valueOf(e.getMessage());
        return detail.isEmpty() || detail.equals(reason) ? reason : reason + " (" + detail + ")";
    }
}
