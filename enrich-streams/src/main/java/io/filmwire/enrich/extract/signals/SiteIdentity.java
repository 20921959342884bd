package io.filmwire.enrich.extract.signals;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a page shows of the site that published it: the host and its name read as letters
 * ("boxofficemojo" for boxofficemojo.com, which "Box Office Mojo" matches), and the names the page
 * declares ({@code og:site_name}, {@code application-name}, the twitter handle). Used to take the
 * site's name off titles whatever the site. Immutable.
 */
public final class SiteIdentity {

    /** Second-level labels that are part of a public suffix ("co" in bfi.co.uk), not the site's name. */
    private static final Set<String> SUFFIX_LABELS = Set.of("co", "com", "org", "net", "gov", "ac", "edu", "ne", "or",
            "go", "gob", "nic", "info", "biz");
    private static final Set<String> HOST_WORDS = Set.of("www", "m", "mobile", "amp", "en", "es", "de", "fr", "it", "pt",
            "ru", "www2", "web");
    /** Words that join a site's name to a title: "X at Hyperreal Film Club", "X on Netflix". */
    private static final Pattern CONNECTOR = Pattern.compile("(?iu)^(at|@|on|by|from|via|in|à|en|bei|auf|na|no|em|в|на)$");

    private final String host;
    private final List<String> labels;
    private final List<String> names;

    private SiteIdentity(String host, List<String> labels, List<String> names) {
        this.host = host;
        this.labels = List.copyOf(labels);
        this.names = List.copyOf(names);
    }

