package io.filmwire.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Page ids: the canonical URL of a page, or {@code sha256:<hex>} of its body when it has no URL.
 * Canonical means: scheme and host in lower case, default port, fragment and tracking parameters
 * ({@code utm_*}, {@code fbclid}, {@code gclid}, ...) removed, an empty path as {@code /}.
 */
public final class PageIds {

    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl",
            "ref_src", "spm", "cmpid", "ncid", "sr_share", "share", "mkt_tok", "oly_anon_id", "oly_enc_id",
            "__s", "vero_id", "_hsenc", "_hsmi", "wt.mc_id", "s_cid", "ito");

    private PageIds() {
    }

    /** The page id of a page at {@code url} (may be null) with {@code body}. */
    public static String pageId(String url, String body) {
        String canonical = url == null || url.isBlank() ? null : canonicalUrl(url);
        return canonical != null ? canonical : contentId(body);
    }

    /** {@code sha256:<hex>} of the UTF-8 bytes of {@code body}. */
    public static String contentId(String body) {
        return "sha256:" + sha256Hex(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The canonical form of an absolute http(s) URL, or null when {@code url} is not one.
     */
    public static String canonicalUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = stripTracking(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String stripTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }

    /** The host of a canonical URL without {@code www.}, or null. */
    public static String site(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = new URI(url).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
