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
