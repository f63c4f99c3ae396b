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
package org.openhab.binding.tuyaintercom.internal.tuya;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpContentResponse;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.BufferingResponseListener;
import org.eclipse.jetty.client.util.FutureResponseListener;

/**
 * Requests on openHAB's shared Jetty client with bounds: the request's total timeout (Jetty ends the exchange when it
 * has passed), a blocked caller's wait that ends shortly after it, and at most a given number of content bytes (more
 * aborts the exchange). Failures come out as {@link IOException}s whose text names the kind of failure, never the URL.
 *
 * @author Tuya Intercom binding contributors - Initial contribution
 */
@NonNullByDefault
public final class BoundedHttp {
    /** How long past the request's own timeout a blocked caller still waits (Jetty reports the timeout itself). */
    static final Duration GRACE = Duration.ofSeconds(2);

    private BoundedHttp() {
    }

    /** Sends and waits for the whole response, at most {@code timeout} plus {@link #GRACE}. */
    public static ContentResponse send(Request request, Duration timeout, int maxBytes)
            throws IOException, InterruptedException {
        request.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        FutureResponseListener listener = new FutureResponseListener(request, maxBytes);
        request.send(listener);
        try {
            return listener.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (TimeoutException e) {
            request.abort(e);
            throw new IOException("no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        }
    }

    /**
     * Sends without blocking the caller: the future completes, on the client's own threads, with the whole response
     * or with an {@link IOException}.
     */
    public static CompletableFuture<ContentResponse> sendAsync(Request request, Duration timeout, int maxBytes) {
        CompletableFuture<ContentResponse> response = new CompletableFuture<>();
        request.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        request.send(new BufferingResponseListener(maxBytes) {
            @Override
            public void onComplete(@Nullable Result result) {
                Throwable failure = result == null ? null : result.getFailure();
                if (result == null || failure != null) {
                    response.completeExceptionally(failure(failure));
                } else {
                    response.complete(
                            new HttpContentResponse(result.getResponse(), getContent(), getMediaType(), getEncoding()));
                }
            }
        });
        return response;
    }

    static IOException failure(@Nullable Throwable cause) {
        if (cause == null) {
            return new IOException("the request failed");
        }
        String message = cause.getMessage();
        return new IOException(cause.getClass().getSimpleName() + (message == null ? "" : ": " + message), cause);
    }
}
