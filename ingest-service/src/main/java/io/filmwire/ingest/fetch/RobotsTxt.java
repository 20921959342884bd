package io.filmwire.ingest.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for one crawler name, as RFC 9309 reads them: the groups whose
 * {@code User-agent} is that name (else the {@code *} groups) apply; of their {@code Allow} and
 * {@code Disallow} rules the longest matching one decides, {@code Allow} winning a tie;
 * {@code *} matches any run of characters and a final {@code $} anchors the end. A
 * {@code Crawl-delay} of the chosen groups is kept. Immutable and thread-safe.
 */
public final class RobotsTxt {

    /** Everything allowed (no robots.txt, or one that could not be found: 4xx). */
    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null);

    private record Rule(String pattern, boolean allow) {
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private RobotsTxt(List<Rule> rules, Duration crawlDelay) {
        this.rules = List.copyOf(rules);
        this.crawlDelay = crawlDelay;
    }

    /**
     * Reads {@code text} for the crawler {@code agent} (its product token, such as {@code Filmwire};
     * matched without regard to case).
     */
    public static RobotsTxt parse(String text, String agent) {
        String me = agent.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        Duration myDelay = null;
        Duration starDelay = null;
        boolean forMe = false;
        boolean forStar = false;
        boolean inAgents = false;
        boolean anyMine = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (field.equals("user-agent")) {
                if (!inAgents) {
                    forMe = false;
                    forStar = false;
                    inAgents = true;
                }
                String name = value.split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
                if (name.equals("*")) {
                    forStar = true;
                } else if (!name.isEmpty() && name.equals(me)) {
                    forMe = true;
                    anyMine = true;
                }
                continue;
            }
            inAgents = false;
            switch (field) {
                case "allow", "disallow" -> {
                    if (value.isEmpty()) {
                        continue;
                    }
                    Rule rule = new Rule(normalise(encode(value)), field.equals("allow"));
                    if (forMe) {
                        mine.add(rule);
                    }
                    if (forStar) {
                        star.add(rule);
                    }
                }
                case "crawl-delay" -> {
                    Duration delay = parseDelay(value);
                    if (delay != null && forMe) {
                        myDelay = delay;
                    }
                    if (delay != null && forStar) {
                        starDelay = delay;
                    }
                }
                default -> {
                    // Sitemap and other fields do not change what may be fetched
                }
            }
        }
        return anyMine ? new RobotsTxt(mine, myDelay) : new RobotsTxt(star, starDelay);
    }

    private static Duration parseDelay(String value) {
        try {
            double seconds = Double.parseDouble(value);
            return seconds >= 0 && seconds < 86_400 ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True when the crawler may fetch {@code url}. {@code /robots.txt} itself is always allowed. */
    public boolean allows(URI url) {
        Rule rule = decidingRule(url);
        return rule == null || rule.allow();
    }

    /** The crawl delay asked for, or null. */
    public Duration crawlDelay() {
        return crawlDelay;
    }

    /** The pattern of the rule that disallows {@code url}, for messages; null when allowed. */
    public String disallowingRule(URI url) {
        Rule rule = decidingRule(url);
        return rule == null || rule.allow() ? null : rule.pattern();
    }

    private Rule decidingRule(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (path.equals("/robots.txt")) {
            return null;
        }
        String target = normalise(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery());
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), target)
                    && (best == null || rule.pattern().length() > best.pattern().length()
                    || rule.pattern().length() == best.pattern().length() && rule.allow() && !best.allow())) {
                best = rule;
            }
        }
        return best;
    }

    /**
     * Whether {@code pattern} matches the start of {@code path}: {@code *} any run, a final {@code $}
     * the end. Linear-time wildcard matching (a hostile robots.txt cannot make it slow).
     */
    static boolean matches(String pattern, String path) {
        String p = pattern.endsWith("$") ? pattern.substring(0, pattern.length() - 1) : pattern + "*";
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < path.length()) {
            if (pi < p.length() && p.charAt(pi) != '*' && p.charAt(pi) == path.charAt(si)) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /** Upper-cases the hex digits of percent escapes, so that {@code %c3} and {@code %C3} compare equal. */
    private static String normalise(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s);
        for (int i = 0; i + 2 < out.length(); i++) {
            if (out.charAt(i) == '%') {
                out.setCharAt(i + 1, Character.toUpperCase(out.charAt(i + 1)));
                out.setCharAt(i + 2, Character.toUpperCase(out.charAt(i + 2)));
            }
        }
        return out.toString();
    }

    /** Percent-encodes what is not ASCII in a rule, so that it compares with raw URL paths. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int u = b & 0xff;
            if (u < 0x21 || u > 0x7e) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", u));
            } else {
                out.append((char) u);
            }
        }
        return out.toString();
    }
}
