package io.filmwire.enrich.extract.signals;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.enrich.extract.semi.DomText;
import io.filmwire.enrich.extract.semi.Regions;
import io.filmwire.enrich.extract.structured.JsonLd;
import io.filmwire.enrich.extract.structured.StructuredExtractor;
import io.filmwire.enrich.extract.text.TextScan;
import io.filmwire.enrich.extract.site.SiteObservation;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.RawPage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Everything a page shows that helps decide which films it describes, gathered once, before any
 * decision: the places that name the page's subject (the browser title, OpenGraph and Twitter
 * titles, headings, structured data names, breadcrumbs, the URL), the site's identity, the page's
 * structured data, the parts that are navigation or other site chrome, and the hashes of its
 * blocks for the site profile. One walk of the DOM. Immutable after construction; the DOM is
 * shared and never changed.
 */
public final class PageSignals {

    /** Where a title candidate was read. */
    public enum TitleKind {
        /** {@code <title>}. */
        DOC_TITLE,
        /** {@code og:title}. */
        OG_TITLE,
        /** {@code twitter:title}. */
        TWITTER_TITLE,
        /** A visible {@code <h1>}. */
        H1,
        /** A visible {@code <h2>}..{@code <h4>} near the top of the content. */
        HEADING,
        /** The name of a schema.org Movie. */
        STRUCTURED_MOVIE,
        /** The name of another schema.org work or event (a screening, a TV episode, a creative work). */
        STRUCTURED_WORK,
        /** The last item of a breadcrumb trail. */
        BREADCRUMB,
        /** The page's URL path and query, as words. */
        URL,
        /** A title the page's facts give: a "Title:" label, the head of a fact line. */
        FACTS
    }

    /** One place that names the page's subject, with the element it came from (null for meta and URL). */
    public record TitleSource(TitleKind kind, String text, Element element) {
    }

    private static final Set<String> WORK_TYPES = Set.of("event", "screeningevent", "tvepisode", "episode",
            "tvseries", "creativework", "videoobject", "tvseason", "publicationevent", "broadcastevent",
            "festival", "theaterevent", "visualartsevent", "socialevent", "movieseries", "creativeworkseries",
            "tvmovie");
    private static final Set<String> BLOCK_TAGS = Set.of("div", "ul", "ol", "section", "table", "p", "footer", "nav",
            "aside", "header", "form", "dl", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "main", "span", "a");
    private static final Pattern BREADCRUMB = Pattern.compile("(?i)breadcrumb|crumbs");
    private static final Pattern URL_NOISE = Pattern.compile(
            "(?i)^(html?|php|aspx?|jsp|dll|cgi|default|index|online|www|https?|com|org|net|co|uk)$");
    /** Shortest block text whose hash is kept for the site profile: shorter blocks (a label, a heading) are not template evidence. */
    private static final int MIN_BLOCK_CHARS = 40;
    private static final int MAX_BLOCK_CHARS = 50_000;
    private static final int MAX_HEADINGS = 8;

    private final RawPage raw;
    private final Document doc;
    private final CleanPage clean;
    private final String url;
    private final String siteKey;
    private final SiteIdentity site;
    private final List<JsonNode> jsonLd;
    private final List<JsonNode> movies;
    private final List<TitleSource> titles = new ArrayList<>();
    private final List<Element> headings = new ArrayList<>();
    private final Set<Element> chrome = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Element, Long> blockHashes = new IdentityHashMap<>();
    private final String urlWords;
    private final boolean declaredMovie;

    /** The page's first schema.org Movie (or Film) microdata element, or null: looked up once. */
    private final Element movieMicrodata;

