package io.filmwire.enrich.extract.works;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.semi.DomText;
import io.filmwire.enrich.extract.semi.FactLines;
import io.filmwire.enrich.extract.signals.FilmWords;
import io.filmwire.enrich.extract.text.Dates;
import io.filmwire.enrich.extract.signals.Words;
import io.filmwire.enrich.extract.text.Labels;
import io.filmwire.enrich.extract.text.Runtimes;
import io.filmwire.enrich.extract.text.TextScan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * Listings: repeated blocks that each carry a title and facts about a film (schedules, programmes,
 * top-N boards, seasons, search results, box-office tables). Found by shape, not by words: the
 * title elements of the items (a heading, a link, a name) share a markup signature; each item is
 * the largest part of the page around its title that holds no other item's title (or, where items
 * are not wrapped, its title and the siblings up to the next title). A group of items is a listing
 * of films when at least two of them, and half of all, show a film fact of their own: a year, a
 * running time, a labelled credit, a link to a film page, a word for "film". Stateless (the
 * fact-line reader given keeps the lines it read).
 */
public final class Listings {

    /** One item: its title element and text, and the nodes that make up its part of the page. */
    public record Item(Element titleElement, String title, List<Node> nodes, boolean evidence) {
    }

    /** A listing: the markup signature of its titles and its items, in page order. */
    public record Listing(String signature, List<Item> items) {

        /** Items that show a film fact of their own. */
        public long withEvidence() {
            return items.stream().filter(Item::evidence).count();
        }
    }

    private static final Pattern TITLE_CLASS = Pattern.compile("(?i)title|name|heading|headline|caption");
    private static final java.util.Set<String> FILM_ROLES = java.util.Set.of("director", "cast", "self",
            "cinematographer", "composer", "editor", "producer", "executive_producer");
    private static final int MAX_GROUP = 400;
    /** Fewest distinct items a listing has: two blocks alike are a pair, not a listing. */
    private static final int MIN_ITEMS = 3;
    private static final int MAX_ITEM_CHARS = 4000;
    private static final int MAX_TITLE_CHARS = 120;

    private Listings() {
    }

    /**
     * The listings of films below {@code root}, best supported first; none overlaps another.
     *
     * @param skipped     subtrees to leave out (site chrome, template blocks)
     * @param filmContext the page is about films (its site, title or text say so): listings are looked
     *                    for only then
     */
    public static List<Listing> find(Element root, Predicate<Element> skipped, boolean filmContext) {
        return find(root, skipped, filmContext, new FactLines());
    }

