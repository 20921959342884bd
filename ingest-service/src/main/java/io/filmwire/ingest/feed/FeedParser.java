package io.filmwire.ingest.feed;

import io.filmwire.ingest.BoundedBytes;
import io.filmwire.schema.PageIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads the links of a feed: RSS 2.0 (and RSS 1.0/RDF) items, Atom entries, sitemap URLs and the
 * child sitemaps of a sitemap index. Lenient the way feeds need (Jsoup's XML parser: no DTDs, no
 * external entities, broken markup tolerated); element names match with or without a namespace
 * prefix. A gzipped document ({@code sitemap.xml.gz}) is unpacked first, within the size limit.
 * Links are made absolute against the document's URL and canonical (no fragment, no tracking
 * parameters); links that are not http(s) are counted in {@link Feed#skipped}. Stateless and
 * thread-safe.
 */
public final class FeedParser {

    /** Most links read from one document (the sitemap protocol's own limit). */
    public static final int MAX_LINKS = 50_000;

    private FeedParser() {
    }

    /** What kind of document a feed is. */
    public enum Kind {
        RSS, ATOM, SITEMAP, SITEMAP_INDEX
    }

    /**
     * A link to a page.
     *
     * @param url     canonical URL
     * @param title   the item's title, or null
     * @param version what says the page changed ({@code lastmod}, Atom {@code updated}), or null
     */
    public record Item(String url, String title, String version) {
    }

    /**
     * A parsed feed.
     *
     * @param items   the page links (RSS, Atom, sitemap), in document order, each once
     * @param children the child sitemaps of a sitemap index, with their {@code lastmod} as version
     * @param skipped links left out: not http(s), malformed, or past {@link #MAX_LINKS}
     */
    public record Feed(Kind kind, List<Item> items, List<Item> children, int skipped) {
    }

    /** Bytes that are not a feed, or are too large unpacked. */
    public static final class NotAFeedException extends Exception {
        public NotAFeedException(String message) {
            super(message);
        }
    }

    /**
     * Parses {@code body}, fetched from {@code url}.
     *
     * @param charset  the charset the server declared, or null (then the XML declaration or UTF-8)
     * @param maxBytes the largest document taken once unpacked
     */
    public static Feed parse(byte[] body, String charset, URI url, long maxBytes) throws NotAFeedException {
        byte[] bytes = body;
        if (BoundedBytes.isGzip(bytes)) {
            try {
                bytes = BoundedBytes.gunzip(bytes, maxBytes, "'" + url + "'");
            } catch (IOException e) {
                throw new NotAFeedException(e.getMessage() + " (ingest.feed.max.bytes)");
            }
        }
        org.jsoup.nodes.Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), charset, url.toString(), Parser.xmlParser());
        } catch (IOException | IllegalArgumentException e) {
            throw new NotAFeedException("'" + url + "' cannot be read as XML: " + e.getMessage());
        }
        Element root = doc.children().first();
        String rootName = root == null ? null : local(root);
        if (rootName == null) {
            throw new NotAFeedException("'" + url + "' is empty or not XML; give an RSS 2.0, Atom or sitemap URL");
        }
        Links links = new Links();
        switch (rootName) {
            case "rss", "rdf" -> {
                for (Element item : descendants(root, "item")) {
                    links.add(rssLink(item), text(child(item, "title")), null);
                }
                return links.document(Kind.RSS);
            }
            case "feed" -> {
                for (Element entry : descendants(root, "entry")) {
                    Element updated = child(entry, "updated");
                    links.add(atomLink(entry), text(child(entry, "title")),
                            updated != null ? text(updated) : text(child(entry, "published")));
                }
                return links.document(Kind.ATOM);
            }
            case "urlset" -> {
                for (Element entry : descendants(root, "url")) {
                    links.add(absolute(entry, text(child(entry, "loc"))), null, text(child(entry, "lastmod")));
                }
                return links.document(Kind.SITEMAP);
            }
            case "sitemapindex" -> {
                for (Element entry : descendants(root, "sitemap")) {
                    links.addChild(absolute(entry, text(child(entry, "loc"))), text(child(entry, "lastmod")));
                }
                return links.document(Kind.SITEMAP_INDEX);
            }
            default -> throw new NotAFeedException("'" + url + "' is not an RSS 2.0, Atom or sitemap document (its root"
                    + " element is <" + root.tagName() + ">); give a feed or sitemap URL");
        }
    }

    /** Collects links once each, canonical, counting what is left out. */
    private static final class Links {
        private final Map<String, Item> items = new LinkedHashMap<>();
        private final Map<String, Item> children = new LinkedHashMap<>();
        private int skipped;

        void add(String url, String title, String version) {
            String canonical = url == null ? null : PageIds.canonicalUrl(url);
            if (canonical == null || items.size() >= MAX_LINKS) {
                skipped++;
                return;
            }
            items.putIfAbsent(canonical, new Item(canonical, title, version));
        }

        void addChild(String url, String version) {
            String canonical = url == null ? null : PageIds.canonicalUrl(url);
            if (canonical == null || children.size() >= MAX_LINKS) {
                skipped++;
                return;
            }
            children.putIfAbsent(canonical, new Item(canonical, null, version));
        }

        Feed document(Kind kind) {
            return new Feed(kind, List.copyOf(items.values()), List.copyOf(children.values()), skipped);
        }
    }

    private static String rssLink(Element item) {
        for (Element link : children(item, "link")) {
            String text = link.text().strip();
            if (!text.isEmpty()) {
                return absolute(item, text);
            }
            if (link.hasAttr("href")) {
                return link.absUrl("href");
            }
        }
        Element guid = child(item, "guid");
        if (guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink").strip())) {
            return absolute(item, guid.text().strip());
        }
        return null;
    }

    private static String atomLink(Element entry) {
        String fallback = null;
        for (Element link : children(entry, "link")) {
            String rel = link.attr("rel").strip().toLowerCase(Locale.ROOT);
            if (rel.isEmpty() || rel.equals("alternate")) {
                String href = link.absUrl("href");
                if (!href.isEmpty()) {
                    return href;
                }
            } else if (fallback == null && rel.equals("related")) {
                fallback = link.absUrl("href");
            }
        }
        return fallback;
    }

    private static String absolute(Element context, String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        try {
            return URI.create(context.baseUri()).resolve(url.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String local(Element element) {
        String name = element.normalName();
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    private static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e != root && local(e).equals(localName)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : parent.children()) {
            if (local(e).equals(localName)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String localName) {
        for (Element e : parent.children()) {
            if (local(e).equals(localName)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.text().strip();
        if (text.indexOf('<') >= 0) {
            // an HTML title escaped into the feed (Atom type="html", RSS titles with markup)
            text = Jsoup.parse(text).text().strip();
        }
        return text.isEmpty() ? null : text;
    }
}
