package io.filmwire.enrich.extract.semi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Text of DOM nodes with line breaks where blocks and {@code <br>} break it. Stateless. */
public final class DomText {

    public static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt",
            "dd", "table", "tbody", "thead", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
            "br", "figure", "figcaption", "header", "footer", "aside", "nav", "form", "hr", "option", "select");
    public static final Set<String> INVISIBLE = Set.of("script", "style", "noscript", "template", "head", "svg", "iframe",
            "select", "option", "button", "input", "textarea", "object", "embed", "canvas");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[ \\t\\x0B\\f\\r\\u200b]+");

    private DomText() {
    }

    /** The text of {@code nodes}, one line per block, whitespace collapsed within lines, blank lines dropped. */
    public static String text(List<? extends Node> nodes) {
        Tidy out = new Tidy();
        for (Node n : nodes) {
            append(n, out, null);
            out.newline();
        }
        return out.finish().toString();
    }

    /** The text of one node, as {@link #text(List)}. */
    public static String text(Node node) {
        Tidy out = new Tidy();
        append(node, out, null);
        return out.finish().toString();
    }

    /** The lines of the text of {@code node}. */
    public static List<String> lines(Node node) {
        return lines(node, java.util.Collections.emptySet());
    }

    /** The lines of the text of {@code node}, leaving out the subtrees {@code skipped} and those about other things. */
    public static List<String> lines(Node node, Set<Element> skipped) {
        Tidy tidy = new Tidy();
        append(node, tidy, skipped);
        StringBuilder text = tidy.finish();
        List<String> out = new ArrayList<>();
        // the non-blank lines, cut from the tidied text without copying it whole or copying the blank ones
        for (int start = 0, n = text.length(); start < n; ) {
            int nl = text.indexOf("\n", start);
            int end = nl < 0 ? n : nl;
            for (int i = start; i < end; i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    out.add(text.substring(start, end));
                    break;
                }
            }
            start = end + 1;
        }
        return out;
    }

    private static void append(Node root, Tidy out, Set<Element> skipped) {
        NodeTraversor.traverse(new NodeVisitor() {
            private int skip = 0;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element el) {
                    if (INVISIBLE.contains(el.normalName()) || skip > 0
                            || skipped != null && (skipped.contains(el) || Regions.isElsewhere(el))) {
                        skip++;
                        return;
                    }
                    if (BLOCKS.contains(el.normalName())) {
                        out.newline();
                    } else if (el.normalName().equals("td") || el.normalName().equals("th")) {
                        out.space();
                    }
                } else if (node instanceof TextNode t && skip == 0) {
                    out.text(t.getWholeText());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el) {
                    if (skip > 0) {
                        skip--;
                        return;
                    }
                    if (BLOCKS.contains(el.normalName())) {
                        out.newline();
                    }
                }
            }
        }, root);
    }

    /**
     * Text tidied as it is appended, in one pass and without a raw copy: lines without blank ones,
     * runs of spaces (no-break, zero-width, tabs) as one space, each line stripped of them.
     */
    static final class Tidy {
        private final StringBuilder out = new StringBuilder(256);
        private boolean space;
        private int lineStart;

        /** Ends the line (nothing if it is empty). */
        void newline() {
            if (out.length() > lineStart) {
                out.append('\n');
                lineStart = out.length();
            }
            space = false;
        }

        /** A space between words (nothing at a line's start). */
        void space() {
            space = out.length() > lineStart;
        }

        void text(String text) {
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    newline();
                } else if (c == ' ' || c == '\t' || c == '\u00a0' || c == '\u200b' || c == '\r' || c == '\f' || c == 0x0B) {
                    space();
                } else {
                    if (space) {
                        out.append(' ');
                        space = false;
                    }
                    out.append(c);
                }
            }
        }

        /** The text, without a last line end. */
        StringBuilder finish() {
            int end = out.length();
            if (end > 0 && out.charAt(end - 1) == '\n') {
                out.setLength(end - 1);
            }
            return out;
        }
    }

    /**
     * The length of Jsoup's {@code TextNode.text()} of a node whose whole text is {@code whole} (runs
     * of white space as one space, zero-width spaces and soft hyphens dropped), counted without
     * making the string: reading a page's text lengths then allocates nothing.
     */
    public static int normalisedLength(String whole) {
        return lengthOf(whole, false);
    }

    /**
     * The length of Jsoup's {@code TextNode.text().strip()} of a node whose whole text is {@code whole}:
     * as {@link #normalisedLength}, less the white space ({@link Character#isWhitespace}) at either end.
     */
    public static int strippedNormalisedLength(String whole) {
        return lengthOf(whole, true);
    }

    private static int lengthOf(String whole, boolean stripped) {
        int length = 0;
        int start = -1;
        int end = 0;
        boolean white = false;
        for (int i = 0, n = whole.length(); i < n; ) {
            int c = whole.codePointAt(i);
            int chars = Character.charCount(c);
            i += chars;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 160) {
                if (!white) {
                    length++;
                    white = true;
                }
            } else if (c != 0x200B && c != 0xAD) {
                if (stripped && !Character.isWhitespace(c)) {
                    if (start < 0) {
                        start = length;
                    }
                    end = length + chars;
                }
                length += chars;
                white = false;
            }
        }
        if (!stripped) {
            return length;
        }
        return start < 0 ? 0 : end - start;
    }

    /**
     * True for the characters that Jsoup's {@code TextNode.text()} turns into a space or drops, and
     * for those {@link Character#isWhitespace} names: what a text compared without its spacing leaves out.
     */
    public static boolean spacing(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 160 || c == 0x200B || c == 0xAD
                || Character.isWhitespace(c);
    }

    /** True for elements whose text is never shown. */
    public static boolean invisible(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            if (INVISIBLE.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }
}
