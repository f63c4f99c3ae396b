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

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.tuyaintercom.internal.sim.SimCrypto;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Both encryption versions of device-topic messages, key rollover, and garbage.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
class DeviceMessageDecryptorTest {
    private static final String PASSWORD = "abcdefgh0123456789ABCDEFxyz12345";
    private static final String OLD_PASSWORD = "zzzzzzzzFEDCBA9876543210zzzzzzzz";
    private static final String PLAIN = "{\"devId\":\"d1\",\"status\":[{\"code\":\"doorbell_active\",\"value\":\"1\"}]}";

    private static JsonNode envelope(String data, long t) {
        ObjectNode message = TuyaJson.object();
        message.put("protocol", 4);
        message.put("t", t);
        message.put("data", data);
        return message;
    }

    @Test
    void version1EcbDecodes() {
        JsonNode data = DeviceMessageDecryptor.decrypt(
                envelope(SimCrypto.encryptDeviceData(PLAIN, PASSWORD, "1.0", 1L), 1L), List.of(PASSWORD), "1.0");
        assertEquals("d1", data.path("devId").asText());
    }

    @Test
    void version2GcmDecodesWithTimestampAsAad() {
        long t = 1795633809;
        JsonNode data = DeviceMessageDecryptor
                .decrypt(envelope(SimCrypto.encryptDeviceData(PLAIN, PASSWORD, "2.0", t), t), List.of(PASSWORD), "2.0");
        assertEquals("doorbell_active", data.path("status").path(0).path("code").asText());
    }

    @Test
    void version2WithAnotherTimestampIsRejected() {
        String data = SimCrypto.encryptDeviceData(PLAIN, PASSWORD, "2.0", 100L);
        assertThrows(IllegalArgumentException.class,
                () -> DeviceMessageDecryptor.decrypt(envelope(data, 101L), List.of(PASSWORD), "2.0"));
    }

    @Test
    void anEarlierPasswordStillDecodesAfterRollover() {
        String data = SimCrypto.encryptDeviceData(PLAIN, OLD_PASSWORD, "2.0", 5L);
        JsonNode decoded = DeviceMessageDecryptor.decrypt(envelope(data, 5L), List.of(PASSWORD, OLD_PASSWORD), "2.0");
        assertEquals("d1", decoded.path("devId").asText());
    }

    @Test
    void garbageIsRejectedWithAReason() {
        for (String data : List.of("", "not base64 !!", "AAAA", "AAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DeviceMessageDecryptor.decrypt(envelope(data, 1L), List.of(PASSWORD), "2.0"));
            assertNotNull(e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> DeviceMessageDecryptor.decrypt(TuyaJson.object(), List.of(PASSWORD), "2.0"));
        assertThrows(IllegalArgumentException.class,
                () -> DeviceMessageDecryptor.decrypt(envelope("AAAA", 1L), List.of("short"), "1.0"));
    }
}
