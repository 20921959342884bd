package io.filmwire.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.CleanPage;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.SchemaValidator;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final String PROSE_1 = "The festival opened on Friday with a documentary about a family of fishermen"
            + " who have worked the same stretch of coast for four generations, and the audience stayed for a long"
            + " discussion with the director afterwards.";
    private static final String PROSE_2 = "Critics praised the film's patient camera and its refusal to explain too"
            + " much, although some found the second half slow; the programme notes call it a portrait of work,"
            + " weather and stubbornness.";
    private static final String PROSE_3 = "The film will be shown again on Sunday afternoon, and a streaming release"
            + " is planned for the spring, according to its distributor, which did not give a date.";

    private final ArticleCleaner cleaner = new ArticleCleaner();

    static RawPage html(String body) {
        return new RawPage("https://news.example/story", "https://news.example/story", "test", RawPage.HTML, null, T0,
                null, body);
    }

    private CleanPage clean(String html) {
        RawPage raw = html(html);
        return cleaner.clean(raw, Jsoup.parse(html, raw.url()));
    }

    private static String newsPage(String articleInside) {
        return "<html lang=\"en\"><head><title>Fishermen film opens festival | The Example News</title>"
                + "<meta property=\"og:title\" content=\"Fishermen film opens festival\">"
                + "<meta name=\"author\" content=\"Jane Doe\">"
                + "<meta property=\"article:published_time\" content=\"2019-11-19T08:57:00-0500\"></head><body>"
                + "<header class=\"site-header\"><a href=\"/\">The Example News</a><nav><ul><li><a href=\"/a\">World</a></li>"
                + "<li><a href=\"/b\">Culture</a></li><li><a href=\"/c\">Sport</a></li></ul></nav></header>"
                + "<main><article><h1>Fishermen film opens festival</h1><div class=\"byline\">By Jane Doe | Nov. 19, 2019</div>"
                + "<div class=\"share-tools\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>"
                + "<div class=\"article-body\">" + articleInside + "</div>"
                + "<aside class=\"related-stories\"><h3>Related</h3><ul><li><a href=\"/x\">Another festival story with a long"
                + " headline that goes on</a></li><li><a href=\"/y\">Yet another headline about films and festivals</a></li>"
                + "</ul></aside></article>"
                + "<section id=\"comments\"><h3>Comments</h3><p>I loved this film, the camera work was wonderful and the"
                + " story moved me more than anything I saw this year at the festival, honestly.</p></section></main>"
                + "<footer><p>Copyright 2019 The Example News. All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>"
                + "</body></html>";
    }

    @Test
    void keepsTheArticleAndDropsNavigationSharingRelatedLinksCommentsAndFooter() {
        CleanPage page = clean(newsPage("<p>" + PROSE_1 + "</p><p>Advertisement</p><p>" + PROSE_2 + "</p><p>" + PROSE_3 + "</p>"));

        assertThat(page.text()).isEqualTo(PROSE_1 + "\n\n" + PROSE_2 + "\n\n" + PROSE_3);
        assertThat(page.title()).isEqualTo("Fishermen film opens festival");
        assertThat(page.author()).isEqualTo("Jane Doe");
        assertThat(page.publishedDate()).isEqualTo("2019-11-19T08:57-05:00");
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.site()).isEqualTo("news.example");
        assertThat(SchemaValidator.get().violations(MessageSchema.CLEAN_PAGE, page)).isEmpty();
    }

    @Test
    void keepsListsAndTablesInsideTheArticleOneItemOrRowPerLine() {
        CleanPage page = clean(newsPage("<p>" + PROSE_1 + "</p><p>The jury's choices:</p>"
                + "<ul><li>Best film: The Long Coast</li><li>Best director: Ana Ruiz</li><li>Audience award: Salt</li></ul>"
                + "<p>" + PROSE_2 + "</p><table><tr><th>Film</th><th>Runtime</th></tr>"
                + "<tr><td>The Long Coast</td><td>95 min</td></tr><tr><td><a href=\"/salt\">Salt</a></td><td>88 min</td></tr></table>"
                + "<p>" + PROSE_3 + "</p>"));

        assertThat(page.text()).contains("Best film: The Long Coast\nBest director: Ana Ruiz\nAudience award: Salt");
        assertThat(page.text()).contains("Film | Runtime\nThe Long Coast | 95 min\nSalt | 88 min");
        assertThat(page.text()).startsWith(PROSE_1).endsWith(PROSE_3);
    }

    @Test
    void aListicleKeepsItsItemsAsSeparateSegments() {
        StringBuilder items = new StringBuilder("<p>" + PROSE_1 + "</p>");
        List<String> titles = List.of("1. The Long Coast", "2. Salt", "3. Winter Harbour");
        for (String title : titles) {
            items.append("<h2>").append(title).append("<span class=\"edit-link\">[edit]</span></h2><p>").append(title.substring(3)).append(" ").append(PROSE_2)
                    .append("</p>");
        }
        CleanPage page = clean(newsPage(items.toString()));

        assertThat(page.segments()).extracting(CleanPage.Segment::heading).containsExactly(null, titles.get(0),
                titles.get(1), titles.get(2));
        assertThat(page.segments()).extracting(CleanPage.Segment::level).containsExactly(null, 2, 2, 2);
        assertThat(page.segments().get(2).text()).isEqualTo("Salt " + PROSE_2);
    }

    @Test
    void boldOneLineParagraphsAreItemTitlesToo() {
        CleanPage page = clean(newsPage("<p>" + PROSE_1 + "</p><p><strong>The Red Chapel</strong></p><p>" + PROSE_2
                + "</p><p><b>Dear Pyongyang</b></p><p>" + PROSE_3 + "</p>"));

        assertThat(page.segments()).extracting(CleanPage.Segment::heading)
                .containsExactly(null, "The Red Chapel", "Dear Pyongyang");
        assertThat(page.segments().get(1).level()).isNull();
        assertThat(page.segments().get(2).text()).isEqualTo(PROSE_3);
    }

    @Test
    void anIndexPageKeepsEachEntryApartUnderItsLinkedTitle() {
        StringBuilder entries = new StringBuilder();
        List<String> titles = List.of("Salt wins the audience award", "A week of Korean cinema", "The restored Gaslight");
        for (String title : titles) {
            entries.append("<div class=\"entry\"><h2><a href=\"/p/").append(title.length()).append("\">").append(title)
                    .append("</a></h2><p>").append(title).append(": ").append(PROSE_2).append("</p></div>");
        }
        CleanPage page = clean("<html><body><nav><a href=\"/\">Home</a> <a href=\"/archive\">Archive</a></nav><main>"
                + entries + "</main><footer><a href=\"/about\">About</a></footer></body></html>");

        assertThat(page.segments()).extracting(CleanPage.Segment::heading).containsExactlyElementsOf(titles);
        assertThat(page.segments()).allSatisfy(s -> assertThat(s.text()).isEqualTo(s.heading() + ": " + PROSE_2));
    }

    @Test
    void aHeadlineBelowTheTextDoesNotCutTheTextAway() {
        CleanPage page = clean("<html><head><title>Fishermen film opens festival</title></head><body><div><p>" + PROSE_1
                + "</p><p>" + PROSE_2 + "</p><h1>Fishermen film opens festival</h1><p>" + PROSE_3 + "</p></div></body></html>");
        assertThat(page.text()).startsWith(PROSE_1).endsWith(PROSE_3);
    }

    @Test
    void readsMetadataFromJsonLdAndBylines() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"WebSite\",\"name\":\"Example\"},{\"@type\":\"NewsArticle\",\"headline\":\"A quiet triumph\","
                + "\"datePublished\":\"2020-03-02\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},"
                + "{\"@type\":\"Person\",\"name\":\"Bo Chan\"}]}]}</script></head><body><h1>A quiet triumph</h1>"
                + "<p>" + PROSE_1 + "</p><p>" + PROSE_2 + "</p></body></html>";
        CleanPage page = clean(html);
        assertThat(page.title()).isEqualTo("A quiet triumph");
        assertThat(page.author()).isEqualTo("Ann Lee, Bo Chan");
        assertThat(page.publishedDate()).isEqualTo("2020-03-02");

        CleanPage byline = clean("<html><body><article><h1>Storm on the coast</h1><p class=\"byline\">By Carla Gómez</p>"
                + "<time datetime=\"2021-07-04T10:00:00Z\">July 4</time><p>" + PROSE_1 + "</p></article></body></html>");
        assertThat(byline.author()).isEqualTo("Carla Gómez");
        assertThat(byline.publishedDate()).isEqualTo("2021-07-04T10:00Z");
        assertThat(byline.text()).isEqualTo(PROSE_1);
    }

    @Test
    void datesInTextAreNormalisedToIso() {
        assertThat(PageMetadata.isoDate("November 19, 2019")).isEqualTo("2019-11-19");
        assertThat(PageMetadata.isoDate("19 November 2019")).isEqualTo("2019-11-19");
        assertThat(PageMetadata.isoDate("2019-11-19T08:57:00.000Z")).isEqualTo("2019-11-19T08:57Z");
        assertThat(PageMetadata.isoDate("2019-11-19 08:57")).isEqualTo("2019-11-19");
        assertThat(PageMetadata.isoDate("last Tuesday")).isNull();
        assertThat(PageMetadata.personName("By Jane Doe | Staff writer")).isEqualTo("Jane Doe");
        assertThat(PageMetadata.personName("https://www.facebook.com/someone")).isNull();
    }

    @Test
    void detectsTheLanguageOfTheMainText() {
        String german = "Der Film erzählt die Geschichte einer Fischerfamilie, die seit vier Generationen an derselben"
                + " Küste arbeitet. Die Kritiker lobten die geduldige Kamera und die zurückhaltende Erzählweise des Regisseurs.";
        CleanPage page = clean("<html lang=\"en\"><body><article><p>" + german + "</p></article></body></html>");
        assertThat(page.language()).isEqualTo("de");

        CleanPage tooShort = clean("<html lang=\"fr-FR\"><body><p>Bonjour.</p></body></html>");
        assertThat(tooShort.language()).isEqualTo("fr");
    }

    @Test
    void doesNotChangeTheSharedDocument() {
        String html = newsPage("<p>" + PROSE_1 + "</p><p>" + PROSE_2 + "</p>");
        Document doc = Jsoup.parse(html, "https://news.example/story");
        String before = doc.outerHtml();
        cleaner.clean(html(html), doc);
        assertThat(doc.outerHtml()).isEqualTo(before);
    }

    @Test
    void pagesWithoutAnArticleGiveEmptyTextNotAnError() {
        assertThat(clean("").text()).isEmpty();
        assertThat(clean("<html><body></body></html>").segments()).isEmpty();
        assertThat(clean("<html><body><nav><a href=\"/\">Home</a></nav></body></html>").text()).isEmpty();
    }

    @Test
    void aPageOfTablesWithoutProseKeepsItsTables() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            rows.append("<tr><td><a href=\"/name/").append(i).append("\">Actor Number").append(i)
                    .append("</a></td><td>...</td><td>Character ").append(i).append("</td></tr>");
        }
        CleanPage page = clean("<html><body><nav><ul><li><a href=\"/\">Home</a></li></ul></nav><div id=\"credits\">"
                + "<h2>Cast</h2><table>" + rows + "</table></div></body></html>");
        assertThat(page.text()).contains("Actor Number0 | ... | Character 0").contains("Actor Number29 | ... | Character 29");
        assertThat(page.text()).doesNotContain("Home");
    }

    @Test
    void repairsTextThatWasDecodedWithTheWrongCharset() {
        assertThat(TextNormaliser.repair("Itâ€™s a cafÃ© in MÃ¼nchen")).isEqualTo("It’s a café in München");
        assertThat(TextNormaliser.repair("Ça coûte 5 €")).isEqualTo("Ça coûte 5 €");
        String latin1 = new String("It’s “quoted” – café".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(TextNormaliser.inline(latin1)).isEqualTo("It’s “quoted” – café");
        assertThat(TextNormaliser.inline(" a\u00a0 b\u200b c \n\n d ")).isEqualTo("a b c\nd");
    }

    @Test
    void aWrapperWeighingAsMuchAsItsArticleIsTakenWholeWhateverTheThreadHashedBefore() {
        // the section's wrapper holds the text and a heading that weighs nothing: the two weigh the same
        String html = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/films\">Films</a></nav>"
                + "<div class=\"section\"><h5>Quotes:</h5><div class=\"quotes\"><p>" + PROSE_1 + "</p><p>" + PROSE_2
                + "</p><p>" + PROSE_3 + "</p></div></div><footer><p>Copyright 2019</p></footer></body></html>";
        java.util.Random r = new java.util.Random(71);
        java.util.Set<String> texts = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            // identity hash codes are drawn per thread: draw a different number of them before each cleaning
            for (int k = 0, n = r.nextInt(500); k < n; k++) {
                System.identityHashCode(new Object());
            }
            texts.add(clean(html).text());
        }
        assertThat(texts).hasSize(1);
        assertThat(texts.iterator().next()).startsWith("Quotes:").contains(PROSE_1).contains(PROSE_3);
    }
}
