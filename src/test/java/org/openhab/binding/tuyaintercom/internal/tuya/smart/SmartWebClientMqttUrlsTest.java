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
package org.openhab.binding.tuyaintercom.internal.tuya.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

/**
 * The web client's broker addresses from the {@code domain} block of the sign-in: MQTT over TLS first, WebSocket/TLS
 * second, only TLS whatever the sign-in's other hosts are, nothing for a host that is no host name.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class SmartWebClientMqttUrlsTest {

    @Test
    void theRealCloudsDomainGivesSslThenWssOnPort443() {
        assertEquals(List.of("ssl://m1.tuyaeu.com:8883", "wss://m1.tuyaeu.com/mqtt"),
                SmartWebClient.mqttUrls(
                        TuyaJson.parse("{\"mobileMqttsUrl\":\"m1.tuyaeu.com\",\"mqttsPort\":8883,\"httpsPort\":443,"
                                + "\"mobileMqttUrl\":\"mq.mb.tuyaeu.com\",\"mqttPort\":1883}")));
    }

    @Test
    void missingPortsAreTheStandardOnes() {
        assertEquals(List.of("ssl://m1.tuyaus.com:8883", "wss://m1.tuyaus.com/mqtt"),
                SmartWebClient.mqttUrls(TuyaJson.parse("{\"mobileMqttsUrl\":\"m1.tuyaus.com\"}")));
    }

    @Test
    void portsTheDomainNamesAreUsed() {
        assertEquals(List.of("ssl://localhost:40001", "wss://localhost:40002/mqtt"), SmartWebClient.mqttUrls(
                TuyaJson.parse("{\"mobileMqttsUrl\":\"localhost\",\"mqttsPort\":40001,\"httpsPort\":40002}")));
    }

    @Test
    void noHostOrNoHostNameGivesNoAddress() {
        assertEquals(List.of(), SmartWebClient.mqttUrls(TuyaJson.parse("{\"mobileMqttUrl\":\"mq.mb.tuyaeu.com\"}")));
        assertEquals(List.of(), SmartWebClient.mqttUrls(TuyaJson.parse("{\"mobileMqttsUrl\":\"evil.com/x?y\"}")));
        assertEquals(List.of("ssl://m1.tuyaeu.com:8883", "wss://m1.tuyaeu.com/mqtt"), SmartWebClient.mqttUrls(
                TuyaJson.parse("{\"mobileMqttsUrl\":\"m1.tuyaeu.com\",\"mqttsPort\":-1," + "\"httpsPort\":99999}")));
    }
}
