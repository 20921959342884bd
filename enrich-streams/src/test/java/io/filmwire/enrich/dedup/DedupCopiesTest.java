package io.filmwire.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.offline.OfflinePipeline;
import io.filmwire.enrich.page.Analyzers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every copy is caught and no two different pages are linked, on the real and wide sets of the
 * shared corpus (several pages per site: IMDb title and full-credits pages, 30nama, the Wikipedia
 * pages, afs, bbc, kinopoisk, ...). Each page is added first under its own URL, then copied in four
 * ways under other URLs: its exact bytes; re-wrapped (its own navigation, header, footer and asides
 * replaced by another site's, with ads); tracking parameters on its URL and links; its text's
 * letters re-encoded as entities. Copies are made in code from the page; nothing is chosen per page
 * or per site.
 */
class DedupCopiesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static final String NEW_HEADER = "<header class=\"mirror-header\"><div class=\"logo\">FilmMirror</div>"
            + "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/films\">Films</a></li><li><a href=\"/series\">Series"
            + "</a></li><li><a href=\"/top\">Top 100</a></li><li><a href=\"/account\">My account</a></li></ul></nav></header>"
            + "<div class=\"ad-slot\"><p>Advertisement: stream 4,000 films free for 30 days with CineMax Plus. Terms"
            + " apply.</p></div>";
    private static final String NEW_ASIDE = "<aside class=\"rail\"><h3>Trending now</h3><ul><li><a href=\"/f/1\">The Long"
            + " Night</a></li><li><a href=\"/f/2\">Summer of Rain</a></li></ul><div class=\"sponsor\">Sponsored by"
            + " PopCorn Deluxe</div></aside>";
    private static final String NEW_FOOTER = "<footer><p>Copyright 2026 FilmMirror Media. All rights reserved.</p>"
            + "<p><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a> <a href=\"/contact\">Contact us</a></p>"
            + "</footer>";
    private static final String TRACKING = "utm_source=newsletter&utm_medium=email&utm_campaign=weekly&fbclid=IwAR3xYz";

    /** The copies of a page, by kind; text pages have no markup to re-wrap or entities to re-encode. */
    private static Map<String, UnaryOperator<String>> copies(boolean html) {
        Map<String, UnaryOperator<String>> out = new LinkedHashMap<>();
        out.put("exact", body -> body);
        out.put("rewrapped", html ? DedupCopiesTest::rewrapped : DedupCopiesTest::rewrappedText);
        out.put("tracking", html ? DedupCopiesTest::trackedLinks : body -> body);
        if (html) {
            out.put("entities", DedupCopiesTest::reencoded);
        }
        return out;
    }

    /** The page's own furniture (navigation, header, footer, asides) replaced by another site's, with ads. */
    static String rewrapped(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("nav, header, footer, aside").remove();
        Element body = doc.body();
        body.prepend(NEW_HEADER);
        body.append(NEW_ASIDE + NEW_FOOTER);
        return doc.outerHtml();
    }

    static String rewrappedText(String text) {
        return "FilmMirror | Home | Films | Series | Top 100\n\nAdvertisement: stream 4,000 films free for 30 days.\n\n"
                + text + "\n\nCopyright 2026 FilmMirror Media. Share: Facebook, X, Email\n";
    }

    /** Tracking parameters on every absolute or site link of the page. */
    static String trackedLinks(String html) {
        return html.replaceAll("href=\"(https?://|/)([^\"#?]*)\"", "href=\"$1$2?" + TRACKING.replace("&", "&amp;") + "\"");
    }

    /**
     * The page written out again in ASCII: every letter beyond ASCII as an entity, named where HTML
     * has a name ({@code &eacute;}), numeric where not ({@code &#1601;}); what was an entity in the
     * original may now be a letter of ASCII and the markup is re-serialised, the text is the same.
     */
    static String reencoded(String html) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().charset("US-ASCII").escapeMode(org.jsoup.nodes.Entities.EscapeMode.extended);
        return doc.outerHtml();
    }

    private static String site(String name) {
        int cut = name.indexOf('_');
        return cut < 0 ? "pages" : name.substring(0, cut);
    }

    @Test
    void everyCopyOfTheRealAndWidePagesIsADuplicateOfItsOriginalAndNoTwoOriginalsAreLinked() {
        List<SharedCorpus.Page> originals = new ArrayList<>(SharedCorpus.pages("real"));
        originals.addAll(SharedCorpus.pages("wide"));
        OfflinePipeline pipeline = new OfflinePipeline(Analyzers.standard());
        int at = 0;
        for (SharedCorpus.Page page : originals) {
            String url = "https://www." + site(page.name()) + ".example/" + page.name();
            pipeline.add(page.raw(page.name(), url, T0.plusSeconds(at++)));
        }
        List<Verdict> kept = pipeline.verdicts();
        assertThat(kept).hasSize(originals.size());
        assertThat(kept).as("different pages, several per site: none is a copy of another")
                .allSatisfy(v -> assertThat(v.duplicateOf()).as("%s linked to %s", v.pageId(), v.duplicateOf()).isNull());
        var films = pipeline.films();

        List<String> missed = new ArrayList<>();
        int made = 0;
        for (SharedCorpus.Page page : originals) {
            boolean html = !page.name().endsWith(".txt");
            for (Map.Entry<String, UnaryOperator<String>> copy : copies(html).entrySet()) {
                String kind = copy.getKey();
                String body = copy.getValue().apply(page.body());
                if (!kind.equals("exact") && !kind.equals("tracking")) {
                    assertThat(body).as("the %s copy of %s changes the page", kind, page.name()).isNotEqualTo(page.body());
                }
                String url = "https://mirror.example/" + kind + "/" + page.name()
                        + (kind.equals("tracking") ? "?" + TRACKING : "");
                pipeline.add(new SharedCorpus.Page(page.name(), body, page.contentType()).raw(url, url, T0.plusSeconds(at++)));
                made++;
                Verdict verdict = pipeline.verdicts().get(pipeline.verdicts().size() - 1);
                if (verdict.kind() != Verdict.Kind.DUPLICATE || !page.name().equals(verdict.duplicateOf())) {
                    missed.add(kind + " copy of " + page.name() + ": " + verdict.kind() + " of " + verdict.duplicateOf()
                            + " (" + verdict.similarity() + ")");
                }
            }
        }
        assertThat(made).isGreaterThan(3 * originals.size());
        assertThat(missed).as("copies not reported as copies of their original").isEmpty();
        assertThat(pipeline.films()).as("copies change no record").isEqualTo(films);
    }
}
