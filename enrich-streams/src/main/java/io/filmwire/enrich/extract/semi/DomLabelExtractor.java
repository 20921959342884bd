package io.filmwire.enrich.extract.semi;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.text.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeVisitor;

/**
 * Layer 2 in markup: an element whose whole text is a label ("Director:", {@code <th>Running time</th>},
 * {@code <h4>Directed by</h4>}, {@code <dt>Language</dt>}) and that comes first in its container
 * introduces the value that follows it: its following siblings, or, when it is alone in its
 * container, the container's following siblings (a heading row followed by credit rows), up to the
 * next label or heading. A label inside a link (navigation) or after other text in its container
 * (a job under a name in a cast list) is not one. Stateless.
 */
public final class DomLabelExtractor {

    private static final int MAX_LABEL_CHARS = 70;
    private static final java.util.regex.Pattern WS = java.util.regex.Pattern.compile("\\s+");
    private static final int MAX_VALUE_NODES = 4000;
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> NOT_LABELS = Set.of("a", "option", "button", "title", "label", "select");

    /** Labels of one meaning read per page: more are other works' or generated rows. */
    static final int MAX_LABELS_PER_MEANING = 200;
    /** Labels read per page. */
    static final int MAX_LABELS = 2_000;

    /**
     * Adds the facts of every label found below {@code root} that is about the page's film.
     *
     * @return the blocks judged to be about other films, for the other extractors to skip
     */
    public Set<Element> extract(Element root, WorkFacts facts) {
        return extract(root, facts, java.util.Collections.emptySet());
    }

    /**
     * As {@link #extract(Element, WorkFacts)}, leaving out the subtrees {@code skipped} (site chrome,
     * the items of a listing that are other works).
     */
    public Set<Element> extract(Element root, WorkFacts facts, Set<Element> skipped) {
        return extract(root, facts, skipped, null);
    }

    /**
     * As {@link #extract(Element, WorkFacts, Set)}, with the text lengths of {@code root}'s elements
     * made by {@link #labelLengths} (null: counted here), for a caller that reads one tree twice.
     */
    public Set<Element> extract(Element root, WorkFacts facts, Set<Element> skipped, Map<Element, Integer> lengths) {
        Map<Element, Labels.Meaning> labels = find(root, skipped, lengths == null ? labelLengths(root) : lengths);
        Set<Element> elsewhere = Regions.repeatedItemBlocks(labels);
        // rating labels on three elements or more rate items (reviews), not the film
        boolean perItemRatings = labels.values().stream().filter(m -> m.field() == Labels.Field.RATING).count() >= 3;
        Map<Labels.Meaning, Integer> read = new HashMap<>();
        int total = 0;
        for (Map.Entry<Element, Labels.Meaning> e : labels.entrySet()) {
            Element label = e.getKey();
            if (Regions.inside(label, elsewhere) || perItemRatings && e.getValue().field() == Labels.Field.RATING) {
                continue;
            }
            // one work states a field under a few labels at most: a page with thousands of them
            // (a generated table) is read up to a bound, so its cost stays that of its size
            if (read.merge(e.getValue(), 1, Integer::sum) > MAX_LABELS_PER_MEANING || ++total > MAX_LABELS) {
                continue;
            }
            List<Node> value = valueOf(label, labels);
            if (value.isEmpty()) {
                continue;
            }
            String text = DomText.text(value);
            if (text.isEmpty()) {
                continue;
            }
            Labels.Meaning meaning = e.getValue();
            List<CreditRows.Row> rows = meaning.field() == Labels.Field.CREDIT || meaning.field() == Labels.Field.CREW
                    ? CreditRows.rows(value) : List.of();
            LabelValues.add(meaning, label.text(), text, rows, facts);
        }
        return elsewhere;
    }

    /** The label elements below {@code root}, in document order, outermost only. */
    Map<Element, Labels.Meaning> find(Element root) {
        return find(root, java.util.Collections.emptySet());
    }

    Map<Element, Labels.Meaning> find(Element root, Set<Element> skipped) {
        return find(root, skipped, labelLengths(root));
    }

