package io.filmwire.ingest.fetch;

import io.filmwire.ingest.BoundedBytes;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.TooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * HTTP GET with every limit explicit: one time limit for the whole fetch (connecting, each redirect,
 * reading the body), a body limit (checked against {@code Content-Length} first, then while reading,
 * and again after gunzipping), a bounded number of redirects, and the {@link AddressPolicy} checked
 * at every hop. Sends conditional headers when given validators (a 304 comes back as such), asks for
 * gzip and decodes it. Redirects are followed here, not by the JDK client, so that each hop is
 * checked. Thread-safe.
 */
public final class UrlFetcher {

    /** Accept header for pages. */
    public static final String ACCEPT_PAGES = "text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.1";
    /** Accept header for feeds and sitemaps. */
    public static final String ACCEPT_FEEDS = "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9,"
            + " */*;q=0.1";

    private static final byte[] NO_BODY = new byte[0];

    private final HttpClient client;
    private final AddressPolicy policy;
    private final Duration timeout;
    private final int maxRedirects;
    private final String userAgent;

    public UrlFetcher(IngestConfig.Fetch config) {
        this.timeout = config.timeout();
        this.maxRedirects = config.maxRedirects();
        this.userAgent = config.userAgent();
        this.policy = new AddressPolicy(config.allowPrivate());
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** ETag and Last-Modified of an earlier answer, for a conditional GET. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    /**
     * An answer.
     *
     * @param url         where it came from, after redirects
     * @param status      200-299, or 304 (not modified)
     * @param mediaType   the media type of {@code Content-Type}, lower case, or null
     * @param charset     the charset of {@code Content-Type}, or null
     * @param validators  ETag and Last-Modified of this answer, for the next conditional GET
     * @param body        the body, decompressed (empty for 304)
     */
    public record Response(URI url, int status, String mediaType, String charset, Validators validators, byte[] body) {
        /** True for 304: nothing changed since the validators sent. */
        public boolean notModified() {
            return status == 304;
        }
    }

    /** Thrown inside the body subscriber when the body passes the limit. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge(String message) {
            super(message);
        }
    }

    /**
     * Fetches {@code url}.
     *
     * @param maxBytes   the largest body taken (after decompression)
     * @param accept     the Accept header
     * @param validators for a conditional GET, or {@link Validators#NONE}
     * @throws FetchException saying what went wrong and whether trying later may help
     */
    public Response get(URI url, long maxBytes, String accept, Validators validators)
            throws FetchException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<URI> hops = new ArrayList<>();
        URI current = url;
        while (true) {
            hops.add(current);
            checkScheme(current);
            policy.check(current);
            HttpResponse<byte[]> response = send(current, maxBytes, accept, validators, deadline);
            int status = response.statusCode();
            if (isRedirect(status)) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw FetchException.permanent("'" + current + "' answered " + status + " without a Location");
                }
                if (hops.size() > maxRedirects) {
                    throw FetchException.permanent("more than " + maxRedirects + " redirects (ingest.fetch.max.redirects): "
                            + hops + " -> " + location);
                }
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw FetchException.permanent("'" + current + "' redirects to a malformed URL '" + location + "'");
                }
                continue;
            }
            HttpHeaders headers = response.headers();
            Validators next = new Validators(headers.firstValue("ETag").orElse(null),
                    headers.firstValue("Last-Modified").orElse(null));
            if (status == 304) {
                return new Response(current, status, null, null, validators, NO_BODY);
            }
            if (status >= 200 && status < 300) {
                String contentType = headers.firstValue("Content-Type").orElse(null);
                byte[] body = decode(current, headers.firstValue("Content-Encoding").orElse(null), response.body(), maxBytes);
                return new Response(current, status, mediaType(contentType), charset(contentType), next, body);
            }
            String what = "'" + current + "' answered HTTP " + status;
            if (status == 408 || status == 425 || status == 429 || status >= 500) {
                throw FetchException.transientFailure(what, retryAfter(headers), null);
            }
            throw FetchException.permanent(what);
        }
    }

    private HttpResponse<byte[]> send(URI url, long maxBytes, String accept, Validators validators, long deadline)
            throws FetchException, InterruptedException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut(url);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                .timeout(Duration.ofNanos(remaining))
                .version("https".equalsIgnoreCase(url.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .header("User-Agent", userAgent)
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), info -> {
            boolean ok = info.statusCode() >= 200 && info.statusCode() < 300;
            if (!ok) {
                return new LimitedBody(0, true);
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                return new LimitedBody(-declared, false);
            }
            return new LimitedBody(maxBytes, false);
        });
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(url);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(url, e.getCause(), maxBytes);
        }
    }

    private FetchException timedOut(URI url) {
        return FetchException.transientFailure("no complete answer from '" + url + "' within " + timeout.toMillis()
                + " ms (ingest.fetch.timeout.ms)", null, null);
    }

    private FetchException failure(URI url, Throwable cause, long maxBytes) {
        Throwable e = cause;
        while (e instanceof IOException && e.getCause() instanceof BodyTooLarge) {
            e = e.getCause();
        }
        if (e instanceof BodyTooLarge) {
            return FetchException.permanent("'" + url + "' is over the limit of " + maxBytes + " bytes (" + e.getMessage() + ")");
        }
        if (e instanceof HttpConnectTimeoutException) {
            return FetchException.transientFailure("could not connect to '" + url.getHost() + "' within "
                    + timeout.toMillis() + " ms", null, e);
        }
        if (e instanceof HttpTimeoutException) {
            return timedOut(url);
        }
        if (e instanceof ConnectException) {
            return FetchException.transientFailure("could not connect to '" + url.getHost() + ":" + port(url)
                    + "' (connection refused or unreachable)", null, e);
        }
        if (e instanceof SSLException) {
            return FetchException.permanent("TLS with '" + url.getHost() + "' failed: " + e.getMessage(), e);
        }
        return FetchException.transientFailure("fetching '" + url + "' failed: " + e, null, e);
    }

    private static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static void checkScheme(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchException.permanent("'" + url + "' is not an http:// or https:// URL");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static byte[] decode(URI url, String encoding, byte[] body, long maxBytes) throws FetchException {
        String e = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return body;
        }
        if (!e.equals("gzip") && !e.equals("x-gzip")) {
            throw FetchException.permanent("'" + url + "' came with Content-Encoding '" + encoding
                    + "', which Filmwire does not decode (it asks for gzip only)");
        }
        try {
            return BoundedBytes.gunzip(body, maxBytes, "'" + url + "'");
        } catch (TooLargeException ex) {
            throw FetchException.permanent(ex.getMessage());
        } catch (IOException ex) {
            throw FetchException.permanent("'" + url + "' is not valid gzip: " + ex.getMessage(), ex);
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** The {@code charset} parameter of a Content-Type, or null. */
    public static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String value = p.substring(8).replace("\"", "").replace("'", "").strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /**
     * Collects a body up to a limit; past it, cancels the transfer and fails. A negative limit fails at
     * once (a declared length over the limit); {@code discard} takes nothing (answers other than 2xx).
     */
    private static final class LimitedBody implements BodySubscriber<byte[]> {
        private final long limit;
        private final boolean discard;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long total;

        LimitedBody(long limit, boolean discard) {
            this.limit = limit;
            this.discard = discard;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (discard) {
                s.cancel();
                result.complete(NO_BODY);
            } else if (limit < 0) {
                s.cancel();
                result.completeExceptionally(new BodyTooLarge("Content-Length: " + -limit));
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                total += item.remaining();
                if (total > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge("reading stopped there"));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
