package io.filmwire.enrich.clean;

import io.filmwire.schema.CleanPage;
import io.filmwire.schema.PageIds;
import io.filmwire.schema.RawPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Separates a page's article from its boilerplate (navigation, ads, sign-up boxes, footers) and cuts
 * it at its headings. Reads the DOM without changing it, so extractors can share it. Stateless and
 * thread-safe.
 */
public final class ArticleCleaner {

    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)(^|[-_ ])(nav|navbar|menu|footer|header|sidebar|social|share|sharing|newsletter|signup|sign-up|"
                    + "subscribe|advert|ads|ad-slot|promo|cookie|consent|breadcrumb|related|comments?|popup|modal)($|[-_ ])");
    private static final java.util.Set<String> SKIPPED_TAGS = java.util.Set.of(
            "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
            "button", "select", "input", "textarea", "head");
    private static final java.util.Set<String> BLOCKS = java.util.Set.of(
            "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "br", "figure", "figcaption", "tbody", "thead");

    /** The article of an HTML page. */
    public CleanPage clean(RawPage raw, Document doc) {
        List<Block> blocks = new ArrayList<>();
        Element body = doc.body();
        if (body != null) {
            collect(body, blocks);
        }
        return assemble(raw, blocks, metaTitle(doc), meta(doc, "author", "article:author"),
                meta(doc, "article:published_time", "date", "datePublished"), language(doc));
    }

    /** The article of a plain-text page: its non-empty lines, headings where a line looks like one. */
    public CleanPage cleanText(RawPage raw) {
        List<Block> blocks = new ArrayList<>();
        for (String paragraph : raw.body().split("\\R\\s*\\R")) {
            String text = normalise(paragraph);
            if (!text.isEmpty()) {
                blocks.add(new Block(null, text));
            }
        }
        String title = blocks.isEmpty() ? null : firstLine(blocks.get(0).text());
        return assemble(raw, blocks, title, null, null, null);
    }

    private record Block(Integer headingLevel, String text) {
    }

    private static void collect(Element root, List<Block> blocks) {
        StringBuilder current = new StringBuilder();
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = el.normalName();
                if (SKIPPED_TAGS.contains(tag) || isBoilerplate(el) || isHidden(el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (BLOCKS.contains(tag)) {
                    flush(current, null, blocks);
                }
                if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                    String heading = normalise(el.text());
                    if (!heading.isEmpty()) {
                        blocks.add(new Block(tag.charAt(1) - '0', heading));
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                    flush(current, null, blocks);
                }
                return FilterResult.CONTINUE;
            }
        });
        flush(current, null, blocks);
    }

    private static void flush(StringBuilder current, Integer level, List<Block> blocks) {
        String text = normalise(current.toString());
        current.setLength(0);
        if (!text.isEmpty()) {
            blocks.add(new Block(level, text));
        }
    }

    private static boolean isBoilerplate(Element el) {
        String idClass = (el.id() + " " + el.className()).toLowerCase(Locale.ROOT);
        return !idClass.isBlank() && BOILERPLATE.matcher(idClass).find()
                || "navigation".equals(el.attr("role")) || "banner".equals(el.attr("role"))
                || "contentinfo".equals(el.attr("role"));
    }

    private static boolean isHidden(Element el) {
        return el.hasAttr("hidden") || el.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none");
    }

    private static CleanPage assemble(RawPage raw, List<Block> blocks, String title, String author, String date,
                                      String language) {
        List<CleanPage.Segment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String heading = null;
        Integer level = null;
        StringBuilder segmentText = new StringBuilder();
        for (Block block : blocks) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(block.text());
            if (block.headingLevel() != null) {
                if (segmentText.length() > 0 || heading != null) {
                    segments.add(new CleanPage.Segment(heading, level, segmentText.toString()));
                }
                heading = block.text();
                level = block.headingLevel();
                segmentText.setLength(0);
            } else {
                if (segmentText.length() > 0) {
                    segmentText.append("\n\n");
                }
                segmentText.append(block.text());
            }
        }
        if (segmentText.length() > 0 || heading != null) {
            segments.add(new CleanPage.Segment(heading, level, segmentText.toString()));
        }
        String url = raw.url();
        return new CleanPage(raw.pageId(), url, PageIds.site(url), title != null ? title : raw.title(), author, date,
                language, text.toString(), segments);
    }

    private static String metaTitle(Document doc) {
        String og = meta(doc, "og:title", "twitter:title");
        if (og != null) {
            return og;
        }
        String title = normalise(doc.title());
        return title.isEmpty() ? null : title;
    }

    private static String meta(Document doc, String... names) {
        for (String name : names) {
            Element el = doc.selectFirst("meta[name=" + name + "], meta[property=" + name + "], meta[itemprop=" + name + "]");
            if (el != null && !el.attr("content").isBlank()) {
                return normalise(el.attr("content"));
            }
        }
        return null;
    }

    private static String language(Document doc) {
        Element html = doc.selectFirst("html");
        String lang = html == null ? "" : html.attr("lang").strip();
        return lang.isEmpty() ? null : lang.toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip();
    }

    /** Collapses runs of spaces (keeping single newlines), trims. */
    static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n ?", "\n")
                .replaceAll("\\n{2,}", "\n").strip();
    }
}
