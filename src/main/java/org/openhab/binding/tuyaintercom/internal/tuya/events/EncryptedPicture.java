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
package org.openhab.binding.tuyaintercom.internal.tuya.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Tuya's encrypted event pictures: 4-byte version, 16-byte IV, 44 reserved bytes, then AES-128-CBC ciphertext with
 * PKCS#7 padding, keyed with the 16-character key of the event.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class EncryptedPicture {
    static final int HEADER_LENGTH = 4 + 16 + 44;

    private EncryptedPicture() {
    }

    public static byte[] decrypt(byte[] file, String key) {
        if (file.length <= HEADER_LENGTH || (file.length - HEADER_LENGTH) % 16 != 0) {
            throw new IllegalArgumentException("not an encrypted picture (" + file.length + " bytes)");
        }
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length != 16) {
            throw new IllegalArgumentException("picture key is not 16 bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyBytes, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(file, 4, 20)));
            return cipher.doFinal(file, HEADER_LENGTH, file.length - HEADER_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("picture does not decrypt: " + e.getClass().getSimpleName());
        }
    }

    /** Whether bytes look like a JPEG (SOI marker). */
    public static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
    }
}
