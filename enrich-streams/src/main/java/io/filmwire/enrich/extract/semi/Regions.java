package io.filmwire.enrich.extract.semi;

import io.filmwire.enrich.extract.text.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Parts of a page that are not about the page's film: navigation, and blocks of other films
 * ("more like this", recommendations: containers whose sibling items each carry the same kind of
 * label, while the page states that label elsewhere too). Stateless.
 */
public final class Regions {

    private static final Pattern ELSEWHERE = Pattern.compile(
            "(?i)(^|[-_ ])(related|recommend\\w*|similar|more-?like|also-?liked|rec_\\w+|suggest\\w*|you-may-like|"
                    + "trending|comments?|user-?reviews?|footer|site-?footer)($|[-_ ])");

    /** Footers by name in the languages the labels cover, also inside camel-case names ("containerRodape"). */
    private static final Pattern FOOTER = Pattern.compile("(?i)footer|rodap[eé]|fusszeile|pie-?de-?pagina|pied-?de-?page|"
            + "piepagina|voettekst|stopka|altbilgi|подвал");

    /** Word starts that every match of {@link #ELSEWHERE} or {@link #FOOTER} contains. */
    private static final String[] KEYWORDS = {"related", "recommend", "similar", "more", "also", "rec_", "suggest",
            "you-may", "trending", "comment", "review", "footer", "rodap", "fusszeile", "pie", "pied", "voettekst",
            "stopka", "altbilgi", "подвал"};

    private Regions() {
    }

    /** True for navigation and for blocks named as being about other things (related, comments...). */
    public static boolean isElsewhere(Element el) {
        String tag = el.normalName();
        if (tag.equals("html") || tag.equals("body") || tag.equals("main")) {
            return false; // themes name colours and layouts on the page's root ("b-footer--black")
        }
        if (tag.equals("nav") || tag.equals("footer")) {
            return true;
        }
        if (el.attributesSize() == 0) {
            return false;
        }
        String role = el.attr("role");
        if (role.equals("navigation") || role.equals("contentinfo") || role.equals("search")) {
            return true;
        }
        String id = el.id();
        String cls = el.className();
        if (id.isEmpty() && cls.isEmpty()) {
            return false;
        }
        // most names hold none of the words: test each name cheaply before joining them for the patterns
        // (no keyword holds a space, so none spans the two)
        if (!holdsKeyword(id) && !holdsKeyword(cls)) {
            return false;
        }
        String idClass = (id + " " + cls).toLowerCase(java.util.Locale.ROOT);
        return ELSEWHERE.matcher(idClass).find() || FOOTER.matcher(idClass).find();
    }

    /** Whether {@code name}, lower-cased, holds one of {@link #KEYWORDS}; lower-cased only if it has upper case. */
    static boolean holdsKeyword(String name) {
        if (name.isEmpty()) {
            return false;
        }
        String lower = name;
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 128) {
                lower = name.toLowerCase(java.util.Locale.ROOT);
                break;
            }
        }
        for (String word : KEYWORDS) {
            if (lower.indexOf(word) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code el} or an ancestor is {@link #isElsewhere elsewhere} or in {@code excluded}. */
    public static boolean inside(Element el, Set<Element> excluded) {
        for (Element e = el; e != null; e = e.parent()) {
            if (excluded.contains(e) || isElsewhere(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The containers of repeated items that each carry a label of one meaning, when that meaning is
     * also stated outside them: the blocks of other films.
     */
    public static Set<Element> repeatedItemBlocks(Map<Element, Labels.Meaning> labels) {
        Map<Labels.Meaning, List<Element>> byMeaning = new HashMap<>();
        labels.forEach((el, m) -> byMeaning.computeIfAbsent(m, k -> new ArrayList<>()).add(el));
        Set<Element> blocks = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Element, Map<String, Integer>> kinds = new IdentityHashMap<>();
        for (List<Element> same : byMeaning.values()) {
            if (same.size() < 2) {
                continue;
            }
            Map<Element, Integer> itemsPerContainer = new IdentityHashMap<>();
            for (Element label : same) {
                Element item = repeatedItem(label, kinds);
                if (item != null && item.parent() != null) {
                    itemsPerContainer.merge(item.parent(), 1, Integer::sum);
                }
            }
            for (Map.Entry<Element, Integer> e : itemsPerContainer.entrySet()) {
                int outside = same.size() - e.getValue();
                if (e.getValue() >= 3 && outside >= 1) {
                    blocks.add(e.getKey());
                }
            }
        }
        return blocks;
    }

    /** The nearest ancestor of {@code el} that is one of several similar siblings (same tag and class). */
    static Element repeatedItem(Element el) {
        return repeatedItem(el, new IdentityHashMap<>());
    }

    /**
     * As {@link #repeatedItem(Element)}, with {@code kinds} caching each parent's count of children
     * per tag and class, so that labels among thousands of siblings cost one count of them, not one each.
     */
    private static Element repeatedItem(Element el, Map<Element, Map<String, Integer>> kinds) {
        Element cur = el;
        for (int depth = 0; depth < 12 && cur != null && cur.parent() != null; depth++) {
            Element parent = cur.parent();
            if (parent.normalName().equals("body")) {
                return null;
            }
            Map<String, Integer> counts = kinds.computeIfAbsent(parent, Regions::childKinds);
            int similar = counts.getOrDefault(kind(cur), 0);
            if (similar >= 3 && !cur.normalName().equals("tr") && !cur.normalName().equals("li")) {
                return cur;
            }
            cur = parent;
        }
        return null;
    }

    private static Map<String, Integer> childKinds(Element parent) {
        Map<String, Integer> counts = new HashMap<>();
        for (Element child = parent.firstElementChild(); child != null; child = child.nextElementSibling()) {
            counts.merge(kind(child), 1, Integer::sum);
        }
        return counts;
    }

    private static String kind(Element el) {
        return el.normalName() + ' ' + el.className();
    }
}
