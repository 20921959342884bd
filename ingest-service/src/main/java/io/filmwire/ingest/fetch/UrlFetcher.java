package io.filmwire.ingest.fetch;

import io.filmwire.ingest.BoundedBytes;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.TooLargeException;
import io.filmwire.schema.PageIds;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * HTTP GET with every limit explicit: one time limit for the whole fetch (connecting, each redirect,
 * reading the body), a body limit (checked against {@code Content-Length} first, then while reading,
 * and again after gunzipping), a bounded number of redirects, and the {@link AddressPolicy} at every
 * hop: before resolving (host and port), on every address the host resolves to (the client connects
 * only to addresses the policy returned), and on the address the connection was made to. Sends
 * conditional headers when given validators (a 304 comes back as such), asks for gzip and decodes
 * it. Redirects are followed here, not by the client, so that each hop is checked. HTTP/1.1 (Jetty's
 * client, TLS with host name verification). Thread-safe; close it to stop its threads.
 */
public final class UrlFetcher implements AutoCloseable {

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
        this.policy = new AddressPolicy(config.allowHosts(), config.publicPorts());
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("fetch");
        threads.setDaemon(true);
        this.client = new HttpClient();
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setConnectTimeout(timeout.toMillis());
        client.setIdleTimeout(timeout.toMillis());
        client.setUserAgentField(null);
        client.setMaxConnectionsPerDestination(8);
        client.setSocketAddressResolver(this::resolve);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client did not start: " + e, e);
        }
        // bodies are gunzipped here, within the limit (the client would do it without one); the client
        // installs its decoders when it starts, so they are removed after
        client.getContentDecoderFactories().clear();
    }

    /** The policy's addresses for a connection: only these are connected to. */
    private void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        client.getExecutor().execute(() -> {
            try {
                List<InetSocketAddress> out = new ArrayList<>();
                for (InetAddress a : policy.resolve(bracketed(host), port)) {
                    out.add(new InetSocketAddress(a, port));
                }
                promise.succeeded(out);
            } catch (FetchException e) {
                promise.failed(new Refused(e));
            } catch (RuntimeException e) {
                promise.failed(e);
            }
        });
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
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

    /** A body past the limit. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge(String message) {
            super(message);
        }
    }

    /** The policy refused an address: carries its reason through the client. */
    private static final class Refused extends IOException {
        final FetchException reason;

        Refused(FetchException reason) {
            super(reason.getMessage());
            this.reason = reason;
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
        URI current = canonical(url);
        while (true) {
            hops.add(current);
            checkScheme(current);
            policy.checkHostAndPort(current.getHost(), port(current));
            ContentResponse response = send(current, maxBytes, accept, validators, deadline);
            int status = response.getStatus();
            HttpFields headers = response.getHeaders();
            if (isRedirect(status)) {
                String location = headers.get(HttpHeader.LOCATION);
                if (location == null) {
                    throw FetchException.permanent("'" + current + "' answered " + status + " without a Location");
                }
                if (hops.size() > maxRedirects) {
                    throw FetchException.permanent("more than " + maxRedirects + " redirects (ingest.fetch.max.redirects): "
                            + hops + " -> " + location);
                }
                try {
                    current = canonical(current.resolve(location.strip()));
                } catch (IllegalArgumentException e) {
                    throw FetchException.permanent("'" + current + "' redirects to a malformed URL '" + location + "'");
                }
                continue;
            }
            Validators next = new Validators(headers.get(HttpHeader.ETAG), headers.get(HttpHeader.LAST_MODIFIED));
            if (status == 304) {
                return new Response(current, status, null, null, validators, NO_BODY);
            }
            if (status >= 200 && status < 300) {
                String contentType = headers.get(HttpHeader.CONTENT_TYPE);
                byte[] body = decode(current, headers.get(HttpHeader.CONTENT_ENCODING), response.getContent(), maxBytes);
                return new Response(current, status, mediaType(contentType), charset(contentType), next, body);
            }
            String what = "'" + current + "' answered HTTP " + status;
            if (status == 408 || status == 425 || status == 429 || status >= 500) {
                throw FetchException.transientFailure(what, retryAfter(headers.get(HttpHeader.RETRY_AFTER)), null);
            }
            throw FetchException.permanent(what);
        }
    }

    /** {@code url} in canonical form (numeric hosts as browsers read them, IDN in punycode), fragment dropped. */
    private static URI canonical(URI url) throws FetchException {
        String canonical = url.getScheme() == null ? null : PageIds.canonicalUrl(url.toString());
        if (canonical == null) {
            throw FetchException.permanent("'" + url + "' is not an absolute http:// or https:// URL with a valid host");
        }
        try {
            return new URI(canonical);
        } catch (java.net.URISyntaxException e) {
            throw FetchException.permanent("'" + url + "' is not a valid URL: " + e.getMessage());
        }
    }

    private ContentResponse send(URI url, long maxBytes, String accept, Validators validators, long deadline)
            throws FetchException, InterruptedException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut(url);
        }
        String host = url.getHost();
        int port = port(url);
        Request request = client.newRequest(url).method(HttpMethod.GET)
                .timeout(remaining, TimeUnit.NANOSECONDS)
                .headers(h -> {
                    h.put(HttpHeader.USER_AGENT, userAgent);
                    h.put(HttpHeader.ACCEPT, accept);
                    h.put(HttpHeader.ACCEPT_ENCODING, "gzip");
                    if (validators.etag() != null) {
                        h.put(HttpHeader.IF_NONE_MATCH, validators.etag());
                    }
                    if (validators.lastModified() != null) {
                        h.put(HttpHeader.IF_MODIFIED_SINCE, validators.lastModified());
                    }
                });
        request.onResponseBegin(r -> {
            // the address actually connected to, checked again
            Connection connection = request.getConnection();
            if (connection != null && connection.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
                try {
                    policy.checkAddress(bracketed(host), port, remote.getAddress());
                } catch (FetchException e) {
                    r.abort(new Refused(e));
                }
            }
        });
        request.onResponseHeaders(r -> {
            long declared = r.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (r.getStatus() >= 200 && r.getStatus() < 300 && declared > maxBytes) {
                r.abort(new BodyTooLarge("Content-Length: " + declared));
            }
        });
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        CompletableFuture<ContentResponse> future = new CompletableResponseListener(request, limit).send();
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()) + 200_000_000L, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            request.abort(e);
            throw timedOut(url);
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        } catch (ExecutionException e) {
            throw failure(url, e.getCause(), maxBytes);
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // its threads are daemons; nothing is lost
        }
    }

    private FetchException timedOut(URI url) {
        return FetchException.transientFailure("no complete answer from '" + url + "' within " + timeout.toMillis()
                + " ms (ingest.fetch.timeout.ms)", null, null);
    }

    private FetchException failure(URI url, Throwable cause, long maxBytes) {
        Throwable e = cause;
        while (e != null && !(e instanceof Refused) && !(e instanceof BodyTooLarge) && e.getCause() != null
                && e.getCause() != e) {
            if (e instanceof ConnectException || e instanceof SSLException || e instanceof TimeoutException) {
                break;
            }
            e = e.getCause();
        }
        if (e instanceof Refused refused) {
            return refused.reason;
        }
        if (e instanceof BodyTooLarge || (e instanceof IllegalArgumentException && String.valueOf(e.getMessage())
                .contains("capacity"))) {
            return FetchException.permanent("'" + url + "' is over the limit of " + maxBytes + " bytes ("
                    + (e instanceof BodyTooLarge ? e.getMessage() : "reading stopped there") + ")");
        }
        if (e instanceof TimeoutException || e instanceof java.net.SocketTimeoutException) {
            return timedOut(url);
        }
        if (e instanceof ConnectException || e instanceof java.nio.channels.UnresolvedAddressException) {
            return FetchException.transientFailure("could not connect to '" + url.getHost() + ":" + port(url)
                    + "' (connection refused or unreachable)", null, e);
        }
        if (e instanceof SSLException) {
            return FetchException.permanent("TLS with '" + url.getHost() + "' failed: " + e.getMessage(), e);
        }
        return FetchException.transientFailure("fetching '" + url + "' failed: " + cause, null, cause);
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

    private static Duration retryAfter(String value) {
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
}
