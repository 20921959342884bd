package io.filmwire.enrich.extract.semi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

/** DomText's counted text length is the length of the text Jsoup gives, on random texts of the characters that matter. */
class DomTextTest {

    private static final String ALPHABET = "ab Z9.\t\n\r\u000b\f\u0085\u00a0\u2028\u200b\u200c\u200d\u00ad\u2060\ufeffé";

    @Test
    void normalisedLengthIsTheLengthOfJsoupsText() {
        Random r = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            String s = randomText(r);
            assertEquals(new TextNode(s).text().length(), DomText.normalisedLength(s), s);
        }
    }

    @Test
    void strippedNormalisedLengthIsTheLengthOfJsoupsTextStripped() {
        Random r = new Random(12);
        for (int i = 0; i < 100_000; i++) {
            String s = randomText(r);
            assertEquals(new TextNode(s).text().strip().length(), DomText.strippedNormalisedLength(s), s);
        }
    }

    @Test
    void theRawTextWithoutSpacingIsJsoupsTextWithoutWhiteSpace() {
        Random r = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            String s = randomText(r);
            StringBuilder shown = new StringBuilder();
            for (char c : new TextNode(s).text().toCharArray()) {
                if (!Character.isWhitespace(c)) {
                    shown.append(c);
                }
            }
            StringBuilder raw = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (!DomText.spacing(c)) {
                    raw.append(c);
                }
            }
            assertEquals(shown.toString(), raw.toString(), s);
        }
    }

    @Test
    void aLabelsTextCollapsedFromTheRawTextIsJsoupsTextCollapsed() {
        Random r = new Random(14);
        for (int i = 0; i < 100_000; i++) {
            String s = randomText(r);
            StringBuilder sb = new StringBuilder();
            DomLabelExtractor.appendCollapsed(sb, s);
            assertEquals(new TextNode(s).text().replace('\u00a0', ' ').replaceAll("\\s+", " "), sb.toString(), s);
        }
    }

    @Test
    void textTidiedAsItIsReadIsTheRawTextTidiedAfter() {
        String[] tags = {"p", "div", "span", "td", "th", "b", "li", "script", "br", "h2"};
        Random r = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder html = new StringBuilder();
            randomHtml(r, html, tags, 3);
            Element body = Jsoup.parseBodyFragment(html.toString()).body();
            StringBuilder raw = new StringBuilder();
            appendRaw(body, raw);
            String expected = tidyRaw(raw);
            assertEquals(expected, DomText.text(body), html.toString());
            List<String> lines = new ArrayList<>();
            for (String line : expected.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            assertEquals(lines, DomText.lines(body), html.toString());
        }
    }

    private static void randomHtml(Random r, StringBuilder sb, String[] tags, int depth) {
        for (int k = 0, n = r.nextInt(4); k < n; k++) {
            if (depth > 0 && r.nextInt(2) == 0) {
                String tag = tags[r.nextInt(tags.length)];
                sb.append('<').append(tag).append('>');
                randomHtml(r, sb, tags, depth - 1);
                sb.append("</").append(tag).append('>');
            } else {
                sb.append(randomText(r).replace("<", "").replace("&", ""));
            }
        }
    }

    /** The text as DomText read it before it tidied while reading: every text node raw, block ends as line ends. */
    private static void appendRaw(Node root, StringBuilder out) {
        NodeTraversor.traverse(new NodeVisitor() {
            private int skip = 0;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element el) {
                    if (DomText.INVISIBLE.contains(el.normalName()) || skip > 0) {
                        skip++;
                        return;
                    }
                    if (DomText.BLOCKS.contains(el.normalName())) {
                        out.append('\n');
                    } else if (el.normalName().equals("td") || el.normalName().equals("th")) {
                        out.append(' ');
                    }
                } else if (node instanceof TextNode t && skip == 0) {
                    out.append(t.getWholeText());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el) {
                    if (skip > 0) {
                        skip--;
                        return;
                    }
                    if (DomText.BLOCKS.contains(el.normalName())) {
                        out.append('\n');
                    }
                }
            }
        }, root);
    }

    /** DomText's tidying of a raw text as it was: blank lines dropped, runs of spaces as one, lines stripped of them. */
    private static String tidyRaw(StringBuilder raw) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        int lineStart = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n') {
                if (out.length() > lineStart) {
                    out.append('\n');
                    lineStart = out.length();
                }
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\u00a0' || c == '\u200b' || c == '\r' || c == '\f' || c == 0x0B) {
                space = out.length() > lineStart;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0, n = r.nextInt(14); k < n; k++) {
            if (r.nextInt(20) == 0) {
                sb.appendCodePoint(0x1F3AC); // a character outside the BMP: two chars
            } else if (r.nextInt(30) == 0) {
                sb.append("\u2003\u3000\u1680\u202f".charAt(r.nextInt(4))); // white space Jsoup keeps
            } else {
                sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
        }
        return sb.toString();
    }
}
