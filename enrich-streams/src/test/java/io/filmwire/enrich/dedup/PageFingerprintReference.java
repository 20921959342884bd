package io.filmwire.enrich.dedup;

import static io.filmwire.enrich.dedup.PageFingerprint.FURNITURE_ROLES;
import static io.filmwire.enrich.dedup.PageFingerprint.FURNITURE_TAGS;
import static io.filmwire.enrich.dedup.PageFingerprint.FURNITURE_WORDS;
import static io.filmwire.enrich.dedup.PageFingerprint.HIDDEN;
import static io.filmwire.enrich.dedup.PageFingerprint.JSON_LD;
import static io.filmwire.enrich.dedup.PageFingerprint.OPTIONAL_END;
import static io.filmwire.enrich.dedup.PageFingerprint.VOID;
import static io.filmwire.enrich.dedup.PageFingerprint.indexOfIgnoreCase;
import static io.filmwire.enrich.dedup.PageFingerprint.isNameChar;
import static io.filmwire.enrich.dedup.PageFingerprint.tagEnd;
import static io.filmwire.enrich.dedup.PageFingerprint.withoutQueries;

import io.filmwire.schema.PageIds;
import io.filmwire.schema.RawPage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * The page fingerprint as it was first written (2026-12-03): the content read with three attribute
 * scans a tag, class names split by a regular expression, each text piece copied, and the body and
 * the folded content encoded whole for their SHA-256. Kept as what {@link PageFingerprint} is held
 * to (fingerprints are stored dedup state: they must not change); the tag scanning, hidden-element
 * skipping and query removal, which that change left as they were, are taken from it.
 */
final class PageFingerprintReference {

    private PageFingerprintReference() {
    }

    static PageFingerprint of(RawPage page) {
        String body = page.body() == null ? "" : page.body();
        String content = RawPage.TEXT.equals(page.contentType()) ? body : content(body);
        String folded = TextSketch.fold(content);
        return new PageFingerprint(PageIds.sha256Hex(body.getBytes(StandardCharsets.UTF_8)),
                PageIds.sha256Hex(folded.getBytes(StandardCharsets.UTF_8)), folded.length());
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
        String text = html.substring(from, to);
        out.append(text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false));
    }

    private static boolean isFurniture(String tag, String html, int from, int to) {
        if (FURNITURE_TAGS.contains(tag)) {
            return true;
        }
        if (FURNITURE_ROLES.contains(attribute(html, from, to, "role").trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return namesFurniture(attribute(html, from, to, "class")) || namesFurniture(attribute(html, from, to, "id"));
    }

    private static boolean namesFurniture(String names) {
        if (names.isEmpty()) {
            return false;
        }
        for (String word : PageFingerprint.CompiledRx.P1.split(names.toLowerCase(Locale.ROOT))) {
            if (FURNITURE_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The value of attribute {@code name} in the tag text {@code html[from, to)}, or "" (a simple scan, entity-free). */
    static String attribute(String html, int from, int to, String name) {
        int i = from;
        while (i < to) {
            while (i < to && !isNameChar(html.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < to && (isNameChar(html.charAt(i)) || html.charAt(i) == ':')) {
                i++;
            }
            if (start == i) {
                return "";
            }
            boolean match = i - start == name.length() && html.regionMatches(true, start, name, 0, name.length());
            while (i < to && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            if (i >= to || html.charAt(i) != '=') {
                if (match) {
                    return "";
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
            if (match) {
                return html.substring(valueStart, valueEnd);
            }
        }
        return "";
    }
}