    private PageSignals(RawPage raw, Document doc, CleanPage clean) {
        this.raw = raw;
        this.doc = doc;
        this.clean = clean;
        Map<String, String> metas = doc == null ? Map.of() : metas(doc);
        String pageUrl = raw.url();
        if (pageUrl == null && doc != null) {
            Element canonical = doc.selectFirst(Queries.Q1);
            pageUrl = canonical != null ? canonical.attr("href") : metas.get("og:url");
        }
        this.url = pageUrl;
        // the JSON-LD scripts and the first Movie microdata element, in one walk of the document
        // (what selecting each of them gave, without a query's walk each)
        List<String> scripts = new ArrayList<>();
        Element[] micro = new Element[1];
        if (doc != null) {
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof Element el && el.attributesSize() > 0) {
                    if (JsonLd.isJsonLdScript(el)) {
                        scripts.add(el.data());
                    }
                    if (micro[0] == null && isMovieMicrodata(el)) {
                        micro[0] = el;
                    }
                }
            }, doc);
        }
        this.jsonLd = doc == null ? List.of() : JsonLd.objects(scripts);
        this.movies = StructuredExtractor.movies(jsonLd);
        Map<String, Integer> linkHosts = new HashMap<>();
        if (doc != null && doc.body() != null) {
            walk(doc.body(), linkHosts);
        }
        String host = SiteIdentity.hostOf(url);
        this.siteKey = host != null ? host : mostLinkedHost(linkHosts, metas.get("og:site_name"));
        List<String> names = new ArrayList<>();
        names.add(metas.get("og:site_name"));
        names.add(metas.get("application-name"));
        names.add(metas.get("twitter:site"));
        this.site = SiteIdentity.of(siteKey != null && siteKey.contains(".") ? siteKey : null, names);
        this.urlWords = urlWords(url);
        this.movieMicrodata = micro[0];
        this.declaredMovie = "video.movie".equalsIgnoreCase(metas.getOrDefault("og:type", "")) || !movies.isEmpty()
                || movieMicrodata != null;
        if (doc != null) {
            titleSources(metas);
        }
    }

    /** The signals of a page (HTML when {@code doc} is not null, else plain text). */
    public static PageSignals of(RawPage raw, Document doc, CleanPage clean) {
        return new PageSignals(raw, doc, clean);
    }

    private static Map<String, String> metas(Document doc) {
        Map<String, String> metas = new HashMap<>();
        Element head = doc.head();
        for (Element m : (head != null ? head : doc).getElementsByTag("meta")) {
            String key = m.hasAttr("property") ? m.attr("property") : m.attr("name");
            String content = m.attr("content").strip();
            if (!key.isEmpty() && !content.isEmpty()) {
                metas.putIfAbsent(key.toLowerCase(Locale.ROOT), content);
            }
        }
        return metas;
    }

    private void titleSources(Map<String, String> metas) {
        add(TitleKind.DOC_TITLE, doc.title(), null);
        add(TitleKind.OG_TITLE, metas.get("og:title"), null);
        add(TitleKind.TWITTER_TITLE, metas.get("twitter:title"), null);
        for (Element h : headings) {
            if (h.normalName().equals("h1")) {
                add(TitleKind.H1, h.text(), h);
            }
        }
        int n = 0;
        for (Element h : headings) {
            String tag = h.normalName();
            if ((tag.equals("h2") || tag.equals("h3") || tag.equals("h4")) && n++ < MAX_HEADINGS) {
                add(TitleKind.HEADING, h.text(), h);
            }
        }
        for (JsonNode m : movies) {
            add(TitleKind.STRUCTURED_MOVIE, JsonLd.text(m.get("name")), null);
        }
        Element micro = movieMicrodata;
        if (micro != null) {
            Element name = micro.selectFirst(Queries.Q3);
            if (name != null) {
                add(TitleKind.STRUCTURED_MOVIE, name.hasAttr("content") ? name.attr("content") : name.text(), name);
            }
        }
        for (JsonNode o : jsonLd) {
            if (JsonLd.types(o).stream().anyMatch(WORK_TYPES::contains) && movies.stream().noneMatch(m -> m == o)) {
                add(TitleKind.STRUCTURED_WORK, JsonLd.text(o.get("name")), null);
            }
        }
        Element crumbs = breadcrumbs();
        if (crumbs != null) {
            List<String> items = new ArrayList<>();
            for (Element li : crumbs.select(Queries.Q4)) {
                String t = li.ownText().strip();
                if (t.isEmpty()) {
                    t = li.text().strip();
                }
                if (!t.isEmpty() && Words.hasLetter(t) && (items.isEmpty() || !items.get(items.size() - 1).equals(t))) {
                    items.add(t);
                }
            }
            if (!items.isEmpty()) {
                add(TitleKind.BREADCRUMB, items.get(items.size() - 1), crumbs);
            }
        }
        if (!urlWords.isEmpty()) {
            titles.add(new TitleSource(TitleKind.URL, urlWords, null));
        }
    }

    private void add(TitleKind kind, String text, Element el) {
        if (text == null) {
            return;
        }
        String t = CompiledRx.P1.matcher(text.replace('\u00a0', ' ')).replaceAll(" ").strip();
        if (!t.isEmpty() && t.length() <= 300 && Words.hasLetter(t)) {
            titles.add(new TitleSource(kind, t, el));
        }
    }

    private Element breadcrumbs() {
        return crumbs;
    }

    /** The first breadcrumb trail met in the walk: by schema.org type, ARIA label, or a class or id naming it. */
    private Element crumbs;

    private static boolean isBreadcrumb(Element el) {
        if (el.attributesSize() == 0) {
            return false;
        }
        String itemtype = el.attr("itemtype");
        if (!itemtype.isEmpty() && itemtype.toLowerCase(Locale.ROOT).contains("breadcrumblist")) {
            return true;
        }
        String label = el.attr("aria-label");
        if (!label.isEmpty() && label.toLowerCase(Locale.ROOT).contains("breadcrumb")) {
            return true;
        }
        // both of the pattern's words hold "crumb": names without it need no joined copy nor pattern
        String id = el.id();
        String cls = el.className();
        if (!TextScan.containsIgnoreCase(id, "crumb") && !TextScan.containsIgnoreCase(cls, "crumb")) {
            return false;
        }
        String idClass = id + " " + cls;
        return BREADCRUMB.matcher(idClass).find();
    }

    /** One walk: chrome, headings, block hashes, link hosts. */
    private void walk(Element body, Map<String, Integer> linkHosts) {
        NodeTraversor.traverse(new NodeVisitor() {
            private final List<long[]> stack = new ArrayList<>();
            private int chromeDepth = 0;
            private int invisibleDepth = 0;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (DomText.INVISIBLE.contains(tag)) {
                        invisibleDepth++;
                        return;
                    }
                    if (invisibleDepth > 0) {
                        return;
                    }
                    boolean isChrome = isChrome(el);
                    if (chromeDepth == 0 && isChrome) {
                        chrome.add(el);
                    }
                    if (isChrome) {
                        chromeDepth++;
                    }
                    if (crumbs == null && isBreadcrumb(el)) {
                        crumbs = el;
                    }
                    if (chromeDepth == 0 && tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1'
                            && tag.charAt(1) <= '6') {
                        headings.add(el);
                    }
                    if (tag.equals("a")) {
                        String host = SiteIdentity.hostOf(el.attr("href"));
                        if (host != null) {
                            linkHosts.merge(host, 1, Integer::sum);
                        }
                    }
                    stack.add(new long[] {0L, 0L, isChrome ? 1L : 0L});
                } else if (node instanceof TextNode t && invisibleDepth == 0 && !stack.isEmpty()) {
                    // read from the node's raw text: no normalised copy made per text node
                    String whole = t.getWholeText();
                    addText(stack.get(stack.size() - 1), whole);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return;
                }
                String tag = el.normalName();
                if (DomText.INVISIBLE.contains(tag)) {
                    invisibleDepth--;
                    return;
                }
                if (invisibleDepth > 0) {
                    return;
                }
                long[] acc = stack.remove(stack.size() - 1);
                if (acc[2] == 1) {
                    chromeDepth--;
                }
                if (acc[1] >= MIN_BLOCK_CHARS && acc[1] <= MAX_BLOCK_CHARS && BLOCK_TAGS.contains(tag)) {
                    blockHashes.put(el, acc[0]);
                }
                if (!stack.isEmpty() && acc[1] > 0) {
                    long[] parent = stack.get(stack.size() - 1);
                    parent[0] = mix(parent[0], acc[0]);
                    parent[1] += acc[1];
                }
            }
        }, body);
    }

    /** Site chrome by markup: navigation, footers, side bars, and blocks named for other content. */
    static boolean isChrome(Element el) {
        String tag = el.normalName();
        if (tag.equals("aside") || tag.equals("form") && !el.select(Queries.Q5).isEmpty()) {
            return true;
        }
        String role = el.attr("role");
        if (role.equals("banner") || role.equals("complementary")) {
            return true;
        }
        return Regions.isElsewhere(el);
    }

    /** A hash of a text node's characters in lower case, its spacing left out (so of its shown text too). */
    /**
     * Adds a text node's hash and length to its block's {@code acc} ({hash, length}) when it has any
     * text once stripped: {@link DomText#strippedNormalisedLength} and {@link #fnv} in one pass over
     * its characters (the same numbers; {@code PageSignalsTextTest} holds the two ways together).
     */
    static void addText(long[] acc, String whole) {
        long h = 0xcbf29ce484222325L;
        int length = 0;
        int start = -1;
        int end = 0;
        boolean white = false;
        for (int i = 0, n = whole.length(); i < n; ) {
            char ch = whole.charAt(i);
            int c = ch;
            int chars = 1;
            if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(whole.charAt(i + 1))) {
                char low = whole.charAt(i + 1);
                c = Character.toCodePoint(ch, low);
                chars = 2;
                h ^= ch; // a surrogate lower-cases to itself, as fnv reads it char by char
                h *= 0x100000001b3L;
                h ^= low;
                h *= 0x100000001b3L;
            } else if (!DomText.spacing(ch)) {
                h ^= Character.toLowerCase(ch);
                h *= 0x100000001b3L;
            }
            i += chars;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 160) {
                if (!white) {
                    length++;
                    white = true;
                }
            } else if (c != 0x200B && c != 0xAD) {
                if (!Character.isWhitespace(c)) {
                    if (start < 0) {
                        start = length;
                    }
                    end = length + chars;
                }
                length += chars;
                white = false;
            }
        }
        int stripped = start < 0 ? 0 : end - start;
        if (stripped > 0) {
            acc[0] = mix(acc[0], h);
            acc[1] += stripped;
        }
    }

    /** The hash of a text without its spacing, lower-cased char by char: what {@link #addText} folds in. */
    static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!DomText.spacing(c)) {
                h ^= Character.toLowerCase(c);
                h *= 0x100000001b3L;
            }
        }
        return h;
    }

    static long mix(long acc, long h) {
        long x = acc * 0x9E3779B97F4A7C15L + h;
        x ^= x >>> 31;
        return x;
    }

    /** The host most of the page's absolute links point to, for a page that came without a URL. */
    private static String mostLinkedHost(Map<String, Integer> hosts, String siteName) {
        int total = hosts.values().stream().mapToInt(Integer::intValue).sum();
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : hosts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if (best != null && bestCount >= 5 && bestCount * 4 >= total) {
            return best;
        }
        return siteName == null ? null : "name:" + Words.letters(siteName);
    }

    /** The URL's path and query as words ("screening dogtooth 4k restoration"), ids and file types left out. */
    static String urlWords(String url) {
        if (url == null) {
            return "";
        }
        String rest = CompiledRx.P2.matcher(url).replaceFirst("");
        StringBuilder b = new StringBuilder();
        for (String w : CompiledRx.P3.split(rest)) {
            if (w.isEmpty() || w.chars().allMatch(Character::isDigit) || URL_NOISE.matcher(w).matches()) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w.toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    /** What this page tells its site's profile, received at {@code at} (epoch ms). */
    public SiteObservation observation(long at) {
        String topic = null;
        for (TitleSource t : titles) {
            if (t.kind() == TitleKind.H1) {
                topic = t.text();
                break;
            }
        }
        List<String> published = new ArrayList<>();
        for (TitleSource t : titles) {
            if (topic == null && t.kind() == TitleKind.DOC_TITLE) {
                topic = t.text();
            }
            if (t.kind() == TitleKind.DOC_TITLE || t.kind() == TitleKind.OG_TITLE) {
                if (!published.contains(t.text())) {
                    published.add(t.text());
                }
            }
        }
        if (topic == null) {
            topic = clean == null || clean.title() == null ? raw.pageId() : clean.title();
        }
        // sorted: the same page gives the same observation whatever the identity hash order of its elements
        long[] hashes = blockHashes.values().stream().distinct().mapToLong(Long::longValue).sorted().toArray();
        return new SiteObservation(siteKey, raw.pageId(), topic, published, hashes, at);
    }

    public RawPage raw() {
        return raw;
    }

    /** The parsed page, or null for a plain-text page. */
    public Document document() {
        return doc;
    }

    public CleanPage clean() {
        return clean;
    }

    public boolean isHtml() {
        return doc != null;
    }

    /** The page's URL: as received, else its canonical link or og:url; may be null. */
    public String url() {
        return url;
    }

    /** The key of the page's site for its profile (host; inferred from its links when it came without URL), or null. */
    public String siteKey() {
        return siteKey;
    }

    public SiteIdentity site() {
        return site;
    }

    public List<JsonNode> jsonLd() {
        return jsonLd;
    }

    /** The schema.org Movie objects of the page's JSON-LD. */
    public List<JsonNode> movies() {
        return movies;
    }

    /** True when the page declares itself about a film (schema.org Movie, og:type video.movie). */
    public boolean declaresMovie() {
        return declaredMovie;
    }

    public List<TitleSource> titles() {
        return Collections.unmodifiableList(titles);
    }

    /** Visible headings outside chrome, in document order. */
    public List<Element> headings() {
        return Collections.unmodifiableList(headings);
    }

    /** The outermost chrome elements. */
    public Set<Element> chrome() {
        return Collections.unmodifiableSet(chrome);
    }

    /** Block element -> hash of its text. */
    public Map<Element, Long> blockHashes() {
        return Collections.unmodifiableMap(blockHashes);
    }

    /**
     * True when the page is about films by its own words: its site's name or host, its title, or
     * (at least twice) its main text say "film", "cinema", "movie" in one of the covered languages.
     */
    public boolean filmContext() {
        if (filmContext == null) {
            boolean film = FilmWords.has(siteKey) || FilmWords.has(url);
            for (TitleSource t : titles) {
                if (t.kind() == TitleKind.DOC_TITLE || t.kind() == TitleKind.OG_TITLE || t.kind() == TitleKind.H1) {
                    film |= FilmWords.has(t.text());
                }
            }
            if (!film && clean != null) {
                film = FilmWords.count(clean.text(), 2) >= 2;
            }
            if (!film && doc != null && doc.body() != null) {
                // the whole page, menus included: a cinema's site names films everywhere
                film = FilmWords.count(doc.body().text(), 4) >= 4;
            }
            filmContext = film;
        }
        return filmContext;
    }

    private Boolean filmContext;

    /** The URL as words, or "". */
    public String urlWords() {
        return urlWords;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s+");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

        private CompiledRx() {
        }
    }

    /** The CSS queries of this file, parsed once (a query string is parsed again at each call). */
    /**
     * Whether {@code el} is what the query {@code [itemscope][itemtype~=(?i)schema\.org/(Movie|Film)\b]}
     * selects: a schema.org Movie (or Film) item.
     */
    static boolean isMovieMicrodata(Element el) {
        return el.hasAttr("itemscope") && el.hasAttr("itemtype") && MOVIE_ITEMTYPE.matcher(el.attr("itemtype")).find();
    }

    private static final Pattern MOVIE_ITEMTYPE = Pattern.compile("(?i)schema\\.org/(Movie|Film)\\b");

    private static final class Queries {
        static final org.jsoup.select.Evaluator Q1 = org.jsoup.select.QueryParser.parse("link[rel=canonical][href]");
        static final org.jsoup.select.Evaluator Q3 = org.jsoup.select.QueryParser.parse("[itemprop=name]");
        static final org.jsoup.select.Evaluator Q4 = org.jsoup.select.QueryParser.parse("li, a, span[itemprop=name]");
        static final org.jsoup.select.Evaluator Q5 = org.jsoup.select.QueryParser.parse("input[type=search], input[name~=(?i)^(q|s|search|query)$]");

        private Queries() {
        }
    }
}
