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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;

/**
 * Downloads the picture of a doorbell event and returns it as JPEG bytes: plain pre-signed URLs as they are,
 * encrypted files through the download-URL call and decryption.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SnapshotFetcher {
    static final int MAX_PICTURE_BYTES = 8 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;

    public SnapshotFetcher(HttpClient http) {
        this.http = http;
    }

    /** Where the signed download URL of an encrypted picture comes from (the account the panel belongs to). */
    @FunctionalInterface
    public interface SignedUrls {
        String snapshotUrl(String deviceId, String bucket, String filePath) throws TuyaApiException;
    }

    public byte[] fetch(PictureRef picture, String deviceId, SignedUrls api) throws IOException, TuyaApiException {
        if (picture instanceof PictureRef.Url url) {
            return requireJpeg(download(url.url()));
        }
        PictureRef.Encrypted file = (PictureRef.Encrypted) picture;
        String url = api.snapshotUrl(deviceId, file.bucket(), file.path());
        if (url.isBlank()) {
            throw new IOException("the cloud gave no download URL for the picture");
        }
        return requireJpeg(EncryptedPicture.decrypt(download(url), file.key()));
    }

    private byte[] download(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid picture URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IOException("picture URL is not http(s)");
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("picture download answered HTTP " + response.statusCode());
                }
                byte[] bytes = in.readNBytes(MAX_PICTURE_BYTES + 1);
                if (bytes.length > MAX_PICTURE_BYTES) {
                    throw new IOException("picture larger than " + MAX_PICTURE_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static byte[] requireJpeg(byte[] bytes) throws IOException {
        if (!EncryptedPicture.isJpeg(bytes)) {
            throw new IOException("the picture is not a JPEG");
        }
        return bytes;
    }
}
