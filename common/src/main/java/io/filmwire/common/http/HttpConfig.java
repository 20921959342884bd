package io.filmwire.common.http;

import io.filmwire.common.Settings;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of a service's HTTP server, validated at start-up: where it listens, its limits and
 * timeouts, and who may do what ({@link AccessPolicy}).
 *
 * @param host                   address of the main listener
 * @param port                   its port (0: any free one)
 * @param healthPort             port of the health listener ({@code /health}, {@code /ready}), apart from the
 *                               main one so that it answers while the main one is saturated; -1: none
 * @param threads                requests handled at once on the main listener (others wait, then 503)
 * @param maxConnectionsPerClient connections one client address may hold open on the main listener
 * @param headerTimeout          time a new connection has to send its request line and headers
 * @param requestTimeout         time a request has to send its whole body
 * @param idleTimeout            an idle connection (or a read or write that makes no progress) is closed after this
 * @param maxHeaderBytes         request line plus headers, at most (431 beyond)
 * @param maxUrlChars            request target (path and query), at most (414 beyond)
 * @param maxBodyBytes           request body, at most, whatever the route (413 beyond, before reading it)
 * @param access                 tokens, roles and origins
 */
public record HttpConfig(String host, int port, int healthPort, int threads, int maxConnectionsPerClient,
                         Duration headerTimeout, Duration requestTimeout, Duration idleTimeout, int maxHeaderBytes,
                         int maxUrlChars, long maxBodyBytes, AccessPolicy access) {

    public static final String HOST = "http.host";
    public static final String PORT = "http.port";
    public static final String HEALTH_PORT = "http.health.port";
    public static final String THREADS = "http.threads";
    public static final String MAX_CONNECTIONS_PER_CLIENT = "http.max.connections.per.client";
    public static final String HEADER_TIMEOUT_MS = "http.header.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS = "http.request.timeout.ms";
    public static final String IDLE_TIMEOUT_MS = "http.idle.timeout.ms";
    public static final String MAX_HEADER_BYTES = "http.max.header.bytes";
    public static final String MAX_URL_CHARS = "http.max.url.chars";
    public static final String MAX_BODY_BYTES = "http.max.body.bytes";
    public static final String AUTH_TOKENS = "http.auth.tokens";
    public static final String AUTH_READS = "http.auth.reads";
    public static final String ALLOWED_ORIGINS = "http.allowed.origins";

    /** A key of earlier versions, refused with what replaces it. */
    public static final String OLD_INGEST_TOKEN = "ingest.auth.token";

    public static final ConfigDef DEF = new ConfigDef()
            .define(HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Address of the HTTP server (intake, API, ops page, metrics). Any address but loopback needs"
                            + " http.auth.tokens.")
            .define(PORT, Type.INT, 8080, Range.between(0, 65535), Importance.HIGH,
                    "Port of the HTTP server (0: any free port).")
            .define(HEALTH_PORT, Type.INT, 8081, Range.between(-1, 65535), Importance.MEDIUM,
                    "Port of the health listener: /health and /ready only, with threads of its own, so that it"
                            + " answers while the main port is saturated (0: any free port, -1: none; when http.port is 0"
                            + " and this is not set, 0 too).")
            .define(THREADS, Type.INT, 16, Range.between(1, 512), Importance.LOW,
                    "HTTP requests handled at once; more wait up to http.request.timeout.ms, then get 503."
                            + " Connections waiting for their headers or idle hold no thread.")
            .define(MAX_CONNECTIONS_PER_CLIENT, Type.INT, 16, Range.between(1, 100_000), Importance.LOW,
                    "Connections one client address may hold open on the main port; more are closed at once.")
            .define(HEADER_TIMEOUT_MS, Type.LONG, 10_000L, Range.between(100, 600_000), Importance.LOW,
                    "Time a new connection has to send its request line and headers before it is closed.")
            .define(REQUEST_TIMEOUT_MS, Type.LONG, 30_000L, Range.between(100, 3_600_000), Importance.LOW,
                    "Time a request has to send its whole body before the connection is closed.")
            .define(IDLE_TIMEOUT_MS, Type.LONG, 30_000L, Range.between(100, 3_600_000), Importance.LOW,
                    "A connection that sends or takes nothing for this long is closed.")
            .define(MAX_HEADER_BYTES, Type.INT, 16_384, Range.between(1_024, 1_048_576), Importance.LOW,
                    "Largest request line plus headers, in bytes (431 beyond).")
            .define(MAX_URL_CHARS, Type.INT, 4_096, Range.between(64, 1_048_576), Importance.LOW,
                    "Longest request path and query, in characters (414 beyond).")
            .define(MAX_BODY_BYTES, Type.LONG, 32L * 1024 * 1024, Range.between(1_024, 1L << 31), Importance.LOW,
                    "Largest request body on any route, in bytes: a longer declared Content-Length gets 413 before"
                            + " the body is read (routes have lower limits: ingest.max.page.bytes, 256 KiB for an"
                            + " override).")
            .define(AUTH_TOKENS, Type.LIST, "", Importance.HIGH,
                    "Bearer tokens, hashed: NAME:ROLES:sha256:HEX entries, ROLES from editor (overrides), operator"
                            + " (dead-letter replay, intake) and reader joined by +. `filmwire token NAME ROLES` makes"
                            + " one. Set: every write needs a token with its role. Required when http.host is not"
                            + " loopback.")
            .define(AUTH_READS, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Reads (the API's GETs, /metrics, the ops page's data) need a token too (any role); /health and"
                            + " /ready stay open.")
            .define(ALLOWED_ORIGINS, Type.LIST, "", Importance.LOW,
                    "Origins (scheme://host:port) besides the server's own from which a browser may send writes.");

    /** Parsed and validated from {@code settings}. */
    public static HttpConfig from(Settings settings) {
        if (settings.asMap().containsKey(OLD_INGEST_TOKEN)) {
            throw new ConfigException(OLD_INGEST_TOKEN + " is no longer read: tokens are kept hashed, with roles, in "
                    + AUTH_TOKENS + " (environment " + Settings.keyToEnv(AUTH_TOKENS) + "); `filmwire token NAME operator`"
                    + " makes an entry for intake");
        }
        AbstractConfig c = new AbstractConfig(DEF, settings.asMap(), false);
        List<String> tokens = c.getList(AUTH_TOKENS);
        AccessPolicy access = new AccessPolicy(BearerToken.parseAll(tokens, AUTH_TOKENS), c.getBoolean(AUTH_READS),
                c.getList(ALLOWED_ORIGINS));
        int healthPort = c.getInt(PORT) == 0 && !settings.asMap().containsKey(HEALTH_PORT) ? 0 : c.getInt(HEALTH_PORT);
        HttpConfig config = new HttpConfig(c.getString(HOST).strip(), c.getInt(PORT), healthPort,
                c.getInt(THREADS), c.getInt(MAX_CONNECTIONS_PER_CLIENT), Duration.ofMillis(c.getLong(HEADER_TIMEOUT_MS)),
                Duration.ofMillis(c.getLong(REQUEST_TIMEOUT_MS)), Duration.ofMillis(c.getLong(IDLE_TIMEOUT_MS)),
                c.getInt(MAX_HEADER_BYTES), c.getInt(MAX_URL_CHARS), c.getLong(MAX_BODY_BYTES), access);
        if (config.port() != 0 && config.port() == config.healthPort()) {
            throw new ConfigException(HEALTH_PORT, config.healthPort(), "the health listener needs a port of its own,"
                    + " not http.port; choose another, or -1 for none");
        }
        return config;
    }

    /** Settings with defaults only, for tests: loopback, free ports, no tokens. */
    public static HttpConfig loopback() {
        return from(Settings.of(java.util.Map.of(PORT, "0")));
    }

    /** This configuration with another access policy. */
    public HttpConfig withAccess(AccessPolicy policy) {
        return new HttpConfig(host, port, healthPort, threads, maxConnectionsPerClient, headerTimeout, requestTimeout,
                idleTimeout, maxHeaderBytes, maxUrlChars, maxBodyBytes, policy);
    }

    /**
     * Refuses a server off loopback without tokens: anyone who reaches it could write.
     *
     * @throws ConfigException naming the settings and how to fix it
     */
    public void requireTokensOffLoopback() {
        if (access.hasTokens() || BearerToken.isLoopback(host)) {
            return;
        }
        throw new ConfigException("the HTTP server listens on '" + host + "' (" + HOST + "), which is not a loopback"
                + " address, and no bearer token is configured, so anyone who reaches it could change films, replay"
                + " dead letters and send pages: set " + AUTH_TOKENS + " (environment " + Settings.keyToEnv(AUTH_TOKENS)
                + "; `filmwire token NAME ROLES` makes an entry), or listen on 127.0.0.1");
    }
}
