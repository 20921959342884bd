package io.filmwire.common.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * Decides whether a request may reach its route ({@link Access}), and answers it when not:
 * <ul>
 * <li>writes from a browser page of another origin are refused (403): an {@code Origin} other than
 *     the server's own or one of {@code http.allowed.origins}, or {@code Sec-Fetch-Site} saying
 *     cross-site or same-site;</li>
 * <li>writes whose route takes JSON need {@code Content-Type: application/json} (415), so no HTML
 *     form and no CORS "simple" request can make one;</li>
 * <li>with tokens configured, a write needs {@code Authorization: Bearer TOKEN} of a token with the
 *     route's role (401 without or with an unknown token, 403 with the wrong role), and reads need
 *     any token when {@code http.auth.reads} is on.</li>
 * </ul>
 * No cookie is ever read, so a browser's ambient credentials cannot make a request count. Immutable
 * and thread-safe.
 */
public final class AccessPolicy {

    /** The attribute holding the request's {@link Principal} once admitted. */
    public static final String PRINCIPAL = "filmwire.principal";

    private final List<BearerToken> tokens;
    private final boolean readsNeedToken;
    private final Set<String> allowedOrigins;

    public AccessPolicy(List<BearerToken> tokens, boolean readsNeedToken, List<String> allowedOrigins) {
        this.tokens = List.copyOf(tokens);
        this.readsNeedToken = readsNeedToken;
        List<String> origins = new ArrayList<>();
        for (String o : allowedOrigins) {
            if (o.isBlank()) {
                continue;
            }
            String origin = normaliseOrigin(o.strip());
            if (origin == null) {
                throw new ConfigException(HttpConfig.ALLOWED_ORIGINS, o, "an origin is scheme://host[:port], such as"
                        + " https://ops.example.org");
            }
            origins.add(origin);
        }
        this.allowedOrigins = Set.copyOf(origins);
    }

    /** No tokens, reads open, no other origin: what a server on loopback has by default. */
    public static AccessPolicy open() {
        return new AccessPolicy(List.of(), false, List.of());
    }

    /** True when tokens are configured. */
    public boolean hasTokens() {
        return !tokens.isEmpty();
    }

    /** The principal of a request admitted by the router, or {@link Principal#ANONYMOUS}. */
    public static Principal principal(HttpExchange exchange) {
        Object p = exchange.getAttribute(PRINCIPAL);
        return p instanceof Principal principal ? principal : Principal.ANONYMOUS;
    }

    /**
     * Admits the request to a route of {@code access}, or answers it (401, 403, 415) and returns
     * false. Sets {@link #PRINCIPAL}.
     */
    public boolean admit(HttpExchange exchange, Access access) throws IOException {
        if (access.kind() == Access.Kind.OPEN) {
            return true;
        }
        if (access.kind() == Access.Kind.WRITE && !sameOrigin(exchange)) {
            return false;
        }
        Principal principal = Principal.ANONYMOUS;
        boolean tokenNeeded = hasTokens() && (access.kind() == Access.Kind.WRITE || readsNeedToken);
        if (tokenNeeded) {
            principal = authenticate(exchange, access);
            if (principal == null) {
                return false;
            }
        }
        if (access.kind() == Access.Kind.WRITE && access.jsonOnly() && !isJson(exchange)) {
            HttpJson.error(exchange, 415, "json_required", exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + " takes a JSON body: send Content-Type: application/json");
            return false;
        }
        exchange.setAttribute(PRINCIPAL, principal);
        return true;
    }

    private Principal authenticate(HttpExchange exchange, Access access) throws IOException {
        String what = access.kind() == Access.Kind.WRITE
                ? "needs 'Authorization: Bearer TOKEN' with a token of the role " + access.role().key()
                : "needs 'Authorization: Bearer TOKEN' (reads need a token: http.auth.reads)";
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"filmwire\"");
            HttpJson.error(exchange, 401, "unauthorized", route + " " + what);
            return null;
        }
        byte[] presented = BearerToken.hash(header.substring(7).strip());
        BearerToken match = null;
        for (BearerToken token : tokens) {
            // every entry is compared, so the time taken does not tell which one matched
            if (token.matches(presented)) {
                match = token;
            }
        }
        if (match == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"filmwire\", error=\"invalid_token\"");
            HttpJson.error(exchange, 401, "invalid_token", "the bearer token is none of those configured in "
                    + HttpConfig.AUTH_TOKENS + "; " + route + " " + what);
            return null;
        }
        if (access.kind() == Access.Kind.WRITE && !match.roles().contains(access.role())) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"filmwire\", error=\"insufficient_scope\"");
            HttpJson.error(exchange, 403, "forbidden", "the token of '" + match.name() + "' has the roles "
                    + match.roles().stream().map(Role::key).sorted().collect(Collectors.joining(", ")) + "; " + route
                    + " needs " + access.role().key());
            return null;
        }
        return match.principal();
    }

    /** False (answered 403) when a browser sends the request from a page of another origin. */
    private boolean sameOrigin(HttpExchange exchange) throws IOException {
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            String normalised = normaliseOrigin(origin.strip());
            String host = exchange.getRequestHeaders().getFirst("Host");
            boolean own = normalised != null && host != null && authorityOf(normalised).equals(host.strip()
                    .toLowerCase(Locale.ROOT));
            if (own || (normalised != null && allowedOrigins.contains(normalised))) {
                return true;
            }
            return refuseOrigin(exchange, "Origin '" + origin + "'");
        }
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            return refuseOrigin(exchange, "Sec-Fetch-Site: " + site);
        }
        return true;
    }

    private static boolean refuseOrigin(HttpExchange exchange, String what) throws IOException {
        HttpJson.error(exchange, 403, "foreign_origin", "writes are not taken from pages of other sites (" + what
                + "); a console on another origin must be listed in " + HttpConfig.ALLOWED_ORIGINS);
        return false;
    }

    private static boolean isJson(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null) {
            return false;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json");
    }

    /** {@code scheme://host[:port]} in lower case with the default port left out, or null. */
    static String normaliseOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** {@code host[:port]} of a normalised origin: what the Host header of a same-origin request says. */
    private static String authorityOf(String normalisedOrigin) {
        return normalisedOrigin.substring(normalisedOrigin.indexOf("://") + 3);
    }
}
