package io.filmwire.enrich.extract.structured;

import static io.filmwire.enrich.extract.Pages.html;
import static io.filmwire.enrich.extract.Pages.names;
import static io.filmwire.enrich.extract.Pages.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.model.FilmMention;
import org.junit.jupiter.api.Test;

class StructuredExtractorTest {

    private static String page(String head, String body) {
        return "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>";
    }

    private static String jsonLd(String json) {
        return "<script type=\"application/ld+json\">" + json + "</script>";
    }

    private static final String MOVIE = "{\"@context\":\"https://schema.org\",\"@type\":\"Movie\",\"name\":\"Ferris Bueller&apos;s Day Off\","
            + "\"datePublished\":\"1986-06-11\",\"duration\":\"PT1H43M\",\"genre\":[\"Comedy\"],"
            + "\"aggregateRating\":{\"@type\":\"AggregateRating\",\"ratingValue\":7.8,\"ratingCount\":401234,\"bestRating\":10},"
            + "\"director\":[{\"@type\":\"Person\",\"name\":\"John Hughes\"}],"
            + "\"creator\":[{\"@type\":\"Organization\",\"name\":\"Paramount\"},{\"@type\":\"Person\",\"name\":\"John Hughes\"}],"
            + "\"actor\":[{\"@type\":\"Person\",\"name\":\"Matthew Broderick\"}],"
            + "\"review\":{\"@type\":\"Review\",\"inLanguage\":\"German\",\"author\":{\"@type\":\"Person\",\"name\":\"mdm-11\"}}}";

    @Test
    void readsAJsonLdMovieAndOnlyItsOwnProperties() {
        FilmMention m = single(html(page(jsonLd(MOVIE), "<p>x</p>")));
        assertThat(m.title().value()).isEqualTo("Ferris Bueller's Day Off");
        assertThat(m.title().layer()).isEqualTo("structured");
        assertThat(m.year().value()).isEqualTo(1986);
        assertThat(m.runtimeMinutes().value()).isEqualTo(103);
        assertThat(m.rating().value().value()).isEqualTo(7.8);
        assertThat(m.rating().value().count()).isEqualTo(401234L);
        assertThat(names(m, "director")).containsExactly("John Hughes");
        assertThat(names(m, "writer")).containsExactly("John Hughes");
        assertThat(names(m, "cast")).containsExactly("Matthew Broderick");
        assertThat(m.languages()).isEmpty(); // the review's language is not the film's
        assertThat(m.credits()).noneMatch(c -> c.value().name().equals("mdm-11") || c.value().name().equals("Paramount"));
    }

    @Test
    void toleratesWhatRealPagesPutInJsonLd() {
        String wrapped = "<!--//--><![CDATA[//><!--\n" + MOVIE.replace("\"Comedy\"", "\"Com\u0001edy\"") + ";\n//--><!]]>";
        String broken = jsonLd("{\"@type\":\"Movie\",\"name\":");
        FilmMention m = single(html(page(broken + jsonLd(wrapped), "")));
        assertThat(m.title().value()).isEqualTo("Ferris Bueller's Day Off");
        assertThat(m.runtimeMinutes().value()).isEqualTo(103);
    }

    @Test
    void readsJsonLdWithTrailingCommasAndAGraph() {
        String graph = "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"Site\"},"
                + "{\"@type\":\"Movie\",\"name\":\"Little Pyongyang\",\"datePublished\":\"2018\",}]}";
        FilmMention m = single(html(page(jsonLd(graph), "")));
        assertThat(m.title().value()).isEqualTo("Little Pyongyang");
        assertThat(m.year().value()).isEqualTo(2018);
    }

    @Test
    void readsMicrodataWithoutTakingNestedScopes() {
        String body = "<div itemscope itemtype=\"http://schema.org/Movie\"><h1 itemprop=\"name\">Die Hard&nbsp;(1988)</h1>"
                + "<time itemprop=\"duration\" datetime=\"PT131M\">131 min</time>"
                + "<div itemprop=\"director\" itemscope itemtype=\"http://schema.org/Person\"><span itemprop=\"name\">John McTiernan</span></div>"
                + "<div itemprop=\"aggregateRating\" itemscope itemtype=\"http://schema.org/AggregateRating\">"
                + "<span itemprop=\"ratingValue\">8.2</span>/<span itemprop=\"bestRating\">10</span> "
                + "<span itemprop=\"ratingCount\">624,315</span></div></div>";
        FilmMention m = single(html(page("<title>Die Hard (1988) - IMDb</title>", body)));
        assertThat(m.title().value()).isEqualTo("Die Hard");
        assertThat(m.year().value()).isEqualTo(1988);
        assertThat(m.runtimeMinutes().value()).isEqualTo(131);
        assertThat(names(m, "director")).containsExactly("John McTiernan");
        assertThat(m.rating().value().count()).isEqualTo(624315L);
    }

    @Test
    void thePageTitleLosesTheSiteNameAndKeepsTheYear() {
        FilmMention m = single(html(page("<title>Titanic (1997 film) - Wikipedia</title>"
                + "<meta property=\"og:description\" content=\"1h 43m | PG-13\">", "<p>text</p>")));
        assertThat(m.title().value()).isEqualTo("Titanic");
        assertThat(m.year().value()).isEqualTo(1997);
        assertThat(m.runtimeMinutes().value()).isEqualTo(103);
    }

    @Test
    void aTrailingYearThatIsTheFilmsOwnComesOffTheTitle() {
        String json = "{\"@type\":\"Movie\",\"name\":\"6 Underground 2019\",\"datePublished\":\"2019-12-13\"}";
        FilmMention m = single(html(page(jsonLd(json), "")));
        assertThat(m.title().value()).isEqualTo("6 Underground");
        String kept = "{\"@type\":\"Movie\",\"name\":\"Wonder Woman 1984\",\"datePublished\":\"2020-12-25\"}";
        assertThat(single(html(page(jsonLd(kept), ""))).title().value()).isEqualTo("Wonder Woman 1984");
    }
}
