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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The cloud's side of the encryptions: device-topic messages (1.0 ECB, 2.0 GCM with {@code t} as AAD) and the
 * encrypted event pictures (4-byte version, 16-byte IV, 44 reserved bytes, AES-128-CBC).
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SimCrypto {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SimCrypto() {
    }

    public static String encryptDeviceData(String json, String password, String version, long t) {
        byte[] key = password.substring(8, 24).getBytes(StandardCharsets.UTF_8);
        byte[] plain = json.getBytes(StandardCharsets.UTF_8);
        try {
            if ("1.0".equals(version)) {
                Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
                return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
            }
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(Long.toString(t).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(4 + iv.length + sealed.length);
            out.putInt(iv.length).put(iv).put(sealed);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event picture as the cloud stores it, encrypted with a 16-character key. */
    public static byte[] encryptPicture(byte[] jpeg, String key16) {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key16.getBytes(StandardCharsets.UTF_8), "AES"),
                    new IvParameterSpec(iv));
            byte[] sealed = cipher.doFinal(jpeg);
            ByteBuffer out = ByteBuffer.allocate(4 + 16 + 44 + sealed.length);
            out.put(new byte[] { 1, 0, 0, 0 }).put(iv).put(new byte[44]).put(sealed);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String randomToken(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return token.toString();
    }
}
