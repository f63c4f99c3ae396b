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
package org.openhab.core.library.types;

import java.util.Arrays;
import java.util.Base64;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Compile-time stand-in: bytes with a MIME type (images).
 */
@NonNullByDefault
public class RawType implements PrimitiveType, State {
    public static final String DEFAULT_MIME_TYPE = "application/octet-stream";

    protected byte[] bytes;
    protected String mimeType;

    public RawType(byte[] bytes, String mimeType) {
        this.bytes = bytes.clone();
        this.mimeType = mimeType;
    }

    public byte[] getBytes() {
        return bytes.clone();
    }

    public String getMimeType() {
        return mimeType;
    }

    @Override
    public String toString() {
        return mimeType + " (" + bytes.length + " bytes)";
    }

    @Override
    public String toFullString() {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String format(String pattern) {
        return toFullString();
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + mimeType.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof RawType other && Arrays.equals(other.bytes, bytes) && other.mimeType.equals(mimeType);
    }
}
