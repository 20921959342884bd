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
 * Canonical means: scheme and host in lower case, an internationalised host in punycode
 * ({@code bücher.example} -> {@code xn--bcher-kva.example}), a numeric host as browsers read it
 * ({@code 0177.0.0.1}, {@code 0x7f.1} and {@code 2130706433} are {@code 127.0.0.1}), default port
 * dropped, characters a URI may not hold in path and query (spaces, non-ASCII letters) percent-encoded
 * as UTF-8, backslashes as slashes, user info, fragment and tracking parameters ({@code utm_*},
 * {@code fbclid}, {@code gclid}, ...) removed, an empty path as {@code /}.
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
        return "sha256:" + sha256Hex(body);
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}, the same as
     * {@code sha256Hex(text.getBytes(UTF_8))} (an unpaired surrogate is {@code ?}) but encoded a few
     * thousand characters at a time into one small buffer instead of a copy of the whole text.
     */
    public static String sha256Hex(String text) {
        MessageDigest digest = sha256();
        int n = text.length();
        char[] chars = new char[Math.min(n, UTF8_CHUNK)];
        byte[] bytes = new byte[chars.length * 3];
        int from = 0;
        while (from < n) {
            int to = Math.min(n, from + UTF8_CHUNK);
            if (to < n && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--; // keep a pair in one chunk (a chunk holds at least two characters)
            }
            text.getChars(from, to, chars, 0);
            digest.update(bytes, 0, utf8(chars, to - from, bytes));
            from = to;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final int UTF8_CHUNK = 4096;

    /** Writes the UTF-8 of chars[0, length) to {@code out} (room for 3 bytes a character), as String.getBytes does. */
    private static int utf8(char[] chars, int length, byte[] out) {
        int p = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                int cp = Character.toCodePoint(c, chars[++i]); // 4 bytes for 2 characters
                out[p++] = (byte) (0xF0 | cp >> 18);
                out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[p++] = '?';
            }
        }
        return p;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The canonical form of an absolute http(s) URL or IRI, or null when {@code url} is not one (no
     * host, a host that is no valid name or address, a bad port).
     */
    public static String canonicalUrl(String url) {
        String ascii = toAsciiUri(url.strip());
        if (ascii == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(ascii);
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

    /**
     * An IRI as a URI string: host through IDNA (punycode) and the browsers' reading of numeric
     * hosts, path and query percent-encoded where a URI may not hold a character; null when it
     * is not an absolute http(s) IRI with a valid host.
     */
    private static String toAsciiUri(String iri) {
        int colon = iri.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String scheme = iri.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        // browsers read backslashes in http(s) URLs as slashes, and take any number of them after the scheme
        String rest = iri.substring(colon + 1).replace('\\', '/');
        if (!rest.startsWith("//")) {
            return null;
        }
        rest = rest.replaceFirst("^/+", "");
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        String tail = rest.substring(end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = authority.substring(0, close + 1).toLowerCase(Locale.ROOT);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return null;
                }
                port = after.substring(1);
            }
        } else {
            int portColon = authority.lastIndexOf(':');
            host = portColon >= 0 ? authority.substring(0, portColon) : authority;
            port = portColon >= 0 ? authority.substring(portColon + 1) : "";
            host = asciiHost(host);
            if (host == null) {
                return null;
            }
        }
        if (!port.isEmpty() && (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5
                || Integer.parseInt(port) > 65535)) {
            return null;
        }
        int hash = tail.indexOf('#');
        if (hash >= 0) {
            tail = tail.substring(0, hash);
        }
        return scheme + "://" + host + (port.isEmpty() ? "" : ":" + port) + encodeIllegal(tail);
    }

    /** A host name or IPv4 address in the form a URI holds, or null when it is no valid host. */
    private static String asciiHost(String host) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(host.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (decoded.isEmpty()) {
            return null;
        }
        String ascii;
        try {
            ascii = java.net.IDN.toASCII(decoded, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String numeric = numericHost(ascii);
        if (numeric != null) {
            return numeric.isEmpty() ? null : numeric;
        }
        return ascii.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?") ? ascii : null;
    }

    /**
     * The IPv4 address a browser reads in a host that ends in a number (the WHATWG URL standard:
     * up to four parts, each decimal, octal after a leading 0 or hex after 0x, the last filling the
     * remaining bytes), as a dotted quad; the empty string when it ends in a number but is no valid
     * address; null when the host is a name.
     */
    public static String numericHost(String host) {
        String h = host.endsWith(".") && host.length() > 1 ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        String last = parts[parts.length - 1];
        boolean endsInNumber = !last.isEmpty() && (last.chars().allMatch(c -> c >= '0' && c <= '9') || ipv4Part(last) >= 0);
        if (!endsInNumber) {
            return null;
        }
        if (parts.length > 4) {
            return "";
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = ipv4Part(parts[i]);
            if (numbers[i] < 0 || (i < parts.length - 1 && numbers[i] > 255)) {
                return "";
            }
        }
        long address = numbers[parts.length - 1];
        if (address >= 1L << (8 * (5 - parts.length))) {
            return "";
        }
        for (int i = 0; i < parts.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    /** One part of a numeric host: decimal, octal (leading 0) or hex (0x); -1 when it is none or too large. */
    private static long ipv4Part(String part) {
        if (part.isEmpty() || part.length() > 40) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return 0;
        }
        long value = 0;
        for (char c : digits.toCharArray()) {
            int d = Character.digit(c, radix);
            if (c >= 128 || d < 0) {
                return -1;
            }
            value = value * radix + d;
            if (value > 0xFFFF_FFFFL) {
                return -1;
            }
        }
        return value;
    }

    /** Percent-encodes (UTF-8) what a URI may not hold in path and query; keeps valid escapes. */
    private static String encodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (cp == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.append('%');
            } else if (cp > 0x20 && cp < 0x7f && "\"<>\\^`{|}%".indexOf(cp) < 0) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 15, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
                }
            }
            i += len;
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
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