    /** As {@link #find(Element, Predicate, boolean)}, reading the items' fact lines with {@code factLines}. */
    public static List<Listing> find(Element root, Predicate<Element> skipped, boolean filmContext, FactLines factLines) {
        if (!filmContext) {
            return List.of(); // a listing of films is on a page that speaks of films
        }
        Map<String, List<Element>> groups = new LinkedHashMap<>();
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return FilterResult.SKIP_CHILDREN;
                }
                if (DomText.INVISIBLE.contains(el.normalName()) || skipped.test(el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (isTitleElement(el)) {
                    List<Element> g = groups.computeIfAbsent(signature(el), k -> new ArrayList<>());
                    if (g.size() < MAX_GROUP) {
                        g.add(el);
                    }
                    // a title element's own children are not other titles
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        });
        List<Listing> accepted = new ArrayList<>();
        for (Map.Entry<String, List<Element>> g : groups.entrySet()) {
            if (g.getValue().size() < 2) {
                continue;
            }
            Listing listing = listing(g.getKey(), g.getValue(), filmContext, factLines);
            if (listing != null) {
                accepted.add(listing);
            }
        }
        accepted.sort((a, b) -> Long.compare(b.withEvidence(), a.withEvidence()));
        List<Listing> out = new ArrayList<>();
        Set<Node> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Listing l : accepted) {
            boolean overlaps = false;
            for (Item item : l.items()) {
                for (Node n : item.nodes()) {
                    if (overlaps(n, taken)) {
                        overlaps = true;
                    }
                }
            }
            if (!overlaps) {
                out.add(l);
                for (Item item : l.items()) {
                    taken.addAll(item.nodes());
                }
            }
        }
        return out;
    }

    private static boolean overlaps(Node n, Set<Node> taken) {
        for (Node p = n; p != null; p = p.parentNode()) {
            if (taken.contains(p)) {
                return true;
            }
        }
        if (n instanceof Element el) {
            for (Element d : el.getAllElements()) {
                if (taken.contains(d)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A group of title elements as a listing of films, or null when it is none. */
    private static Listing listing(String signature, List<Element> titles, boolean filmContext, FactLines factLines) {
        Set<Element> members = Collections.newSetFromMap(new IdentityHashMap<>());
        members.addAll(titles);
        // how many of the group's titles each ancestor holds, counted once for the whole group
        Map<Element, Integer> held = new IdentityHashMap<>();
        for (Element t : titles) {
            for (Element a = t.parent(); a != null; a = a.parent()) {
                held.merge(a, 1, Integer::sum);
            }
        }
        List<Item> items = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        int without = 0;
        for (Element t : titles) {
            if (without * 2 > titles.size()) {
                return null; // half the items show no film: it can no longer be a listing of films
            }
            String title = titleText(t);
            if (title == null) {
                continue;
            }
            List<Node> nodes = region(t, members, held);
            String text = DomText.text(nodes);
            if (text.length() > MAX_ITEM_CHARS) {
                return null; // articles, not items
            }
            distinct.add(Words.key(title));
            boolean evidence = evidence(nodes, text, title, filmContext, factLines);
            without += evidence ? 0 : 1;
            items.add(new Item(t, title, nodes, evidence));
        }
        if (distinct.size() < MIN_ITEMS) {
            return null;
        }
        Listing listing = new Listing(signature, items);
        long evidence = listing.withEvidence();
        return evidence >= 2 && evidence * 2 >= items.size() ? listing : null;
    }

    /** The item around title {@code t}: its largest ancestor holding no other title of the group, or its run of siblings. */
    static List<Node> region(Element t, Set<Element> members, Map<Element, Integer> held) {
        Element item = t;
        while (item.parent() != null && !item.parent().normalName().equals("body")
                && held.getOrDefault(item.parent(), 0) == 1) {
            item = item.parent();
        }
        if (item != t) {
            return List.of(item);
        }
        // not wrapped: the title and its following siblings up to the next title of the group
        List<Node> nodes = new ArrayList<>();
        nodes.add(t);
        for (Node sib = t.nextSibling(); sib != null; sib = sib.nextSibling()) {
            if (sib instanceof Element el && (members.contains(el) || held.getOrDefault(el, 0) > 0)) {
                break;
            }
            nodes.add(sib);
        }
        return nodes;
    }

    /** Headings, links, bold text and elements named as titles, whose text can be a title. */
    static boolean isTitleElement(Element el) {
        String tag = el.normalName();
        boolean shape = isHeading(tag) || tag.equals("a") || tag.equals("strong") || tag.equals("b")
                || !el.className().isEmpty() && TITLE_CLASS.matcher(el.className()).find() && el.childrenSize() <= 3
                && !holdsTitle(el);
        return shape && titleText(el) != null;
    }

    /** True when an element holds a heading or a link that is itself the title ("div.title > h3 > a"). */
    private static boolean holdsTitle(Element el) {
        for (Element child : el.children()) {
            String tag = child.normalName();
            if ((isHeading(tag) || tag.equals("a") || tag.equals("strong") || tag.equals("b"))
                    && titleText(child) != null) {
                return true;
            }
        }
        return false;
    }

    /** The element's text when it can be a title, else null. */
    static String titleText(Element el) {
        String t = el.text().replace('\u00a0', ' ').strip();
        if (t.isEmpty() || t.length() > MAX_TITLE_CHARS || !Words.hasLetter(t)) {
            return null;
        }
        if (t.endsWith(".") && !t.endsWith("..") || t.endsWith(":") || moreWordsThan(t, 14)) {
            return null;
        }
        if (Labels.whole(t).isPresent() || Labels.prefix(t).isPresent() || Headings.isSectionName(t)) {
            return null;
        }
        return t;
    }

    /** True when {@code t} (stripped) has more than {@code max} words between white space. */
    private static boolean moreWordsThan(String t, int max) {
        int words = 1;
        for (int i = 1, n = t.length(); i < n; i++) {
            if (!TextScan.isRegexSpace(t.charAt(i)) && TextScan.isRegexSpace(t.charAt(i - 1)) && ++words > max) {
                return true;
            }
        }
        return false;
    }

    /** The markup signature of a title element: its tag and first class, and its parent's. */
    static String signature(Element el) {
        Element p = el.parent();
        return tagClass(el) + "<" + (p == null ? "" : tagClass(p));
    }

    private static String tagClass(Element el) {
        String cls = el.className().strip();
        int space = cls.indexOf(' ');
        return el.normalName() + "." + (space < 0 ? cls : cls.substring(0, space));
    }

    /**
     * True when the item shows a film fact of its own, besides its title: a link to a film page, a
     * fact line (year, country, running time, director), a labelled film field, a running time
     * stated with its unit; on a page about films, a word for "film". Dates, clock times and
     * bylines are no film facts.
     */
    static boolean evidence(List<Node> nodes, String text, String title, boolean filmContext, FactLines factLines) {
        for (Node n : nodes) {
            if (n instanceof Element el) {
                for (Element a : el.normalName().equals("a") ? List.of(el) : el.getElementsByTag("a")) {
                    if (FilmWords.isFilmUrl(a.attr("href"))) {
                        return true;
                    }
                }
            }
        }
        String rest = text.replace(title, " ");
        List<String> lines = new ArrayList<>();
        for (String line : rest.split("\n")) { // one character: no pattern is compiled or run
            String l = line.strip();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        WorkFacts found = new WorkFacts();
        factLines.extract(lines, found);
        if (!found.years().isEmpty() || !found.runtimes().isEmpty() || !found.credits().isEmpty()) {
            return true;
        }
        for (String l : lines) {
            if (l.length() <= 60 && !Dates.hasDate(l) && !Dates.hasClockTime(l) && Runtimes.stated(l).isPresent()) {
                return true;
            }
            var p = Labels.prefix(l);
            if (p.isPresent()) {
                Labels.Meaning m = p.get().meaning();
                boolean film = switch (m.field()) {
                    case CREDIT -> FILM_ROLES.contains(m.role());
                    case RUNTIME, YEAR, LANGUAGE, GENRE -> true;
                    default -> false;
                };
                if (film) {
                    return true;
                }
            }
        }
        return filmContext && FilmWords.has(rest);
    }

    private static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }
}
