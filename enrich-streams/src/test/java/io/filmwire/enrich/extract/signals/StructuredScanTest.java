package io.filmwire.enrich.extract.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.filmwire.enrich.extract.structured.JsonLd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The signals' one walk for JSON-LD scripts and Movie microdata picks what the CSS queries it
 * replaced select, element by element.
 */
class StructuredScanTest {

    private static final Evaluator SCRIPTS = QueryParser.parse("script[type~=(?i)application/ld\\+json]");
    private static final Evaluator MOVIE = QueryParser.parse("[itemscope][itemtype~=(?i)schema\\.org/(Movie|Film)\\b]");

    private static int assertSame(Document doc) {
        int matched = 0;
        for (Element el : doc.getAllElements()) {
            boolean script = SCRIPTS.matches(doc, el);
            boolean movie = MOVIE.matches(doc, el);
            assertEquals(script, JsonLd.isJsonLdScript(el), el.outerHtml());
            assertEquals(movie, PageSignals.isMovieMicrodata(el), el.outerHtml());
            matched += script || movie ? 1 : 0;
        }
        return matched;
    }

    @Test
    void picksWhatTheQueriesSelectOnRandomMarkup() {
        Random random = new Random(12);
        String[] tags = {"script", "SCRIPT", "div", "span", "section"};
        String[] types = {"application/ld+json", "APPLICATION/LD+JSON", " application/ld+json ", "application/ld+json; charset=utf-8",
            "text/javascript", "application/ldjson", "", null};
        String[] itemtypes = {"http://schema.org/Movie", "https://SCHEMA.ORG/film", "schema.org/Movies", "schema.org/MovieSeries",
            "schema.org/Person", "schema.org/Movie_", "", null};
        int matched = 0;
        for (int i = 0; i < 300; i++) {
            StringBuilder html = new StringBuilder("<html><head>");
            for (int k = 0; k < 12; k++) {
                String tag = tags[random.nextInt(tags.length)];
                html.append('<').append(tag);
                String type = types[random.nextInt(types.length)];
                if (type != null) {
                    html.append(random.nextBoolean() ? " type=\"" : " TYPE=\"").append(type).append('"');
                }
                if (random.nextBoolean()) {
                    html.append(random.nextBoolean() ? " itemscope" : " ITEMSCOPE=\"\"");
                }
                String itemtype = itemtypes[random.nextInt(itemtypes.length)];
                if (itemtype != null) {
                    html.append(" itemtype=\"").append(itemtype).append('"');
                }
                html.append(">{}</").append(tag).append('>');
                if (k == 5) {
                    html.append("</head><body>");
                }
            }
            matched += assertSame(Jsoup.parse(html.append("</body></html>").toString()));
        }
        assertTrue(matched > 300, matched + " elements matched");
    }

    @Test
    void picksWhatTheQueriesSelectOnTheSharedCorpus() throws IOException {
        Path corpus = Path.of("../../shared/corpus");
        if (!Files.isDirectory(corpus)) {
            corpus = Path.of("../shared/corpus");
        }
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no shared corpus here");
        int matched = 0;
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                matched += assertSame(Jsoup.parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)));
            }
        }
        assertTrue(matched > 20, matched + " elements matched");
    }
}
