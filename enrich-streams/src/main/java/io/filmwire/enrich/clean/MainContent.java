package io.filmwire.enrich.clean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Picks the article out of a page's blocks.
 *
 * <p>Policy: every block gets a weight, positive for prose (long, few links, sentence punctuation)
 * and negative for link lists and scraps; every element gets the sum of the weights of the blocks
 * inside it; the element with the highest sum (a little more for an element marked as an article
 * body) is the article's container. So a container is extended by neighbours that add prose and
 * stops before neighbours that add mostly links. The article starts after its headline (the
 * heading that matches the page's title), and when that headline is inside one of several
 * {@code article} elements, the container narrows to that one. Inside it, boilerplate blocks are
 * dropped: link lists, blocks under furniture (sharing, related links, captions...), stock phrases,
 * scraps before the first and after the last paragraph of prose, and repeats. A page with almost
 * no prose falls back to its furniture-free text, then to its largest lists and tables.
 *
 * <p>Stateless and thread-safe; it writes the weights and {@code kept} flags of the blocks it is
 * given, which belong to one page.
 */
final class MainContent {

    /** Share of the page's prose above which a furniture-marked element is taken to be the article after all. */
    private static final double FURNITURE_OVERRIDE = 0.6;
    private static final double STRONG_FURNITURE_OVERRIDE = 0.8;
    private static final int MAX_ANCESTORS = 1024;
    private static final double MAX_PENALTY = 50;
    private static final double ARTICLE_BODY_BONUS = 1.15;
    private static final int STRONG = 1;
    private static final int COMMENTS = 2;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ARTICLE_ITEM = Pattern.compile("(?i)schema\\.org/\\w*(Article|Posting)\\b");
    private final BoilerplateNames names;

    MainContent(BoilerplateNames names) {
        this.names = names;
    }

    /**
     * The article's blocks, in page order (the blocks' {@code kept} flags are set accordingly).
     *
     * @param title the page's title from its metadata, or null: the article starts after its headline
     */
    List<Block> select(List<Block> blocks, String title) {
        for (Block block : blocks) {
            block.weight = weight(block);
        }
        Map<Element, Integer> marks = new IdentityHashMap<>();
        List<Block> best = select(blocks, title, marks, true);
        if (length(best) < 250) {
            List<Block> unfiltered = select(blocks, title, marks, false);
            if (length(unfiltered) > 2 * length(best) + 100) {
                best = unfiltered;
            }
        }
        if (length(best) < 250) {
            List<Block> structured = structured(blocks, title, marks);
            if (length(structured) > 2 * length(best) + 100) {
                best = structured;
            }
        }
        Set<Block> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(best);
        for (Block block : blocks) {
            block.kept = kept.contains(block);
        }
        return best;
    }

    /**
     * A page with little or no prose (a cast list, a table of dates): the selection again with list
     * items and table rows counted as content, links or not.
     */
    private List<Block> structured(List<Block> blocks, String title, Map<Element, Integer> marks) {
        double[] saved = new double[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            saved[i] = block.weight;
            if ((block.kind == Block.Kind.ROW || block.kind == Block.Kind.ITEM) && block.weight <= 0) {
                block.weight = 0.5 * block.chars;
            }
        }
        try {
            List<Block> selected = select(blocks, title, marks, true);
            List<Block> out = new ArrayList<>();
            for (Block block : selected) {
                if (block.weight > 0 || block.isHeading()) {
                    out.add(block);
                }
            }
            return out;
        } finally {
            for (int i = 0; i < blocks.size(); i++) {
                blocks.get(i).weight = saved[i];
            }
        }
    }

    /**
     * One selection. Blocks under strong furniture (comments, ads, sharing) count only when that
     * element holds nearly all the page's prose; blocks under weak furniture (navigation, asides,
     * headers...) when it holds most of it, or always when {@code weak} is false.
     */
    private List<Block> select(List<Block> blocks, String title, Map<Element, Integer> marks, boolean weak) {
        Set<Element> cleared = overriddenFurniture(blocks, marks);
        if (!weak) {
            for (Block block : blocks) {
                for (Element el : block.flagged) {
                    if (!isStrong(el, marks)) {
                        cleared.add(el);
                    }
                }
            }
        }
        List<Block> candidates = new ArrayList<>();
        for (Block block : blocks) {
            if (!isExcluded(block, cleared)) {
                candidates.add(block);
            }
        }
        Map<Element, double[]> scores = scores(candidates);
        Element container = best(scores);
        if (container == null) {
            return List.of();
        }
        int headline = headline(blocks, title);
        if (headline >= 0 && isInside(blocks.get(headline).owner, container)) {
            Element article = enclosingArticle(blocks.get(headline).owner, container);
            if (article != null) {
                double articleScore = score(scores, article);
                if (articleScore >= 200 && articleScore >= 0.2 * score(scores, container)) {
                    container = article;
                }
            }
        } else {
            headline = -1;
        }
        if (headline >= 0 && prose(blocks, 0, headline, container, cleared)
                > prose(blocks, headline + 1, blocks.size(), container, cleared)) {
            headline = -1; // more prose comes before that heading than after: it is not where the article starts
        }
        List<Block> inside = new ArrayList<>();
        for (int i = headline + 1; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!isExcluded(block, cleared) && isInside(block.owner, container)) {
                inside.add(block);
            }
        }
        return filter(inside);
    }

    /** Weight of the prose inside {@code container} among blocks {@code from} (inclusive) to {@code to}. */
    private static double prose(List<Block> blocks, int from, int to, Element container, Set<Element> cleared) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            Block block = blocks.get(i);
            if (block.weight > 0 && !isExcluded(block, cleared) && isInside(block.owner, container)) {
                sum += block.weight;
            }
        }
        return sum;
    }

    /** Under a furniture element that was not cleared. */
    private static boolean isExcluded(Block block, Set<Element> cleared) {
        for (Element el : block.flagged) {
            if (!cleared.contains(el)) {
                return true;
            }
        }
        return false;
    }

    private boolean isStrong(Element el, Map<Element, Integer> marks) {
        return (mark(el, marks) & STRONG) != 0;
    }

    /** What an element's names say, worked out once per element: {@link #STRONG}, {@link #COMMENTS} bits. */
    private int mark(Element el, Map<Element, Integer> marks) {
        return marks.computeIfAbsent(el, e -> (names.isStrongFurniture(e) ? STRONG : 0) | (names.isComments(e) ? COMMENTS : 0));
    }

    /**
     * Furniture elements that hold most of the page's prose, so are the article after all (a wrapper
     * whose class says "ad-margins"): weak furniture above {@value #FURNITURE_OVERRIDE} of the prose
     * not under comments, strong furniture above {@value #STRONG_FURNITURE_OVERRIDE}; comments never.
     */
    private Set<Element> overriddenFurniture(List<Block> blocks, Map<Element, Integer> marks) {
        double total = 0;
        Map<Element, Double> under = new IdentityHashMap<>();
        for (Block block : blocks) {
            if (block.weight <= 0 || underComments(block, marks)) {
                continue;
            }
            total += block.weight;
            for (Element el : block.flagged) {
                under.merge(el, block.weight, Double::sum);
            }
        }
        Set<Element> cleared = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<Element, Double> e : under.entrySet()) {
            double share = e.getValue() / total;
            if (isStrong(e.getKey(), marks) ? share > STRONG_FURNITURE_OVERRIDE : share > FURNITURE_OVERRIDE) {
                cleared.add(e.getKey());
            }
        }
        return cleared;
    }

    private boolean underComments(Block block, Map<Element, Integer> marks) {
        for (Element el : block.flagged) {
            if ((mark(el, marks) & COMMENTS) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Sum of block weights per element (each block counts for its owner and every ancestor). */
    private static Map<Element, double[]> scores(List<Block> blocks) {
        // in the order the elements are first met (Jsoup's elements are equal only to themselves): ties are decided
        // by the page, not by identity hash codes
        Map<Element, double[]> scores = new java.util.LinkedHashMap<>(2 * blocks.size() + 16);
        for (Block block : blocks) {
            Element el = block.owner;
            for (int i = 0; el != null && i < MAX_ANCESTORS; i++, el = el.parent()) {
                scores.computeIfAbsent(el, k -> new double[1])[0] += block.weight;
            }
        }
        return scores;
    }

    private static double score(Map<Element, double[]> scores, Element el) {
        double[] score = scores.get(el);
        return score == null ? 0 : score[0];
    }

    /** The element whose blocks weigh most (a little more for a marked article body), or null when none weighs anything. */
    private Element best(Map<Element, double[]> scores) {
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, double[]> e : scores.entrySet()) {
            double score = e.getValue()[0];
            if (score > 0 && score * ARTICLE_BODY_BONUS > bestScore && names.isArticleBody(e.getKey())) {
                score *= ARTICLE_BODY_BONUS;
            }
            if (score > bestScore || score == bestScore && score > 0 && tieWins(e.getKey(), best)) {
                bestScore = score;
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * Of two elements whose blocks weigh the same, whether {@code el} is taken over {@code best}: the
     * one that holds the other (its further blocks weigh nothing: headings of the same text, mostly),
     * else the one met first. Before, the order of an identity hash map decided, so that a page's clean
     * text could change with what else its thread had hashed.
     */
    private static boolean tieWins(Element el, Element best) {
        return isInside(best, el);
    }

    /**
     * Index of the article's headline among {@code blocks}, -1 if none: the heading equal to the
     * title (an h1 first), else one that is most of the title, else the first h1.
     */
    private static int headline(List<Block> blocks, String title) {
        String wanted = title == null ? "" : comparable(title);
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!block.isHeading()) {
                continue;
            }
            int rank = Integer.MAX_VALUE;
            String heading = comparable(block.text);
            if (!wanted.isEmpty() && heading.length() >= 10 && heading.equals(wanted)) {
                rank = block.level == 1 ? 0 : 1;
            } else if (!wanted.isEmpty() && heading.length() >= 10 && wanted.contains(heading)
                    && heading.length() * 2 >= wanted.length()) {
                rank = block.level == 1 ? 2 : 3;
            } else if (block.level == 1) {
                rank = 4;
            }
            if (rank < bestRank) {
                bestRank = rank;
                best = i;
            }
        }
        return best;
    }

    private static String comparable(String text) {
        return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The outermost {@code article} element (or schema.org Article item) around {@code el}, strictly inside {@code container}. */
    private static Element enclosingArticle(Element el, Element container) {
        Element found = null;
        for (int i = 0; el != null && el != container && i < MAX_ANCESTORS; i++, el = el.parent()) {
            if (el.normalName().equals("article") || ARTICLE_ITEM.matcher(el.attr("itemtype")).find()) {
                found = el;
            }
        }
        return found;
    }

    /** Weight of a block in the container score. */
    static double weight(Block block) {
        if (block.isHeading()) {
            return 0;
        }
        int plain = block.chars - block.linkChars;
        boolean punctuated = hasPunctuation(block.text);
        if (plain >= 60) {
            return Math.max(-MAX_PENALTY, (punctuated ? plain : plain * 0.5) - block.linkChars);
        }
        if (plain >= 15 && punctuated) {
            return Math.max(-MAX_PENALTY, plain * 0.3 - block.linkChars);
        }
        // one block of links is one piece of furniture, however long: a tag cloud inside the article
        // must not outweigh the article, while a menu of many items still does
        return -Math.min(MAX_PENALTY, block.linkChars + 0.1 * plain);
    }

    private static boolean isProse(Block block) {
        return block.weight > 0 && block.chars - block.linkChars >= 60;
    }

    private static boolean isInside(Element el, Element container) {
        for (int i = 0; el != null && i < MAX_ANCESTORS; i++, el = el.parent()) {
            if (el == container) {
                return true;
            }
        }
        return false;
    }

    private static List<Block> filter(List<Block> inside) {
        List<Block> out = new ArrayList<>();
        Map<String, Boolean> stock = new HashMap<>();
        for (int i = 0; i < inside.size(); i++) {
            Block block = inside.get(i);
            // table rows, list items counted as content (a page of lists), and linked headings over
            // prose (the items of an index page) stay even when they are links
            boolean content = block.kind == Block.Kind.ROW || block.kind == Block.Kind.ITEM && block.weight > 0
                    || block.isHeading() && headsProse(inside, i);
            boolean linkList = !content && isLinkList(block);
            boolean furniture = stock.computeIfAbsent(block.text, StockPhrases::isFurniture);
            if (!linkList && !furniture) {
                out.add(block);
            }
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < out.size(); i++) {
            if (isProse(out.get(i))) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return dedupe(out);
        }
        List<Block> trimmed = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Block block = out.get(i);
            if (i < first && !keepBefore(block)) {
                continue;
            }
            if (i > last && !keepAfter(block, out, i)) {
                continue;
            }
            trimmed.add(block);
        }
        return dedupe(trimmed);
    }

    /** Before the first paragraph of prose: sub-headings, sentences, lists and tables; not the title, bylines or dates. */
    private static boolean keepBefore(Block block) {
        if (block.isHeading()) {
            return block.level > 1;
        }
        return block.weight > 0 && block.chars >= 40 || isSentence(block) || isTabular(block);
    }

    /** A whole sentence of a few words, few links: "Remember the slogan?" (not a byline or a date). */
    private static boolean isSentence(Block block) {
        String text = block.text;
        if (block.kind != Block.Kind.PARAGRAPH || block.linkDensity() > 0.3 || text.isEmpty()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        boolean closed = last == '.' || last == '?' || last == '!' || last == '\u2026' || last == '"' || last == '\u201d';
        return closed && CompiledRx.P1.split(text).length >= 5;
    }

    /** After the last paragraph of prose: lists, tables, prose, and headings over them; not tags, credits or sign-offs. */
    private static boolean keepAfter(Block block, List<Block> blocks, int i) {
        if (block.isHeading()) {
            for (int j = i + 1; j < blocks.size(); j++) {
                if (!blocks.get(j).isHeading()) {
                    return isTabular(blocks.get(j)) || blocks.get(j).weight > 0;
                }
            }
            return false;
        }
        return isTabular(block) || block.weight > 0;
    }

    /** A list item, a table row, or the label of a row ({@code th}) whose value is a list. */
    private static boolean isTabular(Block block) {
        return block.kind == Block.Kind.ITEM || block.kind == Block.Kind.ROW || block.owner.normalName().equals("th");
    }

    /** True when the next block that is not a heading is prose. */
    private static boolean headsProse(List<Block> blocks, int i) {
        for (int j = i + 1; j < blocks.size(); j++) {
            if (!blocks.get(j).isHeading()) {
                return blocks.get(j).weight > 0 && !isLinkList(blocks.get(j));
            }
        }
        return false;
    }

    /** Mostly links: a link list, a "read more", a teaser headline; not a sentence that happens to be full of links. */
    private static boolean isLinkList(Block block) {
        double density = block.linkDensity();
        return density > 0.8 || density > 0.5 && block.chars - block.linkChars < 50 && !isLongSentence(block.text);
    }

    private static boolean isLongSentence(String text) {
        char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
        return (last == '.' || last == '!' || last == '?' || last == '"' || last == '\u201d')
                && CompiledRx.P1.split(text).length >= 8;
    }

    /**
     * Drops repeats of a block from elsewhere in the page (a pull quote, a second copy for small
     * screens); a text repeated among its siblings (a menu's recurring lines) stays.
     */
    private static List<Block> dedupe(List<Block> blocks) {
        Map<String, Element> seen = new HashMap<>();
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            if (block.text.length() >= 40) {
                Element parent = block.owner.parent();
                Element first = seen.putIfAbsent(block.text, parent);
                if (first != null && first != parent) {
                    continue;
                }
            }
            out.add(block);
        }
        return out;
    }

    private static int length(List<Block> blocks) {
        int n = 0;
        for (Block block : blocks) {
            n += block.text.length();
        }
        return n;
    }

    private static boolean hasPunctuation(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '.', ',', ';', '!', '?', '\u3002', '\uff0c', '\u3001', '\uff01', '\uff1f', '\u061f', '\u060c',
                        '\u0964' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s+");

        private CompiledRx() {
        }
    }
}
