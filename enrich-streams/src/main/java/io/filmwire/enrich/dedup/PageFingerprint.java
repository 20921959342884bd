package io.filmwire.enrich.dedup;

import io.filmwire.schema.PageIds;
import io.filmwire.schema.RawPage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * What makes two pages the same page whatever their article: the exact bytes, and the page's own
 * content, that is its visible text without its furniture, with its title and structured data.
 *
 * <p>The content is read from the raw HTML in one pass (linear in the page): tags and comments
 * dropped; the text of {@code script}, {@code style} and other non-text elements dropped, except
 * the JSON-LD, whose URLs lose their query; entities decoded ({@code é}, {@code &eacute;} and
 * {@code &#233;} are one letter); and the furniture skipped: {@code nav}, {@code header},
 * {@code footer}, {@code aside} and {@code menu}, elements with a landmark role of navigation,
 * banner, site information or complement, and elements whose class or id has a word that names ads,
 * navigation, headers, footers, sidebars or sharing ({@link #FURNITURE_WORDS}). The rest is folded
 * as article texts are ({@link TextSketch#fold}). So other ads, navigation, headers and footers
 * around the same content, other whitespace, tracking parameters and re-encoded entities leave it
 * the same, while any change of the content (another film's title, cast or description on a page
 * of the same site's template) changes it. A text page's content is its whole text.
 *
 * @param bytes        lower-case hex SHA-256 of the page's body as received (UTF-16 code units as UTF-8)
 * @param content      lower-case hex SHA-256 of the folded content
 * @param contentChars length of the folded content (letters and digits); 0: no content to compare
 */
public record PageFingerprint(String bytes, String content, int contentChars) {

    /** Elements that hold a site's furniture rather than a page's content. */
    static final Set<String> FURNITURE_TAGS = Set.of("nav", "header", "footer", "aside", "menu");
    /** Landmark roles of furniture. */
    static final Set<String> FURNITURE_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary", "search");
    /** Words of a class or id (split at spaces, hyphens and underscores) that name furniture. */
    static final Set<String> FURNITURE_WORDS = Set.of("nav", "navbar", "navigation", "menu", "menubar", "topbar",
            "header", "masthead", "footer", "sidebar", "ad", "ads", "adslot", "adunit", "advert", "advertisement",
            "advertising", "sponsor", "sponsored", "promo", "banner", "cookie", "cookies", "consent", "share",
            "sharing", "social", "newsletter", "subscribe", "breadcrumb", "breadcrumbs");
    /** Elements whose text is not shown (their content is skipped, JSON-LD aside). */
    static final Set<String> HIDDEN = Set.of("script", "style", "noscript", "template", "svg", "iframe",
            "object", "canvas", "textarea", "select");
    /** Elements that never have an end tag. */
    static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr");
    /**
     * Elements whose end tag may be left out: never skipped as furniture, since an unclosed one would
     * hide the rest of the page.
     */
    static final Set<String> OPTIONAL_END = Set.of("html", "head", "body", "p", "li", "dt", "dd", "tr", "td",
            "th", "thead", "tbody", "tfoot", "colgroup", "option", "optgroup", "rb", "rt", "rp", "caption");
    static final String JSON_LD = "application/ld+json";

    public PageFingerprint {
        if (contentChars < 0) {
            throw new IllegalArgumentException("contentChars must be 0 or more, was " + contentChars);
        }
    }

    /** The fingerprint of a raw page (HTML, or text when its content type says so). */
    public static PageFingerprint of(RawPage page) {
        String body = page.body() == null ? "" : page.body();
        String content = RawPage.TEXT.equals(page.contentType()) ? body : content(body);
        String folded = TextSketch.fold(content);
        return new PageFingerprint(PageIds.sha256Hex(body), PageIds.sha256Hex(folded), folded.length());
    }

    /** This fingerprint as one line of text ({@code bytes:content:contentChars}), e.g. for a record header. */
    public String toText() {
        return bytes + ":" + content + ":" + contentChars;
    }

    /** The fingerprint written by {@link #toText}; null for null or a malformed text. */
    public static PageFingerprint fromText(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        try {
            int chars = Integer.parseInt(parts[2]);
            return chars < 0 ? null : new PageFingerprint(parts[0], parts[1], chars);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The content of an HTML page, unfolded: its shown text and JSON-LD outside furniture elements,
     * pieces separated by spaces. One pass over {@code html}; an unclosed element runs to the end.
     */
    static String content(String html) {
        StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 16));
        int n = html.length();
        int i = 0;
        String skipping = null; // the tag of the furniture element being skipped
        int skipDepth = 0;      // open elements of that tag inside it, itself included
        while (i < n) {
            int lt = html.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (skipping == null && textEnd > i) {
                appendText(out, html, i, textEnd);
            }
            if (lt < 0) {
                break;
            }
            if (html.startsWith("<!--", lt)) {
                int close = html.indexOf("-->", lt + 4);
                i = close < 0 ? n : close + 3;
                continue;
            }
            int gt = tagEnd(html, lt + 1);
            if (gt < 0) {
                if (skipping == null) {
                    appendText(out, html, lt, n);
                }
                break;
            }
            boolean closing = lt + 1 < n && html.charAt(lt + 1) == '/';
            int nameStart = closing ? lt + 2 : lt + 1;
            int nameEnd = nameStart;
            while (nameEnd < gt && isNameChar(html.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == nameStart) { // "<!doctype", "<?xml", "< 3": not an element
                i = gt + 1;
                if (skipping == null && !(html.charAt(nameStart) == '!' || html.charAt(nameStart) == '?')) {
                    appendText(out, html, lt, gt + 1);
                }
                continue;
            }
            String tag = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            i = gt + 1;
            if (closing) {
                if (tag.equals(skipping) && --skipDepth == 0) {
                    skipping = null;
                }
                out.append(' ');
                continue;
            }
            boolean selfClosing = html.charAt(gt - 1) == '/';
            if (HIDDEN.contains(tag)) {
                int close = indexOfIgnoreCase(html, "</" + tag, i);
                int contentEnd = close < 0 ? n : close;
                if (skipping == null && tag.equals("script")
                        && attribute(html, nameEnd, gt, "type").toLowerCase(Locale.ROOT).contains(JSON_LD)) {
                    out.append(' ').append(withoutQueries(html.substring(i, contentEnd))).append(' ');
                }
                int closeEnd = close < 0 ? -1 : tagEnd(html, close + 2);
                i = closeEnd < 0 ? n : closeEnd + 1;
                continue;
            }
            if (skipping != null) {
                if (tag.equals(skipping) && !selfClosing) {
                    skipDepth++;
                }
                continue;
            }
            out.append(' ');
            if (!selfClosing && !VOID.contains(tag) && !OPTIONAL_END.contains(tag) && isFurniture(tag, html, nameEnd, gt)) {
                skipping = tag;
                skipDepth = 1;
            }
        }
        return out.toString();
    }

    private static void appendText(StringBuilder out, String html, int from, int to) {
        for (int i = from; i < to; i++) {
            if (html.charAt(i) == '&') {
                out.append(Parser.unescapeEntities(html.substring(from, to), false));
                return;
            }
        }
        out.append(html, from, to);
    }

    /** Attributes {@link #isFurniture} reads, by their index in a {@link #attributes} scan. */
    private static final String[] FURNITURE_ATTRIBUTES = {"role", "class", "id"};

    private static boolean isFurniture(String tag, String html, int from, int to) {
        if (FURNITURE_TAGS.contains(tag)) {
            return true;
        }
        int[] at = attributes(html, from, to, FURNITURE_ATTRIBUTES);
        if (at[1] > at[0] && FURNITURE_ROLES.contains(html.substring(at[0], at[1]).trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return namesFurniture(html, at[2], at[3]) || namesFurniture(html, at[4], at[5]);
    }

    /**
     * Whether a word of the class or id names html[from, to) is one of {@link #FURNITURE_WORDS}: the
     * names lower-cased and split at whitespace, hyphens and underscores. ASCII names (nearly all) are
     * read in place, a word looked at only when its lower-case hash is a furniture word's.
     */
    private static boolean namesFurniture(String html, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (html.charAt(i) >= 128) { // lower-casing may change its length or make ASCII of it
                for (String word : CompiledRx.P1.split(html.substring(from, to).toLowerCase(Locale.ROOT))) {
                    if (FURNITURE_WORDS.contains(word)) {
                        return true;
                    }
                }
                return false;
            }
        }
        int start = from;
        int hash = 0;
        for (int i = from; i <= to; i++) {
            char c = i < to ? html.charAt(i) : ' ';
            if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
                if (i > start && Arrays.binarySearch(FURNITURE_WORD_HASHES, hash) >= 0 && isFurnitureWord(html, start, i)) {
                    return true;
                }
                start = i + 1;
                hash = 0;
            } else {
                hash = 31 * hash + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
        }
        return false;
    }

    /** {@code String.hashCode} of each furniture word, sorted. */
    private static final int[] FURNITURE_WORD_HASHES = FURNITURE_WORDS.stream().mapToInt(String::hashCode).sorted().toArray();

    private static boolean isFurnitureWord(String html, int from, int to) {
        for (String word : FURNITURE_WORDS) {
            if (word.length() == to - from && html.regionMatches(true, from, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** The value of attribute {@code name} in the tag text {@code html[from, to)}, or "" (a simple scan, entity-free). */
    static String attribute(String html, int from, int to, String name) {
        int[] at = attributes(html, from, to, new String[] {name});
        return html.substring(at[0], at[1]);
    }

    /**
     * Where the values of attributes {@code names} are in the tag text {@code html[from, to)}, found in
     * one simple scan (entity-free): for name k, its value is html[at[2k], at[2k + 1]), empty when the
     * attribute is missing or has no value; the first of a name named twice counts.
     */
    private static int[] attributes(String html, int from, int to, String[] names) {
        int[] at = new int[2 * names.length];
        int missing = names.length;
        boolean[] found = new boolean[names.length];
        int i = from;
        while (i < to && missing > 0) {
            while (i < to && !isNameChar(html.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < to && (isNameChar(html.charAt(i)) || html.charAt(i) == ':')) {
                i++;
            }
            if (start == i) {
                break;
            }
            int match = -1;
            for (int k = 0; k < names.length; k++) {
                if (!found[k] && i - start == names[k].length() && html.regionMatches(true, start, names[k], 0, names[k].length())) {
                    match = k;
                    break;
                }
            }
            while (i < to && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            if (i >= to || html.charAt(i) != '=') {
                if (match >= 0) {
                    found[match] = true;
                    missing--;
                }
                continue;
            }
            i++;
            while (i < to && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            int valueStart;
            int valueEnd;
            if (i < to && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                char quote = html.charAt(i);
                valueStart = i + 1;
                int q = html.indexOf(quote, valueStart);
                valueEnd = q < 0 || q > to ? to : q;
                i = valueEnd + 1;
            } else {
                valueStart = i;
                while (i < to && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
                    i++;
                }
                valueEnd = i;
            }
            if (match >= 0) {
                found[match] = true;
                missing--;
                at[2 * match] = valueStart;
                at[2 * match + 1] = valueEnd;
            }
        }
        return at;
    }

    /** The index of the {@code >} ending the tag whose text starts at {@code from}, quotes respected; -1 when none. */
    static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                // a quote opens a value only after '=' (a stray apostrophe in "<a don't>" does not)
                int p = i - 1;
                while (p >= from && Character.isWhitespace(html.charAt(p))) {
                    p--;
                }
                if (p >= from && html.charAt(p) == '=') {
                    int close = html.indexOf(c, i + 1);
                    if (close < 0) {
                        return html.indexOf('>', i + 1);
                    }
                    i = close;
                }
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    static int indexOfIgnoreCase(String html, String what, int from) {
        int n = html.length() - what.length();
        char first = what.charAt(0);
        for (int i = from; i <= n; i++) {
            i = html.indexOf(first, i);
            if (i < 0 || i > n) {
                return -1;
            }
            if (html.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    /** The text with the query and fragment of each URL removed: tracking parameters do not count. */
    static String withoutQueries(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            int url = text.indexOf("://", i);
            if (url < 0) {
                out.append(text, i, n);
                break;
            }
            int end = url + 3;
            while (end < n && !isUrlEnd(text.charAt(end))) {
                end++;
            }
            int query = url + 3;
            while (query < end && text.charAt(query) != '?' && text.charAt(query) != '#') {
                query++;
            }
            out.append(text, i, query);
            i = end;
        }
        return out.toString();
    }

    private static boolean isUrlEnd(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\';
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("[\\s_-]+");

        private CompiledRx() {
        }
    }
}
