package io.filmwire.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The block collector's table-row test, which walks a row's elements by their links and decides
 * own-text lengths from raw text, judges random rows as the walk over child lists and
 * {@code ownText()} did.
 */
class BlockCollectorTest {

    private static final String[] WORDS = {"Director", "Jane Doe", "  ", "\n\t", "1999", "\u200b", "\u00a0", "é"};
    private static final String[] TAGS = {"span", "b", "a", "br", "div", "p", "table", "em"};

    @Test
    void ownTextLongerIsTheLengthOfJsoupsOwnText() {
        Random r = new Random(21);
        for (int i = 0; i < 20_000; i++) {
            Element el = Jsoup.parseBodyFragment("<div>" + randomHtml(r, 2) + "</div>").body().child(0);
            int max = r.nextInt(40);
            assertEquals(el.ownText().length() > max, BlockCollector.ownTextLonger(el, max), el.outerHtml() + " " + max);
        }
    }

    @Test
    void aRowIsJudgedAsByTheWalkOverChildLists() {
        Random r = new Random(22);
        int rows = 0;
        for (int i = 0; i < 5_000; i++) {
            Document doc = Jsoup.parse("<table><tr>" + cells(r) + "</tr></table>");
            Element tr = doc.selectFirst("tr");
            boolean expected = byChildLists(tr, 30);
            rows += expected ? 1 : 0;
            assertEquals(expected, BlockCollector.isDataRow(tr, 30), tr.outerHtml());
        }
        assertTrue(rows > 500 && rows < 4_500, "both verdicts are tried: " + rows);
    }

    @Test
    void aRowOfMoreThan400ElementsOrWithALongCellIsNoDataRow() {
        Element many = Jsoup.parse("<table><tr><td>" + "<span>x</span>".repeat(401) + "</td></tr></table>").selectFirst("tr");
        assertFalse(BlockCollector.isDataRow(many, 600));
        Element fewer = Jsoup.parse("<table><tr><td>" + "<span>x</span>".repeat(398) + "</td></tr></table>").selectFirst("tr");
        assertTrue(BlockCollector.isDataRow(fewer, 600));
        Element longCell = Jsoup.parse("<table><tr><td>" + "word ".repeat(200) + "</td></tr></table>").selectFirst("tr");
        assertFalse(BlockCollector.isDataRow(longCell, 600));
    }

    private static String cells(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0, n = 1 + r.nextInt(3); c < n; c++) {
            sb.append("<td>").append(randomHtml(r, 3)).append("</td>");
        }
        return sb.toString();
    }

    private static String randomHtml(Random r, int depth) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0, n = r.nextInt(5); k < n; k++) {
            if (depth > 0 && r.nextInt(3) == 0) {
                String tag = TAGS[r.nextInt(TAGS.length)];
                if (tag.equals("br")) {
                    sb.append("<br>");
                } else if (tag.equals("table")) {
                    sb.append(r.nextInt(4) == 0 ? "<table><tr><td>x</td></tr></table>" : "<i>x</i>");
                } else {
                    sb.append('<').append(tag).append('>').append(randomHtml(r, depth - 1)).append("</").append(tag).append('>');
                }
            } else {
                String w = WORDS[r.nextInt(WORDS.length)];
                sb.append(r.nextInt(6) == 0 ? w.repeat(1 + r.nextInt(8)) : w);
            }
        }
        return sb.toString();
    }

    /** The walk the collector made before: a stack of child lists and {@code ownText()} of each element. */
    private static boolean byChildLists(Element tr, int maxOwnText) {
        Set<String> layout = BlockCollector.LAYOUT_IN_CELL;
        Deque<Element> stack = new ArrayDeque<>();
        for (Element cell : tr.children()) {
            stack.push(cell);
        }
        int seen = 0;
        while (!stack.isEmpty()) {
            Element el = stack.pop();
            if (++seen > 400 || el.ownText().length() > maxOwnText) {
                return false;
            }
            if (layout.contains(el.normalName())) {
                return false;
            }
            for (Element child : el.children()) {
                stack.push(child);
            }
        }
        return true;
    }
}