    /**
     * Each element's text length below {@code root} as far as the label finder needs it (capped
     * just past a label's longest), counted once bottom-up: reading every element's text anew would
     * cost the page's size times its depth.
     */
    public static Map<Element, Integer> labelLengths(Element root) {
        return textLengths(root, MAX_LABEL_CHARS * 2 + 1);
    }

    private Map<Element, Labels.Meaning> find(Element root, Set<Element> skipped, Map<Element, Integer> lengths) {
        Map<Element, Labels.Meaning> found = new IdentityHashMap<>();
        List<Element> order = new ArrayList<>();
        root.filter(new NodeFilter() {
            /** The first characters of an element's text, read anew for each element. */
            private final StringBuilder startBuffer = new StringBuilder(LABEL_START_CHARS + 16);

            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return FilterResult.SKIP_CHILDREN;
                }
                String tag = el.normalName();
                if (DomText.INVISIBLE.contains(tag) || Regions.isElsewhere(el) || skipped.contains(el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                int length = lengths.getOrDefault(el, 0);
                if (length == 0 || length > MAX_LABEL_CHARS * 2) {
                    return FilterResult.CONTINUE;
                }
                // most short texts start with no label's first word: told from their first characters
                StringBuilder start = startBuffer;
                start.setLength(0);
                boolean cut = textStart(el, start, LABEL_START_CHARS);
                if (!Labels.mayStartLabel(start, cut)) {
                    return FilterResult.CONTINUE;
                }
                String text = shortText(el);
                if (text == null || text.isEmpty()) {
                    return FilterResult.CONTINUE;
                }
                Optional<Labels.Meaning> meaning = Labels.whole(text);
                if (meaning.isPresent() && !NOT_LABELS.contains(tag) && (nearest(el, "a", "a") == null || HEADINGS.contains(tag))
                        && (HEADINGS.contains(tag) || !onlyALink(el, text) && !tabOfAMenu(el))
                        && (firstInContainer(el) || afterBreak(el) || HEADINGS.contains(tag) || tag.equals("th") || tag.equals("dt")
                        || text.endsWith(":") || text.endsWith("："))) {
                    found.put(el, meaning.get());
                    order.add(el);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        });
        Map<Element, Labels.Meaning> ordered = new java.util.LinkedHashMap<>();
        for (Element el : order) {
            ordered.put(el, found.get(el));
        }
        return ordered;
    }

    /**
     * The length of each element's visible text as {@link #shortText} reads it (text nodes, a space
     * per {@code <br>}, nothing of invisible elements), at most {@code cap}; one walk of the tree.
     */
    static Map<Element, Integer> textLengths(Element root, int cap) {
        Map<Element, Integer> lengths = new IdentityHashMap<>();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return;
                }
                if (DomText.INVISIBLE.contains(el.normalName())) {
                    lengths.put(el, 0);
                    return;
                }
                int sum = el.normalName().equals("br") ? 1 : 0;
                for (int i = 0, n = el.childNodeSize(); i < n && sum < cap; i++) {
                    Node child = el.childNode(i);
                    if (child instanceof TextNode t) {
                        sum += DomText.normalisedLength(t.getWholeText());
                    } else if (child instanceof Element c) {
                        sum += lengths.getOrDefault(c, 0);
                    }
                }
                lengths.put(el, Math.min(sum, cap));
            }
        });
        return lengths;
    }

    /** True for the current tab of a menu: a list item among items that are each one link. */
    private static boolean tabOfAMenu(Element el) {
        if (!el.normalName().equals("li") || el.parent() == null) {
            return false;
        }
        int links = 0;
        for (Element sib : el.parent().children()) {
            if (sib != el && sib.normalName().equals("li") && onlyALink(sib, sib.text().strip())) {
                links++;
            }
        }
        return links >= 2;
    }

    /** True when all of the element's text is one link's: a menu item ("Ficha Técnica" linking to a tab), not a label. */
    private static boolean onlyALink(Element el, String text) {
        for (Element a : el.getElementsByTag("a")) {
            String t = WS.matcher(a.text().replace('\u00a0', ' ')).replaceAll(" ").strip();
            if (t.equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** Characters of an element's text read to tell whether it can start with a label's first word. */
    private static final int LABEL_START_CHARS = 32;

    /**
     * Appends the beginning of the element's text as {@link #shortText} reads it (before stripping),
     * at least {@code max} characters of it where it has them; true when it stopped there (the text
     * may go on).
     */
    static boolean textStart(Element el, StringBuilder sb, int max) {
        return read(el, sb, max, Integer.MAX_VALUE) == CUT;
    }

    /** The element's text when it is short enough to be a label, else null (stops reading early). */
    static String shortText(Element el) {
        StringBuilder sb = new StringBuilder();
        if (read(el, sb, Integer.MAX_VALUE, MAX_LABEL_CHARS * 2) == TOO_LONG) {
            return null;
        }
        String text = sb.toString().strip();
        return text.length() > MAX_LABEL_CHARS ? null : text;
    }

    private static final int WHOLE = 0;
    private static final int CUT = 1;
    private static final int TOO_LONG = 2;

    /**
     * Appends the element's text as a label reads it (text nodes collapsed, a space per {@code <br>},
     * nothing of invisible elements): {@link #CUT} once {@code stopAt} characters are appended,
     * {@link #TOO_LONG} (the length counted before the text is made) once the text passes
     * {@code maxLength}, else {@link #WHOLE}.
     */
    private static int read(Element el, StringBuilder sb, int stopAt, int maxLength) {
        int[] state = {WHOLE, 0};
        el.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (maxLength < Integer.MAX_VALUE) {
                        // the length first, without making the text: most elements asked about are long
                        state[1] += DomText.normalisedLength(t.getWholeText());
                        if (state[1] > maxLength) {
                            state[0] = TOO_LONG;
                            return FilterResult.STOP;
                        }
                    }
                    appendCollapsed(sb, t.getWholeText());
                } else if (node instanceof Element e && DomText.INVISIBLE.contains(e.normalName())) {
                    return FilterResult.SKIP_ENTIRELY;
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    state[1]++;
                    appendCollapsed(sb, " ");
                }
                if (sb.length() >= stopAt) {
                    state[0] = CUT;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        });
        return state[0];
    }

    /**
     * Appends a text node's raw text as Jsoup's {@code text()} shows it (zero-width spaces and soft
     * hyphens dropped), with each run of ASCII white space or no-break spaces (across appends) as one
     * space: what replacing U+00A0 by a space and then {@code \s+} by one space in that text gives.
     */
    static void appendCollapsed(StringBuilder sb, String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == 0x200B || c == 0xAD) {
                continue;
            }
            boolean space = c == ' ' || c == '\u00a0' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!space) {
                sb.append(c);
            } else if (sb.length() == 0 || sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' ');
            }
        }
    }

    /** True when the element starts a line: the node before it is a {@code <br>} ("...<br><strong>Language</strong> English"). */
    private static boolean afterBreak(Element el) {
        for (Node prev = el.previousSibling(); prev != null; prev = prev.previousSibling()) {
            if (prev instanceof TextNode t && t.isBlank()) {
                continue;
            }
            return prev instanceof Element p && p.normalName().equals("br");
        }
        return false;
    }

    private static boolean firstInContainer(Element el) {
        for (Node prev = el.previousSibling(); prev != null; prev = prev.previousSibling()) {
            if (!blank(prev)) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(Node node) {
        if (node instanceof TextNode t) {
            return t.isBlank() || CompiledRx.P1.matcher(t.text().strip()).matches();
        }
        if (node instanceof Element el) {
            if (DomText.INVISIBLE.contains(el.normalName())) {
                return true;
            }
            String text = shortText(el);
            return text != null && text.isEmpty();
        }
        return true;
    }

    /** The nodes that make up the value of {@code label}. */
    static List<Node> valueOf(Element label, Map<Element, Labels.Meaning> labels) {
        List<Node> column = columnValue(label, labels);
        if (column != null) {
            return column;
        }
        Node cur = label;
        for (int depth = 0; depth < 5 && cur != null; depth++) {
            List<Node> collected = new ArrayList<>();
            for (Node sib = cur.nextSibling(); sib != null; sib = sib.nextSibling()) {
                if (sib instanceof Element rule && rule.normalName().equals("hr")) {
                    break; // a rule ends the section
                }
                if (blank(sib) || parenthetical(sib)) {
                    continue;
                }
                if (startsSection(sib, labels)) {
                    break;
                }
                collected.add(sib);
                if (collected.size() >= MAX_VALUE_NODES) {
                    break;
                }
            }
            if (!collected.isEmpty()) {
                return collected;
            }
            Node parent = cur.parent();
            if (!(parent instanceof Element p) || p.normalName().equals("body") || p.normalName().equals("html")
                    || hasOtherText(p, cur)) {
                return collected;
            }
            cur = parent;
        }
        return List.of();
    }

    /**
     * The value of a label in a table's header row: the cell in the same column of the next row
     * ("País | Gênero | Duração" over "EUA | Ação | 124 min."); null when the label is not in such a row.
     */
    private static List<Node> columnValue(Element label, Map<Element, Labels.Meaning> labels) {
        Element cell = nearestCell(label);
        if (cell == null || !cell.text().strip().equals(label.text().strip())) {
            return null;
        }
        Element row = cell.parent();
        if (row == null || !row.normalName().equals("tr")) {
            return null;
        }
        Element next = row.nextElementSibling();
        if (next == null || !next.normalName().equals("tr")) {
            return null;
        }
        List<Element> cells = row.children();
        int labelled = 0;
        for (Element c : cells) {
            if (holdsLabel(c, labels) && ++labelled >= 2) {
                break;
            }
        }
        if (labelled < 2) {
            return null;
        }
        int index = cells.indexOf(cell);
        // a cell spanning rows before the labels (an image) is absent from the next row
        int offset = cells.size() - next.children().size();
        int at = index - offset;
        if (at < 0 || at >= next.children().size()) {
            return null;
        }
        return List.of(next.child(at));
    }

    /** True when the table cell {@code cell} is a label or holds one (in it, not in a cell nested in it). */
    private static boolean holdsLabel(Element cell, Map<Element, Labels.Meaning> labels) {
        for (Element d : cell.getAllElements()) {
            if (labels.containsKey(d) && nearestCell(d) == cell) {
                return true;
            }
        }
        return false;
    }

    private static Element nearestCell(Element el) {
        return nearest(el, "td", "th");
    }

    /** {@code el} or its nearest ancestor named {@code name} or {@code other}, or null. */
    private static Element nearest(Element el, String name, String other) {
        for (Element cur = el; cur != null; cur = cur.parent()) {
            String tag = cur.normalName();
            if (tag.equals(name) || tag.equals(other)) {
                return cur;
            }
        }
        return null;
    }

    /** A qualifier after a label, "(in credits order)": not the value. */
    private static boolean parenthetical(Node node) {
        String text = node instanceof TextNode t ? t.text().strip()
                : node instanceof Element el ? shortText(el) : null;
        return text != null && (CompiledRx.P2.matcher(text).matches() || CompiledRx.P3.matcher(text).matches());
    }

    private static boolean hasOtherText(Element container, Node inside) {
        for (Node child : container.childNodes()) {
            if (child != inside && !blank(child) && !parenthetical(child)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code node} is, or begins with, a label or a heading. */
    private static boolean startsSection(Node node, Map<Element, Labels.Meaning> labels) {
        Node n = node;
        for (int depth = 0; depth < 8 && n instanceof Element el; depth++) {
            if (labels.containsKey(el) || depth <= 1 && HEADINGS.contains(el.normalName())
                    || depth == 0 && el.normalName().equals("hr")) {
                return true;
            }
            Node first = null;
            for (Node child : el.childNodes()) {
                if (!blank(child)) {
                    first = child;
                    break;
                }
            }
            n = first;
        }
        return false;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("[|•·:,\\-–—]*");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("^\\(.*\\)$");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("(?i)\\[?\\s*edit\\s*]?");

        private CompiledRx() {
        }
    }
}
