package io.filmwire.enrich.extract.works;

import static io.filmwire.enrich.extract.Pages.extract;
import static io.filmwire.enrich.extract.Pages.fixture;
import static io.filmwire.enrich.extract.Pages.html;
import static io.filmwire.enrich.extract.Pages.names;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.model.FilmMention;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Listing pages give one work per item, each with its own item's facts (fixtures: see PROVENANCE.md). */
class ListingsTest {

    private static Map<String, FilmMention> byTitle(List<FilmMention> mentions) {
        return mentions.stream().collect(Collectors.toMap(m -> m.title().value(), Function.identity(), (a, b) -> a));
    }

    @Test
    void aTopTenBoardGivesTenFilmsEachWithItsOwnScoreAndCast() {
        List<FilmMention> works = extract(fixture("wide/maoyan_top100.html"));
        assertThat(works).hasSize(10);
        Map<String, FilmMention> films = byTitle(works);
        assertThat(films.get("霸王别姬").rating().value().value()).isEqualTo(9.5);
        assertThat(names(films.get("霸王别姬"), "cast")).containsExactly("张国荣", "张丰毅", "巩俐");
        // a transliterated name keeps its middle dot: one person, not two
        assertThat(names(films.get("肖申克的救赎"), "cast")).contains("蒂姆·罗宾斯");
        assertThat(films.get("罗马假日").rating().value().value()).isEqualTo(9.1);
    }

    @Test
    void aCinemaScheduleShownByFilmAndByTimeGivesEachFilmOnce() {
        List<FilmMention> works = extract(fixture("wide/cinematheque_tlv_schedule.html"));
        Map<String, FilmMention> films = byTitle(works);
        assertThat(works).hasSize(films.size());
        FilmMention bonVoyage = films.get("בון וויאג', מארי");
        assertThat(bonVoyage.year().value()).isEqualTo(2025);
        assertThat(bonVoyage.runtimeMinutes().value()).isEqualTo(97);
        assertThat(bonVoyage.languages()).extracting(f -> f.value()).containsExactly("French");
        assertThat(names(bonVoyage, "director")).containsExactly("אניה בארו");
        assertThat(films).containsKeys("הזדמנות שניה", "המלחמה הגדולה", "הרועה");
        // each film has its own facts only
        assertThat(films.get("המלחמה הגדולה").year().value()).isEqualTo(1959);
    }

    @Test
    void aProgrammeOfScreeningsWithBlurbsGivesItsFilms() {
        StringBuilder page = new StringBuilder("<html><head><title>Programme for Friday | The Example Film Theatre</title></head>"
                + "<body><h1>Programme for Friday</h1><div class=\"events\">");
        String[][] items = {{"The Lost Hours", "A tender melodrama of two strangers in a storm."},
                {"Night Train", "A thriller on the last train out of the city."},
                {"River Song", "The director's gentle comedy about a family reunion."},
                {"Paper Boats", "Two children build a fleet to sail away."}};
        for (String[] item : items) {
            page.append("<a class=\"heading\" href=\"/event/").append(item[0].toLowerCase().replace(' ', '-'))
                    .append("\">").append(item[0]).append("</a><p class=\"time\">20:30 Screen 1</p><p class=\"description\">")
                    .append(item[1]).append("</p>");
        }
        page.append("</div></body></html>");
        assertThat(extract(html(page.toString()))).extracting(m -> m.title().value())
                .containsExactly("The Lost Hours", "Night Train", "River Song", "Paper Boats");
    }

    @Test
    void aListOfHeadlinesOnAPageAboutSomethingElseIsNoListing() {
        StringBuilder page = new StringBuilder("<html><head><title>Latest news | Example Times</title></head><body>");
        for (int i = 1; i <= 5; i++) {
            page.append("<div class=\"story\"><h3><a href=\"/news/").append(i).append("\">Council approves budget plan ")
                    .append(i).append("</a></h3><p>November ").append(i).append(", 2019, 9:0").append(i)
                    .append(" AM · 2 min read</p></div>");
        }
        page.append("</body></html>");
        assertThat(extract(html(page.toString()))).isEmpty();
    }
}
