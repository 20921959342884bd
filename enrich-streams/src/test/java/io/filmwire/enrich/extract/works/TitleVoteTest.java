package io.filmwire.enrich.extract.works;

import static io.filmwire.enrich.extract.Pages.fixture;
import static io.filmwire.enrich.extract.Pages.html;
import static io.filmwire.enrich.extract.Pages.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.clean.ArticleCleaner;
import io.filmwire.enrich.extract.PageExtractor;
import io.filmwire.enrich.extract.site.SiteProfiles;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.page.AnalyzedPage;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.schema.RawPage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The title of a page's film by agreement of its signals, on pages of sites seen once (fixtures from
 * the wide set, see PROVENANCE.md) and on several pages of one site, whose shared template the site
 * profile learns.
 */
class TitleVoteTest {

    @Test
    void aCinemasTicketPageGivesTheFilmNotTheTicketWording() {
        // <title> "Buy cinema tickets for Akira | BFI Southbank", h1 "Akira"
        FilmMention m = single(fixture("wide/bfi_2021_akira.html"));
        assertThat(m.title().value()).isEqualTo("Akira");
        assertThat(m.year().value()).isEqualTo(1988);
        assertThat(m.runtimeMinutes().value()).isEqualTo(125);
    }

    @Test
    void theSitesNameAndItsConnectorComeOff() {
        // "BURLESQUE at HYPERREAL FILM CLUB — Hyperreal Film Club"
        assertThat(single(fixture("wide/hyperreal_burlesque.html")).title().value()).isEqualTo("BURLESQUE");
        // "Mank Tickets & Showtimes | Curzon Cinemas Aldgate", h1 "Mank"
        assertThat(single(fixture("wide/curzon_mank.html")).title().value()).isEqualTo("Mank");
        // <title> is only the site's name; og:title "Nobody - Genesis Cinema" and the first heading agree
        assertThat(single(fixture("wide/genesis_nobody.html")).title().value()).isEqualTo("Nobody");
    }

    @Test
    void aYearInTheTitleIsTheFilmsYearNotPartOfItsTitle() {
        FilmMention m = single(fixture("wide/hyperreal_themummy.html"));
        assertThat(m.title().value()).isEqualTo("THE MUMMY");
        assertThat(m.year().value()).isEqualTo(1999);
    }

    private static RawPage sitePage(String id, String title, String facts) {
        String body = "<html><head><title>Now showing: " + title + " – The Example Picturehouse</title></head><body>"
                + "<div class=\"facts\"><p>" + facts + "</p></div><p>Book now.</p></body></html>";
        return new RawPage(id, "https://www.picturehouse.example/film/" + id, "test", RawPage.HTML, null,
                Instant.parse("2026-01-01T00:00:00Z"), null, body);
    }

    @Test
    void severalPagesOfOneSiteTeachItsTitleTemplate() {
        PageAnalyzer analyzer = new PageAnalyzer(new ArticleCleaner(), new PageExtractor());
        SiteProfiles profiles = SiteProfiles.inMemory(10);
        // one page alone: its title has nothing to agree with, the template stays on
        AnalyzedPage first = analyzer.analyze(sitePage("p1", "The Red Balloon", "France, 1956, 34 min"), profiles);
        assertThat(first.mentions()).singleElement().satisfies(m ->
                assertThat(m.title().value()).isNotEqualTo("The Red Balloon"));
        analyzer.analyze(sitePage("p2", "Playtime", "France, 1967, 124 min"), profiles);
        // with two more pages of the site seen, "Now showing:" and "– The Example Picturehouse" are template
        AnalyzedPage third = analyzer.analyze(sitePage("p3", "Mon Oncle", "France, 1958, 116 min"), profiles);
        assertThat(third.mentions()).singleElement().satisfies(m -> {
            assertThat(m.title().value()).isEqualTo("Mon Oncle");
            assertThat(m.year().value()).isEqualTo(1958);
        });
        // and the first page, read again, now comes out right too
        AnalyzedPage again = analyzer.analyze(sitePage("p1", "The Red Balloon", "France, 1956, 34 min"), profiles);
        assertThat(again.mentions()).singleElement().satisfies(m ->
                assertThat(m.title().value()).isEqualTo("The Red Balloon"));
    }

    @Test
    void aSectionNameOrALabelIsNeverTheTitle() {
        FilmMention m = single(html("<html><head><title>Synopsis</title></head><body><h1>Quick Links:</h1>"
                + "<h2>The Long Walk</h2><p>Director: Ann Example</p><p>Running time: 95 min</p></body></html>"));
        assertThat(m.title().value()).isEqualTo("The Long Walk");
    }
}
