package io.filmwire.common.http;

import com.sun.net.httpserver.HttpExchange;
import io.filmwire.common.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;

/**
 * A {@link Router.Filter} that lets a request through to the routes it protects only with
 * {@code Authorization: Bearer <token>}; others answer 401 in JSON with {@code WWW-Authenticate}.
 * The token is compared in constant time. Immutable and thread-safe.
 */
public final class BearerToken implements Router.Filter {

    private final byte[] token;
    private final String method;
    private final String path;
    private final String settingKey;

    /**
     * Protects {@code method path} with {@code token}; the path is compared the way {@link Router}
     * routes (empty segments and a trailing slash do not count).
     *
     * @param settingKey the setting that holds the token, named in error messages
     */
    public BearerToken(String token, String method, String path, String settingKey) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an empty bearer token protects nothing");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.settingKey = Objects.requireNonNull(settingKey, "settingKey");
    }

    @Override
    public boolean admit(HttpExchange exchange) throws IOException {
        if (!method.equals(exchange.getRequestMethod()) || !Router.normalisedPath(exchange).equals(path)) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String what = method + " " + path + " needs the header 'Authorization: Bearer <token>' with the token set in "
                + settingKey;
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"filmwire\"");
            HttpJson.error(exchange, 401, "unauthorized", what);
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"filmwire\", error=\"invalid_token\"");
            HttpJson.error(exchange, 401, "invalid_token", "the bearer token is not the one configured; " + what);
            return false;
        }
        return true;
    }

    /**
     * Refuses to go on when a server on {@code host} would take {@code what} without a token:
     * anything but a loopback address needs one.
     *
     * @throws ConfigException naming {@code settingKey} and how to fix it
     */
    public static void requireOffLoopback(String host, String hostKey, String token, String settingKey, String what) {
        if (token != null && !token.isBlank()) {
            return;
        }
        if (!isLoopback(host)) {
            throw new ConfigException("the HTTP server listens on '" + host + "' (" + hostKey + "), which is not a loopback"
                    + " address, so " + what + " needs a bearer token: set " + settingKey + " (environment "
                    + Settings.keyToEnv(settingKey) + ") to a secret, or listen on 127.0.0.1");
        }
    }

    /** True when {@code host} is a loopback address ({@code 127.0.0.1}, {@code ::1}, {@code localhost}). */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

}
