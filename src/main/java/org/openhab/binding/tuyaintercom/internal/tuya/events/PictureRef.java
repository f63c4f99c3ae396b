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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Where the picture of a doorbell event is: a ready URL, or an encrypted file in the cloud's storage.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public sealed interface PictureRef {
    /** A pre-signed URL of a plain JPEG. */
    record Url(String url) implements PictureRef {
        @Override
        public String toString() {
            return "PictureRef.Url"; // pre-signed URLs carry credentials
        }
    }

    /** An encrypted file: bucket and path for the download-URL call, and the file's 16-character key (a secret). */
    record Encrypted(String bucket, String path, String key) implements PictureRef {
        @Override
        public String toString() {
            return "PictureRef.Encrypted[" + bucket + ", " + path + "]";
        }
    }
}
