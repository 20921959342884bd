package io.filmwire.enrich.clean;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Walks a page's DOM once, without changing it, and cuts its text into {@link Block}s at block
 * boundaries. Skips what is never text (scripts, styles, forms' controls, hidden elements) and marks
 * blocks under soft boilerplate (navigation, asides, footers, elements whose class or id says share,
 * related, comments...) so that the selection can still take them back when they hold the article.
 * Iterative (no recursion), so depth does not matter; stops collecting after {@code maxChars}
 * characters, so memory stays bounded. One instance per page; not thread-safe.
 */
final class BlockCollector implements NodeFilter {

    /** Elements whose content is never text of the article. */
    static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "canvas", "iframe",
            "object", "embed", "button", "select", "option", "input", "textarea", "head", "title", "audio", "video",
            "map", "datalist", "meter", "progress", "dialog", "math");
    /** Elements that start and end a block of text. */
    static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "aside", "header", "footer",
            "nav", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "address", "hr", "form",
            "fieldset", "legend", "details", "summary", "center", "menu", "hgroup", "body", "html", "dir", "listing");
    /** Elements under which text is likely not the article, unless they turn out to hold most of it. */
    private static final Set<String> SOFT_TAGS = Set.of("nav", "aside", "footer", "header", "figcaption", "menu",
            "form", "fieldset", "legend", "address");
    private static final Set<String> SOFT_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "search", "dialog", "alertdialog", "menu", "menubar", "toolbar", "tablist", "alert", "status");
    private static final Set<String> LIST_GROUPS = Set.of("ul", "ol", "dl", "menu", "dir");

    private final List<Block> blocks = new ArrayList<>();
    private final Deque<Element> open = new ArrayDeque<>();
    private final Deque<Element> groups = new ArrayDeque<>();
    private final List<Element> flagged = new ArrayList<>();
    private final BoilerplateNames names;
    private final Map<String, Integer> verdicts = new HashMap<>();
    private final long maxChars;

    private final StringBuilder text = new StringBuilder();
    private int chars;
    private int linkChars;
    private int boldChars;
    private int linkDepth;
    private int boldDepth;
    private int preDepth;
    private Element heading;
    private Element dataRow;
    private int cells;
    private long collected;
    private boolean truncated;

    private BlockCollector(BoilerplateNames names, long maxChars) {
        this.names = names;
        this.maxChars = maxChars;
    }

    /** The blocks of {@code root} in document order. */
    static Result collect(Element root, BoilerplateNames names, long maxChars) {
        BlockCollector collector = new BlockCollector(names, maxChars);
        collector.open.push(root);
        root.filter(collector);
        collector.flush();
        return new Result(collector.blocks, collector.truncated);
    }

    /** The blocks, and whether the page had more text than was collected. */
    record Result(List<Block> blocks, boolean truncated) {
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (truncated) {
            return FilterResult.STOP;
        }
        if (node instanceof TextNode textNode) {
            append(textNode.getWholeText());
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element el)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        String tag = el.normalName();
        if (SKIPPED.contains(tag) || isHidden(el)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        if (depth > 0 && isSoftBoilerplate(el, tag)) {
            if (heading != null && !BLOCKS.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY; // furniture inside a heading: "[edit]", a share icon, a permalink
            }
            flagged.add(el);
        }
        switch (tag) {
            case "a" -> linkDepth++;
            case "b", "strong" -> boldDepth++;
            case "pre", "listing" -> preDepth++;
            case "br" -> {
                text.append(dataRow != null ? " " : "\n");
                return FilterResult.CONTINUE;
            }
            default -> {
            }
        }
        if (dataRow != null) {
            if (tag.equals("td") || tag.equals("th")) {
                if (cells++ > 0) {
                    text.append(" | ");
                }
            } else if (BLOCKS.contains(tag)) {
                text.append(' ');
            }
            return FilterResult.CONTINUE;
        }
        if (BLOCKS.contains(tag) && depth > 0) {
            flush();
            open.push(el);
            if (LIST_GROUPS.contains(tag) || tag.equals("table")) {
                groups.push(el);
            }
            if (heading == null && isHeading(tag)) {
                heading = el;
            }
            if (tag.equals("tr") && isDataRow(el, MAX_ROW_CHARS)) {
                dataRow = el;
                cells = 0;
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element el)) {
            return FilterResult.CONTINUE;
        }
        String tag = el.normalName();
        switch (tag) {
            case "a" -> linkDepth--;
            case "b", "strong" -> boldDepth--;
            case "pre", "listing" -> preDepth--;
            default -> {
            }
        }
        if (el == dataRow) {
            flush();
            dataRow = null;
        }
        if (dataRow == null && depth > 0 && BLOCKS.contains(tag)) {
            flush();
            if (open.peek() == el) {
                open.pop();
            }
            if (groups.peek() == el) {
                groups.pop();
            }
            if (heading == el) {
                heading = null;
            }
        }
        if (!flagged.isEmpty() && flagged.get(flagged.size() - 1) == el) {
            flagged.remove(flagged.size() - 1);
        }
        return FilterResult.CONTINUE;
    }

    private void append(String s) {
        if (preDepth > 0) {
            text.append(s);
        } else {
            // line breaks in the source are spaces; only <br> breaks a line (no copy of the text made)
            int from = 0;
            for (int i = 0, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    text.append(s, from, i).append(' ');
                    from = i + 1;
                }
            }
            text.append(s, from, s.length());
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\u00a0') {
                n++;
            }
        }
        chars += n;
        if (linkDepth > 0) {
            linkChars += n;
        }
        if (boldDepth > 0) {
            boldChars += n;
        }
    }

    private void flush() {
        if (chars > 0) {
            String normalised = preDepth > 0 ? TextNormaliser.preformatted(text) : TextNormaliser.inline(text);
            if (dataRow != null) {
                normalised = joinCells(normalised);
            }
            if (!normalised.isEmpty()) {
                Element owner = dataRow != null ? dataRow : open.peek();
                Block.Kind kind;
                int level = 0;
                Element group = null;
                if (heading != null) {
                    kind = Block.Kind.HEADING;
                    level = heading.normalName().charAt(1) - '0';
                } else if (dataRow != null) {
                    kind = Block.Kind.ROW;
                    group = groups.peek();
                } else if (preDepth > 0) {
                    kind = Block.Kind.PRE;
                } else if (isItem(owner.normalName())) {
                    kind = Block.Kind.ITEM;
                    group = groups.peek();
                } else {
                    kind = Block.Kind.PARAGRAPH;
                }
                blocks.add(new Block(owner, kind, level, group, flagged.isEmpty() ? List.of() : List.copyOf(flagged),
                        normalised, chars, Math.min(linkChars, chars), boldChars >= chars));
                collected += normalised.length();
                if (collected > maxChars) {
                    truncated = true;
                }
            }
        }
        text.setLength(0);
        chars = 0;
        linkChars = 0;
        boldChars = 0;
    }

    /** A row's text without its empty cells: "a |  | b" -> "a | b". */
    private static String joinCells(String row) {
        StringBuilder out = new StringBuilder(row.length());
        for (String cell : CompiledRx.P1.split(row)) {
            if (!cell.isBlank()) {
                out.append(out.length() > 0 ? " | " : "").append(cell.strip());
            }
        }
        return out.toString();
    }

    private boolean isSoftBoilerplate(Element el, String tag) {
        if (SOFT_TAGS.contains(tag)) {
            return true;
        }
        String role = el.attr("role");
        if (!role.isEmpty() && SOFT_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if ("true".equalsIgnoreCase(el.attr("aria-hidden"))) {
            return true;
        }
        return names.isBoilerplate(el, verdicts);
    }

    static boolean isHidden(Element el) {
        if (el.hasAttr("hidden")) {
            return true;
        }
        String style = el.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }

    private static boolean isItem(String tag) {
        return tag.equals("li") || tag.equals("dt") || tag.equals("dd");
    }

    /** Elements that make a table row a layout row when a cell holds one. */
    static final Set<String> LAYOUT_IN_CELL = Set.of("table", "ul", "ol", "dl", "menu", "h1", "h2", "h3", "h4",
            "h5", "h6", "section", "article", "main", "aside", "header", "footer", "nav", "blockquote", "pre", "form",
            "figure", "fieldset", "center", "address", "details");
    private static final int MAX_ROW_CHARS = 600;

    /**
     * A table row of data: its cells hold text, maybe in a {@code div} or {@code p} each, but no
     * lists, tables, headings or sections (those make it a layout row), and not much of it.
     */
    static boolean isDataRow(Element tr, int maxOwnText) {
        // the row's elements in document order, walked by their links (no child lists made)
        int seen = 0;
        Element el = tr.firstElementChild();
        while (el != null) {
            if (++seen > 400 || ownTextLonger(el, maxOwnText) || LAYOUT_IN_CELL.contains(el.normalName())) {
                return false;
            }
            Element next = el.firstElementChild();
            while (next == null && el != tr) {
                next = el.nextElementSibling();
                if (next == null) {
                    el = el.parent();
                }
            }
            el = next;
        }
        return true;
    }

    /**
     * Whether {@code el.ownText()} is longer than {@code max}: decided from the raw lengths of its
     * text nodes (the text only shrinks as it is normalised; a {@code <br>} adds one space at most),
     * and the text made only where those add up to more than {@code max}.
     */
    static boolean ownTextLonger(Element el, int max) {
        int bound = 0;
        for (Node child = el.firstChild(); child != null; child = child.nextSibling()) {
            if (child instanceof TextNode t) {
                bound += t.getWholeText().length();
            } else if (child instanceof Element e && e.nameIs("br")) {
                bound++;
            }
            if (bound > max) {
                return el.ownText().length() > max;
            }
        }
        return false;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s*\\|\\s*");

        private CompiledRx() {
        }
    }
}
