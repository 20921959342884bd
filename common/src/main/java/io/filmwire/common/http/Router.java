package io.filmwire.common.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests by method and path template ({@code /api/films/{id}}) to handlers; answers 404
 * and 405 in JSON, and 500 in JSON when a handler throws. Each route has an {@link Access}, which
 * the {@link AccessPolicy} checks before the handler runs (a route added without one reads when
 * it is a GET, and is an operator's JSON write otherwise). Every answer carries the security
 * headers ({@link #SECURITY_HEADERS}). Each service adds its routes; the standalone puts all of
 * them on one server. Thread-safe.
 */
public final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** A handler of one route; {@code params} holds the template's variables, decoded. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange, Map<String, String> params) throws IOException;
    }

    /** Decides whether a request may go on; answers it itself (401, say) and returns false when not. */
    @FunctionalInterface
    public interface Filter {
        boolean admit(HttpExchange exchange) throws IOException;
    }

    /**
     * Sent with every answer: no sniffing of types, no framing, no referrer, and a content security
     * policy that lets a page run only its own server's scripts and styles and talk only to it.
     */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Resource-Policy", "same-origin",
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
                    + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");

    private record Route(String method, String[] parts, Access access, Handler handler) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Filter> filters = new CopyOnWriteArrayList<>();
    private final AccessPolicy policy;

    /** A router without tokens (loopback, tests). */
    public Router() {
        this(AccessPolicy.open());
    }

    public Router(AccessPolicy policy) {
        this.policy = policy;
    }

    /** The policy routes are checked against. */
    public AccessPolicy policy() {
        return policy;
    }

    /**
     * Adds a route; {@code template} segments in braces match any one path segment. GET and HEAD
     * routes read; other methods are an operator's JSON writes (use the other {@code add} to say otherwise).
     */
    public Router add(String method, String template, Handler handler) {
        return add(method, template, Access.defaultFor(method), handler);
    }

    /** Adds a route with who may call it. */
    public Router add(String method, String template, Access access, Handler handler) {
        routes.add(new Route(method, split(template), access, handler));
        return this;
    }

    /** Adds a filter run before every route. */
    public Router filter(Filter filter) {
        filters.add(filter);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            SECURITY_HEADERS.forEach(exchange.getResponseHeaders()::set);
            for (Filter filter : filters) {
                if (!filter.admit(exchange)) {
                    return;
                }
            }
            String method = exchange.getRequestMethod();
            String[] path = split(exchange.getRequestURI().getRawPath());
            Set<String> allowed = new LinkedHashSet<>();
            for (Route route : routes) {
                Map<String, String> params = match(route.parts(), path);
                if (params == null) {
                    continue;
                }
                if (route.method().equals(method) || ("HEAD".equals(method) && "GET".equals(route.method()))) {
                    if (policy.admit(exchange, route.access())) {
                        route.handler().handle(exchange, params);
                    }
                    return;
                }
                allowed.add(route.method());
            }
            if (!allowed.isEmpty()) {
                exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
                HttpJson.error(exchange, 405, "method_not_allowed",
                        method + " is not served on this path; use " + String.join(" or ", allowed));
            } else {
                HttpJson.error(exchange, 404, "not_found", "nothing is served at " + exchange.getRequestURI().getPath());
            }
        } catch (IOException e) {
            LOG.debug("Connection failed while answering {} {}: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI(), e.toString());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.error("Handler of {} {} failed; answering 500", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                HttpJson.error(exchange, 500, "internal_error", "the server failed to answer: " + e.getMessage());
            } catch (IOException | RuntimeException ignored) {
                exchange.close();
            }
        }
    }

    /** The request's raw path as routes see it: {@code /a/b}, without empty segments or a trailing slash. */
    public static String normalisedPath(HttpExchange exchange) {
        return "/" + String.join("/", split(exchange.getRequestURI().getRawPath()));
    }

    /** The decoded query parameters of a request (the first value of each). */
    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            out.putIfAbsent(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return out;
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), decode(path[i]));
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts.toArray(String[]::new);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
