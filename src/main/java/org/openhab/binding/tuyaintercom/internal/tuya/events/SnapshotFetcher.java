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
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Request;
import org.openhab.binding.tuyaintercom.internal.tuya.BoundedHttp;
import org.openhab.binding.tuyaintercom.internal.tuya.api.TuyaApiException;

/**
 * Downloads the picture of a doorbell event and returns it as JPEG bytes: plain pre-signed URLs as they are,
 * encrypted files through the download-URL call and decryption. The download does not block the caller: it runs on
 * the shared HTTP client, and the result arrives on that client's threads.
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

    /**
     * The picture, as a future that completes with the JPEG bytes or with an {@link IOException}. Only the download
     * URL of an encrypted file is asked for on the calling thread (an OpenAPI call).
     */
    public CompletableFuture<byte[]> fetch(PictureRef picture, String deviceId, SignedUrls api)
            throws IOException, TuyaApiException {
        if (picture instanceof PictureRef.Url url) {
            return download(url.url()).thenApply(SnapshotFetcher::requireJpeg);
        }
        PictureRef.Encrypted file = (PictureRef.Encrypted) picture;
        String url = api.snapshotUrl(deviceId, file.bucket(), file.path());
        if (url.isBlank()) {
            throw new IOException("the cloud gave no download URL for the picture");
        }
        return download(url).thenApply(bytes -> requireJpeg(EncryptedPicture.decrypt(bytes, file.key())));
    }

    private CompletableFuture<byte[]> download(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid picture URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IOException("picture URL is not http(s)");
        }
        Request request = http.newRequest(uri);
        return BoundedHttp.sendAsync(request, TIMEOUT, MAX_PICTURE_BYTES).thenApply(response -> {
            if (response.getStatus() != 200) {
                throw new PictureException("picture download answered HTTP " + response.getStatus());
            }
            return response.getContent();
        });
    }

    private static byte[] requireJpeg(byte[] bytes) {
        if (!EncryptedPicture.isJpeg(bytes)) {
            throw new PictureException("the picture is not a JPEG");
        }
        return bytes;
    }

    /** Why a downloaded picture is not used, inside the future's chain. */
    static final class PictureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PictureException(@Nullable String message) {
            super(message);
        }
    }
}
