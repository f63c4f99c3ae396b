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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.TuyaJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decrypts the {@code data} of messages on the open-hub "device" topics. The key is characters 8 … 23 of the MQTT
 * password. Version 1.0: base64 → AES-128-ECB with PKCS#7 padding. Version 2.0: base64 → [4-byte big-endian IV
 * length][IV][ciphertext + 16-byte GCM tag], AES-GCM with the message's {@code t} as additional authenticated data.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class DeviceMessageDecryptor {
    private static final int GCM_TAG_BITS = 128;
    private static final int MAX_IV_LENGTH = 32;

    private DeviceMessageDecryptor() {
    }

    /**
     * The decrypted {@code data} of an envelope {@code {protocol, pv, sign, t, data}}. Each password is tried in
     * order (current credentials first, then the ones they replaced); both versions are tried, the expected first.
     *
     * @throws IllegalArgumentException with the reason when no key and version decrypts it
     */
    public static JsonNode decrypt(JsonNode envelope, List<String> passwords, String expectedVersion) {
        JsonNode data = envelope.path("data");
        if (data.isObject()) {
            return data; // already plain
        }
        if (!data.isTextual()) {
            throw new IllegalArgumentException("no data");
        }
        byte[] cipherBytes;
        try {
            cipherBytes = Base64.getDecoder().decode(data.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data is not base64");
        }
        String t = envelope.path("t").asText("");
        List<String> versions = "1.0".equals(expectedVersion) ? List.of("1.0", "2.0") : List.of("2.0", "1.0");
        for (String password : passwords) {
            if (password.length() < 24) {
                continue;
            }
            byte[] key = password.substring(8, 24).getBytes(StandardCharsets.UTF_8);
            for (String version : versions) {
                try {
                    byte[] plain = "1.0".equals(version) ? decryptEcb(key, cipherBytes)
                            : decryptGcm(key, cipherBytes, t);
                    return TuyaJson.parse(new String(plain, StandardCharsets.UTF_8));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    // try the next key or version
                }
            }
        }
        throw new IllegalArgumentException("no key decrypts the data");
    }

    static byte[] decryptEcb(byte[] key, byte[] cipherBytes) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
        return cipher.doFinal(cipherBytes);
    }

    static byte[] decryptGcm(byte[] key, byte[] cipherBytes, String t) throws GeneralSecurityException {
        ByteBuffer buffer = ByteBuffer.wrap(cipherBytes);
        if (buffer.remaining() < 4) {
            throw new IllegalArgumentException("too short");
        }
        int ivLength = buffer.getInt();
        if (ivLength <= 0 || ivLength > MAX_IV_LENGTH || buffer.remaining() < ivLength + GCM_TAG_BITS / 8) {
            throw new IllegalArgumentException("bad IV length");
        }
        byte[] iv = new byte[ivLength];
        buffer.get(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(GCM_TAG_BITS, iv));
        cipher.updateAAD(t.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(cipherBytes, 4 + ivLength, cipherBytes.length - 4 - ivLength);
    }
}