    /** The identity from the page's host (may be null) and the names it declares (nulls ignored). */
    public static SiteIdentity of(String host, List<String> declaredNames) {
        List<String> labels = new ArrayList<>();
        if (host != null) {
            String[] parts = host.toLowerCase(Locale.ROOT).split("\\.");
            // the registrable label and the ones before it, without www and the public suffix
            int last = parts.length - 1;
            if (last >= 2 && SUFFIX_LABELS.contains(parts[last - 1])) {
                last--;
            }
            for (int i = 0; i < last; i++) {
                String l = Words.letters(parts[i]);
                if (l.length() >= 2 && !HOST_WORDS.contains(parts[i])) {
                    labels.add(l);
                }
            }
            // "hyperrealfilm.club": the suffix can be part of the name
            if (parts.length >= 2 && !SUFFIX_LABELS.contains(parts[parts.length - 1]) && parts[parts.length - 1].length() > 3) {
                labels.add(Words.letters(parts[parts.length - 2] + parts[parts.length - 1]));
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (String n : declaredNames) {
            if (n != null) {
                String l = Words.letters(n.startsWith("@") ? n.substring(1) : n);
                if (l.length() >= 2 && l.length() <= 60) {
                    names.add(l);
                }
            }
        }
        return new SiteIdentity(host, labels, new ArrayList<>(names));
    }

    /** The host, or null. */
    public String host() {
        return host;
    }

    /**
     * How much of {@code text} is the site's name, 0..1: 1 when it is exactly a declared name or
     * the host's name, the share of its letters that the name covers when it contains it ("Curzon
     * Cinemas Aldgate" holds "curzoncinemas"), 0 when unrelated.
     */
    public double coverage(String text) {
        String l = Words.letters(text);
        if (l.length() < 2) {
            return 0;
        }
        double best = 0;
        for (String n : names) {
            best = Math.max(best, coverage(l, n, 2));
        }
        for (String n : labels) {
            best = Math.max(best, coverage(l, n, 3));
        }
        return best;
    }

    private static double coverage(String text, String name, int minName) {
        if (text.equals(name)) {
            return 1;
        }
        if (name.length() >= minName && text.contains(name)) {
            return (double) name.length() / text.length();
        }
        if (text.length() >= 4 && name.contains(text)) {
            // "ICA" for "icaart", "BFI" for "bfisite": the site's short name
            return name.startsWith(text) ? 0.9 : 0.6;
        }
        return 0;
    }

    /** True when {@code text} is the site's name (or almost only that). */
    public boolean isName(String text) {
        return coverage(text) >= 0.99 || Words.letters(text).length() >= 6 && coverage(text) >= 0.8;
    }

    /**
     * {@code title} without the site's name where a connector or separator attaches it at the end
     * or the start ("BURLESQUE at HYPERREAL FILM CLUB" -> "BURLESQUE"); unchanged otherwise.
     */
    public String strip(String title) {
        String[] words = CompiledRx.P1.split(title.strip());
        if (words.length < 2) {
            return title.strip();
        }
        for (int k = Math.min(6, words.length - 1); k >= 1; k--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - k, words.length));
            if (isName(tail)) {
                int cut = words.length - k;
                String before = words[cut - 1];
                if (CONNECTOR.matcher(before).matches() && cut - 1 >= 1) {
                    return String.join(" ", java.util.Arrays.copyOfRange(words, 0, cut - 1));
                }
                if (CompiledRx.P2.matcher(before).matches() && cut - 1 >= 1) {
                    return String.join(" ", java.util.Arrays.copyOfRange(words, 0, cut - 1));
                }
            }
        }
        for (int k = Math.min(6, words.length - 1); k >= 1; k--) {
            String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, k));
            String next = words[k];
            String headNoColon = CompiledRx.P3.matcher(head).replaceAll("");
            boolean separated = !headNoColon.equals(head) || CompiledRx.P4.matcher(next).matches();
            if (separated && isName(headNoColon)) {
                int from = CompiledRx.P4.matcher(next).matches() ? k + 1 : k;
                if (from < words.length) {
                    return String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
                }
            }
        }
        return title.strip();
    }

    /** The host of a URL without {@code www.}, or null. */
    public static String hostOf(String url) {
        if (url == null || url.isBlank() || !url.contains("//")) {
            return null; // a host comes only after "//": relative links, fragments, mailto: have none
        }
        String quick = plainHost(url.strip());
        return quick != null ? quick : parsedHost(url);
    }

    /** {@link #hostOf} by {@link URI}: the reference for {@link #plainHost}, which reads most links without it. */
    static String parsedHost(String url) {
        try {
            String h = new URI(url.strip().replace(" ", "%20")).getHost();
            if (h == null) {
                return null;
            }
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The host of a link as {@link #parsedHost} gives it, read without building a {@link URI}, for
     * the links whose every character the URI parser takes as it is: "scheme://host[:port]..." or
     * "//host..." with a plain host name (letters, digits and hyphens in dotted labels, the last one
     * starting with a letter), no user, no IPv6 literal, only legal URI characters after it (with
     * well-formed %-escapes and at most one '#'); null when the link is not that plain (the URI
     * parser decides it then). A page holds hundreds of links, and
     * a URI per link was a visible share of reading the page.
     */
    static String plainHost(String url) {
        int n = url.length();
        int at = 0;
        if (n > 0 && isAsciiLetter(url.charAt(0))) {
            int i = 1;
            while (i < n && (isAsciiLetter(url.charAt(i)) || isAsciiDigit(url.charAt(i)) || "+-.".indexOf(url.charAt(i)) >= 0)) {
                i++;
            }
            if (i < n && url.charAt(i) == ':') {
                at = i + 1;
            }
        }
        if (!url.startsWith("//", at)) {
            return null;
        }
        int hostStart = at + 2;
        int hostEnd = hostStart;
        while (hostEnd < n && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        int portAt = url.indexOf(':', hostStart);
        int nameEnd = portAt >= 0 && portAt < hostEnd ? portAt : hostEnd;
        if (nameEnd < hostEnd) {
            if (nameEnd + 1 == hostEnd) {
                return null;
            }
            for (int i = nameEnd + 1; i < hostEnd; i++) {
                if (!isAsciiDigit(url.charAt(i))) {
                    return null;
                }
            }
        }
        if (!isPlainHostName(url, hostStart, nameEnd) || !legalRest(url, hostEnd)) {
            return null;
        }
        StringBuilder host = new StringBuilder(nameEnd - hostStart);
        for (int i = hostStart; i < nameEnd; i++) {
            char c = url.charAt(i);
            host.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        String h = host.toString();
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    /** Dotted labels of letters, digits and inner hyphens, the last label starting with a letter. */
    private static boolean isPlainHostName(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (i == labelStart || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                    return false;
                }
                if (i == to && !isAsciiLetter(s.charAt(labelStart))) {
                    return false;
                }
                labelStart = i + 1;
            } else {
                char c = s.charAt(i);
                if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether the path, query and fragment from {@code from} on hold only characters the URI parser
     * takes as they are: unreserved and reserved ASCII, a space (sent as %20), %-escapes of two hex
     * digits, non-ASCII characters that are neither controls nor spaces, and one '#' at most.
     */
    private static boolean legalRest(String s, int from) {
        boolean fragment = false;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (isAsciiLetter(c) || isAsciiDigit(c) || "-_.!~*'();/?:@&=+$, ".indexOf(c) >= 0) {
                    continue;
                }
                if (c == '%' && i + 2 < n && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                    i += 2;
                    continue;
                }
                if (c == '#' && !fragment) {
                    fragment = true;
                    continue;
                }
                return false;
            }
            if (Character.isISOControl(c) || Character.isSpaceChar(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isAsciiDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s+");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("[|:\\-–—·•@/]+");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("[:|\\-–—]+$");
        static final java.util.regex.Pattern P4 = java.util.regex.Pattern.compile("[|:\\-–—·•]+");

        private CompiledRx() {
        }
    }
}
