package io.filmwire.enrich.extract;

import static io.filmwire.enrich.extract.Pages.extract;
import static io.filmwire.enrich.extract.Pages.html;
import static io.filmwire.enrich.extract.Pages.names;
import static io.filmwire.enrich.extract.Pages.single;
import static io.filmwire.enrich.extract.Pages.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.model.FilmMention;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kinds of page that are in neither sample set, written here in the shape such sites use: a trade
 * review's credit block, a list article in HTML, a page listing several films in JSON-LD, a crew
 * list naming several jobs per person, labels in other languages.
 */
class OtherPageKindsTest {

    @Test
    void aReviewsCreditBlockWithSeveralLabelsPerLine() {
        FilmMention m = single(text("""
                Film Review: 'Nomad's Land'

                A patient, beautiful film about a shepherd in the high Atlas mountains, and Nomad's Land is worth it.

                Reviewed at Berlin Film Festival, Feb. 12, 2024. Running time: 104 MIN.
                Production: A Tallfilms production. Producers: Ana Ruiz, Omar Haddad.
                Crew: Director: Lina Benali. Screenplay: Lina Benali, Paul Mercer. Camera: Jonas Berg. Editor: Mia Cohen.
                With: Youssef Amrani, Fatima Zahra, Idris Malik.
                """));
        assertThat(m.runtimeMinutes().value()).isEqualTo(104);
        assertThat(names(m, "director")).containsExactly("Lina Benali");
        assertThat(names(m, "producer")).containsExactly("Ana Ruiz", "Omar Haddad");
        assertThat(names(m, "cinematographer")).containsExactly("Jonas Berg");
        assertThat(names(m, "editor")).containsExactly("Mia Cohen");
        assertThat(names(m, "cast")).containsExactly("Youssef Amrani", "Fatima Zahra", "Idris Malik");
    }

    @Test
    void aListArticleInHtmlYieldsOneWorkPerHeadingWithItsOwnFacts() {
        List<FilmMention> works = extract(html("""
                <html><head><title>The 3 Best Lighthouse Films - Example Magazine</title></head><body>
                <nav><a href="/">Home</a> <a href="/films">Films</a></nav>
                <article><h1>The 3 Best Lighthouse Films</h1><p class="byline">By Jane Doe</p>
                <p>Lighthouses have fascinated filmmakers for a century, and these are the best of them all.</p>
                <h2>1. Beacon (2019)</h2><p>Director Anne Moreau spent a year on the Breton coast for this documentary.</p>
                <h2>2. The Keeper</h2><p>A quiet film by Tom Hardwick, starring Lars Berg as the last keeper of Fastnet.</p>
                <h2>3. Salt and Light</h2><p>Ida Sorensen directed this drama, which runs 95 minutes.</p>
                </article><footer>Subscribe to our newsletter</footer></body></html>"""));
        assertThat(works).extracting(w -> w.title().value()).containsExactly("Beacon", "The Keeper", "Salt and Light");
        assertThat(works.get(0).year().value()).isEqualTo(2019);
        assertThat(names(works.get(0), "director")).containsExactly("Anne Moreau");
        assertThat(names(works.get(1), "director")).containsExactly("Tom Hardwick");
        assertThat(names(works.get(1), "cast")).containsExactly("Lars Berg");
        assertThat(names(works.get(2), "director")).containsExactly("Ida Sorensen");
        assertThat(works.get(2).runtimeMinutes().value()).isEqualTo(95);
    }

    @Test
    void aPageListingSeveralFilmsInJsonLd() {
        List<FilmMention> works = extract(html("<html><head><script type=\"application/ld+json\">"
                + "{\"@type\":\"ItemList\",\"itemListElement\":[{\"@type\":\"ListItem\",\"item\":{\"@type\":\"Movie\","
                + "\"name\":\"Beacon\",\"datePublished\":\"2019\",\"director\":{\"@type\":\"Person\",\"name\":\"Anne Moreau\"}}},"
                + "{\"@type\":\"ListItem\",\"item\":{\"@type\":\"Movie\",\"name\":\"The Keeper\",\"duration\":\"PT88M\"}}]}"
                + "</script></head><body><h1>Lighthouse films</h1></body></html>"));
        assertThat(works).extracting(w -> w.title().value()).containsExactly("Beacon", "The Keeper");
        assertThat(names(works.get(0), "director")).containsExactly("Anne Moreau");
        assertThat(works.get(1).runtimeMinutes().value()).isEqualTo(88);
        assertThat(works.get(1).credits()).isEmpty();
    }

    @Test
    void aCrewListWithSeveralJobsPerPersonAndABareRunningTime() {
        FilmMention m = single(html("""
                <html><head><title>District 9 (2009) - Example DB</title></head><body>
                <div class="facts"><span class="release">08/14/2009 (US)</span><span class="runtime">1h 52m</span></div>
                <h3>Featured Crew</h3><ol class="people">
                <li class="profile"><p><a href="/p/1">Neill Blomkamp</a></p><p class="character">Director, Writer</p></li>
                <li class="profile"><p><a href="/p/2">Terri Tatchell</a></p><p class="character">Writer</p></li>
                <li class="profile"><p><a href="/p/3">Peter Jackson</a></p><p class="character">Producer</p></li></ol>
                </body></html>"""));
        assertThat(names(m, "director")).containsExactly("Neill Blomkamp");
        assertThat(names(m, "writer")).containsExactly("Neill Blomkamp", "Terri Tatchell");
        assertThat(names(m, "producer")).containsExactly("Peter Jackson");
        assertThat(names(m, "cast")).isEmpty();
        assertThat(m.runtimeMinutes().value()).isEqualTo(112);
        assertThat(m.year().value()).isEqualTo(2009);
    }

    @Test
    void labelsInChineseAndRussian() {
        FilmMention chinese = single(text("""
                霸王别姬

                导演: 陈凯歌
                主演: 张国荣 / 张丰毅 / 巩俐
                语言: 汉语普通话
                片长: 171分钟
                """));
        assertThat(names(chinese, "director")).containsExactly("陈凯歌");
        assertThat(names(chinese, "cast")).containsExactly("张国荣", "张丰毅", "巩俐");
        assertThat(chinese.runtimeMinutes().value()).isEqualTo(171);

        FilmMention russian = single(text("""
                Сталкер

                Режиссер: Андрей Тарковский
                Время: 163 мин.
                """));
        assertThat(names(russian, "director")).containsExactly("Андрей Тарковский");
        assertThat(russian.runtimeMinutes().value()).isEqualTo(163);
    }

    @Test
    void aPageNotAboutFilmsKeepsTheProseCreditsOfTheFilmItShows() {
        // no word for films in the site, the title or the text: prose credits are tagged only because
        // the labels show a work with a running time and a director
        FilmMention m = single(html("""
                <html><head><title>Harbour Lights - Example Arts Centre</title></head><body>
                <h1>Harbour Lights</h1>
                <dl><dt>Running time</dt><dd>95 min</dd><dt>Director</dt><dd>Lina Benali</dd></dl>
                <p>Harbour Lights is a portrait of a fishing town. Harbour Lights was produced by Ana Ruiz over three winters.</p>
                </body></html>"""));
        assertThat(m.runtimeMinutes().value()).isEqualTo(95);
        assertThat(names(m, "director")).containsExactly("Lina Benali");
        assertThat(names(m, "producer")).containsExactly("Ana Ruiz");
    }
}
