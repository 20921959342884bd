package io.filmwire.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Reads an element's {@code class} and {@code id} as words ("related-posts", "shareBar",
 * "comments_area" -> related posts, share bar, comments area) and says whether they name page
 * furniture rather than an article, or name an article body. Stateless and thread-safe.
 */
final class BoilerplateNames {

    /** Words that name furniture: navigation, sharing, promotion, comments, credits. */
    private static final Set<String> FURNITURE = Set.of(
            "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "footer", "sidebar",
            "social", "share", "sharing", "sharebar", "sharetools", "newsletter", "signup", "subscribe",
            "subscription", "advert", "advertisement", "advertising", "ad", "ads", "adslot", "adunit", "dfp",
            "sponsor", "sponsored", "promo", "promos", "promoted", "teaser", "teasers", "cookie", "cookies", "consent",
            "gdpr", "related", "recommended", "recommendation", "recommendations", "rec", "recs", "recirc", "recirculation",
            "trending", "popular",
            "comment", "comments", "disqus", "popup", "modal", "overlay", "banner", "masthead", "byline", "author",
            "authors", "bio", "tags", "taglist", "keywords", "topics", "caption", "credit", "skip",
            "widget", "widgets", "outbrain", "taboola", "login", "signin", "meta", "toolbar",
            "print", "hidden", "sr", "screenreader", "visually", "offscreen", "rail", "dateline", "timestamp",
            "pagination", "pager", "header", "subnav", "topbar", "jump", "toc", "follow", "donate", "donation",
            "copyright", "legal", "disclaimer", "reactions", "feedback", "excerpt", "edit", "editsection");
    private static final int FURNITURE_NAME = 1;
    private static final int EMBED = 2;

    /** Furniture words that never name an article's container, however much text they hold. */
    private static final Set<String> STRONG = Set.of("comment", "comments", "disqus", "cookie", "cookies", "consent",
            "gdpr", "share", "sharing", "sharebar", "sharetools", "social", "newsletter", "subscribe", "subscription",
            "signup", "advert", "advertisement", "advertising", "ad", "ads", "adslot", "adunit", "dfp", "sponsor",
            "sponsored", "outbrain", "taboola", "popup", "modal", "overlay", "breadcrumb", "breadcrumbs");
    private static final List<String> STRONG_STEMS = List.of("disqus", "outbrain", "taboola", "cookie", "newsletter",
            "comments");
    /** Furniture names often written run together ("relatedposts", "sharebuttons"): found inside a class or id. */
    private static final List<String> STEMS = List.of("related", "sidebar", "share", "social", "newsletter",
            "advert", "sponsor", "breadcrumb", "disqus", "outbrain", "taboola", "footer", "navbar", "cookie",
            "subscribe", "signup", "recommend", "trending", "widget", "comments");
    /** Words that name an article body when they come together ("article body", "post content"). */
    private static final Set<String> ARTICLE = Set.of("article", "post", "entry", "story", "blog", "news", "main",
            "page", "single", "text", "rich", "prose");
    private static final Set<String> BODY = Set.of("body", "content", "contents", "text", "copy", "entry", "inner",
            "main", "article", "story");

    /**
     * True when the element's class or id names furniture (never for html, body, main, article or
     * an article body, nor for embedded posts).
     *
     * @param verdicts a cache of verdicts on class values, for one page (class values repeat a lot)
     */
    boolean isBoilerplate(Element el, Map<String, Integer> verdicts) {
        String cls = el.className();
        String id = el.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return false;
        }
        String tag = el.normalName();
        if (tag.equals("body") || tag.equals("main") || tag.equals("article") || isArticleBodyProperty(el)) {
            return false;
        }
        int byClass = cls.isEmpty() ? 0 : verdicts.computeIfAbsent(cls, BoilerplateNames::verdict);
        int byId = id.isEmpty() ? 0 : verdict(id);
        return byClass != EMBED && byId != EMBED && (byClass == FURNITURE_NAME || byId == FURNITURE_NAME);
    }

    /** What one class or id value says: {@link #FURNITURE_NAME}, {@link #EMBED} or 0. */
    private static int verdict(String value) {
        return verdict(value, FURNITURE, STEMS);
    }

    /** {@link #EMBED} when the value names an embedded post (a tweet, a social embed; not its caption or a share button), {@link #FURNITURE_NAME} when it has one of the words or stems, else 0. */
    private static int verdict(String value, Set<String> vocabulary, List<String> stems) {
        List<String> words = words(value);
        if ((words.contains("embed") || words.contains("embedded") || words.contains("tweet"))
                && !words.contains("caption") && !words.contains("credit") && !words.contains("share")
                && !words.contains("button")) {
            return EMBED;
        }
        for (String word : words) {
            if (vocabulary.contains(word)) {
                return FURNITURE_NAME;
            }
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String stem : stems) {
            if (lower.contains(stem)) {
                return FURNITURE_NAME;
            }
        }
        return 0;
    }

    /** True when the element's class or id names furniture that never holds the article (comments, ads, sharing, cookies...). */
    boolean isStrongFurniture(Element el) {
        if (el.normalName().equals("article") || isArticleBodyProperty(el)) {
            return false;
        }
        return verdict(el.className() + " " + el.id(), STRONG, STRONG_STEMS) == FURNITURE_NAME;
    }

    /** True when the element's class or id names a comment section (never taken for the article). */
    boolean isComments(Element el) {
        for (String word : words(el.className() + " " + el.id())) {
            if (word.equals("comment") || word.equals("comments") || word.equals("disqus")) {
                return true;
            }
        }
        return false;
    }

    /** True when the element is marked as an article's body: schema.org {@code articleBody}, or a class or id such as "article-body". */
    boolean isArticleBody(Element el) {
        if (isArticleBodyProperty(el)) {
            return true;
        }
        String cls = el.className();
        String id = el.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return false;
        }
        List<String> words = words(cls + " " + id);
        for (int i = 0; i + 1 < words.size(); i++) {
            if (ARTICLE.contains(words.get(i)) && BODY.contains(words.get(i + 1)) && !words.get(i).equals(words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isArticleBodyProperty(Element el) {
        String prop = el.attr("itemprop");
        return prop.equalsIgnoreCase("articleBody") || prop.equalsIgnoreCase("text") && el.hasAttr("itemprop");
    }

    /** The words of a class or id value: split at non-letters and at lower-to-upper case changes, lower-cased. */
    static List<String> words(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char previous = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isLetter(c)) {
                add(out, word);
            } else {
                if (Character.isUpperCase(c) && Character.isLowerCase(previous)) {
                    add(out, word);
                }
                word.append(Character.toLowerCase(c));
            }
            previous = c;
        }
        add(out, word);
        return out;
    }

    private static void add(List<String> out, StringBuilder word) {
        if (word.length() > 0) {
            out.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
