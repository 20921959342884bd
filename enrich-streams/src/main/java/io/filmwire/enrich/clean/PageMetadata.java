package io.filmwire.enrich.clean;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.enrich.extract.structured.JsonLd;
import io.filmwire.enrich.extract.text.TextScan;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Title, author, publication date and declared language of an HTML page, from (first found wins)
 * schema.org JSON-LD, microdata, OpenGraph and other meta tags, then the visible page (the
 * {@code h1}, a byline, a {@code time} element, a date in the URL). Dates come out as ISO 8601
 * dates or date-times. Reads the document without changing it. Stateless and thread-safe.
 *
 * @param title         the headline, or null
 * @param author        the author's name (several joined by ", "), or null
 * @param publishedDate ISO date or date-time, or null
 * @param language      the language the page declares ({@code html lang}, content-language), or null
 */
record PageMetadata(String title, String author, String publishedDate, String language) {

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "review", "report", "techarticle",
            "scholarlyarticle", "socialmediaposting", "liveblogposting", "backgroundnewsarticle", "posting", "webpage",
            "creativework", "movie", "videoobject", "medicalwebpage", "howto", "recipe");
    private static final Set<String> BYLINE_CLASSES = Set.of("byline", "author", "author-name", "byline-name",
            "byline__name", "author__name");
    private static final Set<String> NOT_A_NAME = Set.of("undefined", "null", "none", "admin", "administrator",
            "unknown", "anonymous", "author", "editor", "staff");
    private static final Pattern BY = Pattern.compile("(?iu)^\\s*(by|von|par|por|di|door|av|af)\\s+");
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|\\b)");
    private static final Pattern ISO_PREFIX = Pattern.compile("((?:19|20)\\d{2})-(\\d{2})-(\\d{2})");
    private static final Pattern OFFSET_NO_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final List<DateTimeFormatter> TEXT_DATES = List.of(
            formatter("MMMM d, uuuu"), formatter("MMM d, uuuu"), formatter("MMM. d, uuuu"), formatter("d MMMM uuuu"),
            formatter("d MMM uuuu"), formatter("EEEE, MMMM d, uuuu"), formatter("EEE, d MMM uuuu HH:mm:ss z"),
            formatter("uuuu/MM/dd"), formatter("MMMM d uuuu"));

    /** The metadata of {@code doc}. */
    static PageMetadata of(Document doc, String url) {
        Scan scan = new Scan();
        NodeTraversor.traverse(scan, doc);
        JsonNode article = jsonLdArticle(scan.jsonLd);
        String title = title(doc, scan, article);
        String author = author(scan, article);
        String date = date(scan, article, url);
        return new PageMetadata(title, author, date, declaredLanguage(doc, scan.metas));
    }

    /**
     * What the metadata is read from, gathered in one walk of the document: meta tags (lower-cased
     * name, property, itemprop or http-equiv -> first non-blank content), JSON-LD scripts, the
     * first {@code h1}, and the first few author and date elements.
     */
    private static final class Scan implements NodeVisitor {
        private static final int MAX_CANDIDATES = 8;
        final Map<String, String> metas = new HashMap<>();
        final List<String> jsonLd = new ArrayList<>();
        final List<Element> authors = new ArrayList<>();
        final List<Element> dates = new ArrayList<>();
        Element h1;

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element el)) {
                return;
            }
            switch (el.normalName()) {
                case "meta" -> meta(el);
                case "script" -> {
                    if ("application/ld+json".equalsIgnoreCase(el.attr("type").strip())) {
                        jsonLd.add(el.data());
                    }
                }
                case "h1" -> {
                    if (h1 == null) {
                        h1 = el;
                    }
                }
                case "time" -> {
                    if ((el.hasAttr("datetime") || el.hasAttr("pubdate")) && dates.size() < MAX_CANDIDATES) {
                        dates.add(el);
                    }
                }
                default -> {
                }
            }
            String prop = el.attr("itemprop");
            if (prop.equalsIgnoreCase("datePublished") && dates.size() < MAX_CANDIDATES && !el.normalName().equals("time")) {
                dates.add(el);
            }
            if (authors.size() < MAX_CANDIDATES && !el.normalName().equals("meta") && (prop.equalsIgnoreCase("author")
                    || el.attr("rel").equalsIgnoreCase("author") || isBylineClass(el.className()))) {
                authors.add(el);
            }
        }

        private void meta(Element el) {
            if (!el.hasAttr("content")) {
                return;
            }
            String key = el.hasAttr("property") ? el.attr("property") : el.hasAttr("name") ? el.attr("name")
                    : el.hasAttr("itemprop") ? el.attr("itemprop") : el.attr("http-equiv");
            String value = clean(el.attr("content"));
            if (!key.isEmpty() && value != null) {
                metas.putIfAbsent(key.toLowerCase(Locale.ROOT), value);
            }
        }

        private static boolean isBylineClass(String cls) {
            if (cls.isEmpty()) {
                return false;
            }
            // the class's words, as split at white space
            for (int i = 0, n = cls.length(); i < n; ) {
                while (i < n && TextScan.isRegexSpace(cls.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !TextScan.isRegexSpace(cls.charAt(i))) {
                    i++;
                }
                if (i > start && BYLINE_CLASSES.contains(cls.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String title(Document doc, Scan scan, JsonNode article) {
        Map<String, String> metas = scan.metas;
        String og = meta(metas, "og:title", "twitter:title");
        String headline = article == null ? null : text(article.get("headline"));
        String pageTitle = clean(doc.title());
        Element h1 = scan.h1;
        String h1Text = h1 == null ? null : clean(h1.text());
        if (h1Text != null && h1Text.length() > 300) {
            h1Text = null;
        }
        for (String named : new String[] {headline, og}) {
            if (named != null && h1Text != null && contains(named, h1Text)) {
                return h1Text;
            }
        }
        if (pageTitle != null && h1Text != null && contains(pageTitle, h1Text) && h1Text.length() * 5 >= pageTitle.length() * 2) {
            return h1Text;
        }
        if (headline != null) {
            return headline;
        }
        if (og != null) {
            return og;
        }
        if (pageTitle != null) {
            return withoutSiteName(pageTitle);
        }
        return h1Text;
    }

    /** "Headline | Site" -> "Headline": the longest part between separators. */
    private static String withoutSiteName(String title) {
        String best = title;
        String[] parts = CompiledRx.P2.split(title);
        if (parts.length > 1) {
            best = parts[0];
            for (String part : parts) {
                if (part.length() > best.length()) {
                    best = part;
                }
            }
        }
        return best.strip();
    }

    private static String author(Scan scan, JsonNode article) {
        Map<String, String> metas = scan.metas;
        if (article != null) {
            String fromLd = names(article.get("author"));
            if (fromLd != null) {
                return fromLd;
            }
        }
        for (String name : new String[] {"author", "article:author", "byl", "parsely-author", "sailthru.author",
                "dc.creator", "dcterms.creator", "twitter:creator"}) {
            String value = personName(meta(metas, name));
            if (value != null) {
                return value;
            }
        }
        for (Element el : scan.authors) {
            Element name = el.selectFirst(Queries.Q1);
            String value = personName((name != null ? name : el).text());
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String date(Scan scan, JsonNode article, String url) {
        Map<String, String> metas = scan.metas;
        if (article != null) {
            String fromLd = isoDate(text(article.get("datePublished")));
            if (fromLd == null) {
                fromLd = isoDate(text(article.get("dateCreated")));
            }
            if (fromLd != null) {
                return fromLd;
            }
        }
        for (String name : new String[] {"article:published_time", "og:published_time", "datePublished", "date",
                "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.date",
                "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "og:article:published_time"}) {
            String value = isoDate(meta(metas, name));
            if (value != null) {
                return value;
            }
        }
        for (Element el : scan.dates) {
            String value = isoDate(el.hasAttr("content") ? el.attr("content")
                    : el.hasAttr("datetime") ? el.attr("datetime") : el.text());
            if (value != null) {
                return value;
            }
        }
        if (url != null) {
            Matcher m = URL_DATE.matcher(url);
            if (m.find()) {
                return dateOf(m);
            }
        }
        return null;
    }

    private static String declaredLanguage(Document doc, Map<String, String> metas) {
        Element html = doc.selectFirst(Queries.Q2);
        String lang = html == null ? "" : html.attr("lang");
        if (lang.isBlank() && html != null) {
            lang = html.attr("xml:lang");
        }
        if (lang.isBlank()) {
            String meta = meta(metas, "content-language", "og:locale", "language", "dc.language");
            lang = meta == null ? "" : meta;
        }
        return LanguageGuesser.normalise(lang);
    }

    /** {@code value} as an ISO date or date-time, or null when it is not a date. */
    static String isoDate(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > 80) {
            return null;
        }
        v = OFFSET_NO_COLON.matcher(v).replaceFirst("$1:$2");
        try {
            return OffsetDateTime.parse(v).toString();
        } catch (DateTimeParseException e) {
            // not an offset date-time: try the other forms
        }
        try {
            return ZonedDateTime.parse(v).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDateTime.parse(v).toString();
        } catch (DateTimeParseException e) {
            // next
        }
        Matcher iso = ISO_PREFIX.matcher(v);
        if (iso.lookingAt()) {
            return dateOf(iso);
        }
        String text = CompiledRx.P1.matcher(v).replaceAll(" ").replaceAll("(\\d)(st|nd|rd|th)\\b", "$1");
        for (DateTimeFormatter f : TEXT_DATES) {
            try {
                return LocalDate.parse(text, f).toString();
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    /** The ISO date of a match whose groups 1-3 are year, month and day; null when there is no such day. */
    private static String dateOf(Matcher m) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ENGLISH);
    }

    /** The first schema.org article-like object in the page's JSON-LD, or null. */
    private static JsonNode jsonLdArticle(List<String> scripts) {
        JsonNode fallback = null;
        for (JsonNode node : JsonLd.objects(scripts)) {
            if (isArticleType(node.get("@type"))) {
                if (node.hasNonNull("headline") || node.hasNonNull("datePublished")) {
                    return node;
                }
                if (fallback == null) {
                    fallback = node;
                }
            }
        }
        return fallback;
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    /** Names of a JSON-LD author value: a string, a Person/Organization, or an array of them. */
    private static String names(JsonNode author) {
        if (author == null || author.isNull()) {
            return null;
        }
        if (author.isArray()) {
            StringBuilder out = new StringBuilder();
            for (JsonNode one : author) {
                String name = names(one);
                if (name != null && out.indexOf(name) < 0) {
                    out.append(out.length() > 0 ? ", " : "").append(name);
                }
                if (out.length() > 200) {
                    break;
                }
            }
            return out.length() == 0 ? null : out.toString();
        }
        if (author.isObject()) {
            return personName(text(author.get("name")));
        }
        return personName(text(author));
    }

    /** A person's name from a byline: "By Jane Doe" -> "Jane Doe"; null for URLs, handles and non-names. */
    static String personName(String value) {
        String v = clean(value);
        if (v == null) {
            return null;
        }
        v = BY.matcher(v).replaceFirst("");
        int cut = indexOfAny(v, " | ", " - ", "\n", " Updated", " Published", " on ");
        if (cut > 0) {
            v = v.substring(0, cut);
        }
        v = CompiledRx.P3.matcher(v).replaceAll("").strip();
        if (v.length() < 3 || v.length() > 100 || NOT_A_NAME.contains(v.toLowerCase(Locale.ROOT)) || v.startsWith("http") || v.startsWith("@") || v.contains("/")
                || !v.codePoints().anyMatch(Character::isLetter) || v.codePoints().filter(Character::isDigit).count() > 2) {
            return null;
        }
        return v;
    }

    private static int indexOfAny(String s, String... needles) {
        int best = -1;
        for (String needle : needles) {
            int i = s.indexOf(needle);
            if (i > 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static String meta(Map<String, String> metas, String... names) {
        for (String name : names) {
            String value = metas.get(name.toLowerCase(Locale.ROOT));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isObject()) {
            return text(node.has("name") ? node.get("name") : node.get("@value"));
        }
        return clean(node.asText());
    }

    private static boolean contains(String outer, String inner) {
        return outer.toLowerCase(Locale.ROOT).contains(inner.toLowerCase(Locale.ROOT));
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = TextNormaliser.line(org.jsoup.parser.Parser.unescapeEntities(value, false));
        return v.isEmpty() ? null : v;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s+");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("\\s+[|\u2013\u2014:-]{1,2}\\s+");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("[,;:\\s]+$");

        private CompiledRx() {
        }
    }

    /** The CSS queries of this file, parsed once (a query string is parsed again at each call). */
    private static final class Queries {
        static final org.jsoup.select.Evaluator Q1 = org.jsoup.select.QueryParser.parse("[itemprop=name]");
        static final org.jsoup.select.Evaluator Q2 = org.jsoup.select.QueryParser.parse("html");

        private Queries() {
        }
    }
}
