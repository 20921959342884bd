package io.filmwire.enrich.extract.semi;

import static io.filmwire.enrich.extract.Pages.fixture;
import static io.filmwire.enrich.extract.Pages.html;
import static io.filmwire.enrich.extract.Pages.names;
import static io.filmwire.enrich.extract.Pages.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Facts in the everyday forms pages print them (fixtures from the wide set, see PROVENANCE.md). */
class FactFormsTest {

    private static WorkFacts lines(String... lines) {
        WorkFacts facts = new WorkFacts();
        new FactLines().extract(List.of(lines), facts);
        return facts;
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Greece, 2009, 1h 34min, DCP, In Greek with English subtitles; 2009; 94; Greek",
            "USA, 1984, 2h 41min; 1984; 161; ",
            "France, 1985, 1h 7min, DCP, In French with English subtitles; 1985; 67; French",
            "USA-Germany 2020 / 107min; 2020; 107; ",
            "130 mins / 1946; 1946; 130; ",
            "ארה\"ב / 1976 / אורך:120; 1976; 120; ",
            "Spain 2020, 87 min., Spanish and Bubi with English subtitles; 2020; 87; Spanish"})
    void factLines(String line, Integer year, Integer minutes, String language) {
        WorkFacts facts = lines(line);
        assertThat(facts.years()).extracting(Fact::value).contains(year);
        assertThat(facts.runtimes()).extracting(Fact::value).contains(minutes);
        if (language != null) {
            assertThat(facts.languages()).extracting(Fact::value).contains(language);
        }
    }

    @Test
    void runningTimesOnTheirOwnLinesAndAYearInParentheses() {
        assertThat(lines("1 hour, 51 minutes").runtimes()).extracting(Fact::value).containsExactly(111);
        assertThat(lines("97 mins").runtimes()).extracting(Fact::value).containsExactly(97);
        WorkFacts block = lines("97 mins", "(1943)"); // consecutive fact-only lines are one block
        assertThat(block.runtimes()).extracting(Fact::value).containsExactly(97);
        assertThat(block.years()).extracting(Fact::value).containsExactly(1943);
        assertThat(lines("(2021)").years()).extracting(Fact::value).containsExactly(2021);
    }

    @Test
    void datesTimesAndSentencesAreNoFactLines() {
        WorkFacts facts = lines("November 19, 2019, 9:02 AM", "Posted 2019 · 2 min read",
                "The film was shot in 1994 over 120 days, in Greece.");
        assertThat(facts.years()).isEmpty();
        assertThat(facts.runtimes()).isEmpty();
        assertThat(lines("فارسی / English").languages()).isEmpty(); // a site's language switch
    }

    @Test
    void directorAndCastLinesGiveEveryName() {
        WorkFacts facts = lines("Japan 1988", "Dir Katsuhiro Otomo", "With the voices of Mitsuo Iwata, Nozomu Sasaki, Mami Koyama",
                "125min");
        assertThat(facts.credits()).extracting(c -> c.value().role() + ":" + c.value().name()).containsExactly(
                "director:Katsuhiro Otomo", "cast:Mitsuo Iwata", "cast:Nozomu Sasaki", "cast:Mami Koyama");
    }

    @Test
    void twoPeopleWhoShareASurnameWrittenOnce() {
        FilmMention m = single(fixture("wide/afs_aseriousman.html"));
        assertThat(names(m, "director")).containsExactlyInAnyOrder("Joel Coen", "Ethan Coen");
        assertThat(m.runtimeMinutes().value()).isEqualTo(105);
    }

    @Test
    void aDecimalCommaAndAThousandsDotAndNoVariousComposer() {
        FilmMention m = single(fixture("wide/filmaffinity_pulpfiction.html"));
        assertThat(m.rating().value().value()).isEqualTo(8.6);
        assertThat(m.rating().value().count()).isEqualTo(205_041L);
        assertThat(m.runtimeMinutes().value()).isEqualTo(153);
        assertThat(names(m, "writer")).containsExactly("Quentin Tarantino", "Roger Avary");
        assertThat(names(m, "composer")).isEmpty(); // "Varios"
    }

    @Test
    void labelsAndValuesInSeparateRowsOfATable() {
        // ficha técnica: "País | Gênero | Duração | Lançamento Nacional" over "EUA | Ação... | 124 min. | 07/03/2019"
        FilmMention m = single(fixture("wide/cinemais_capitamarvel.utf8.html"));
        assertThat(m.runtimeMinutes().value()).isEqualTo(124);
        assertThat(m.year().value()).isEqualTo(2019);
        assertThat(names(m, "director")).containsExactly("Anna Boden", "Ryan Fleck"); // not "EUA", not "País"
        assertThat(names(m, "executive_producer")).contains("Stan Lee", "Victoria Alonso");
        assertThat(names(m, "cast")).contains("Brie Larson", "Samuel L. Jackson")
                .doesNotContain("Galeria de Imagens", "Trailers", "Site Oficial"); // the page's tabs
    }

    @Test
    void aLabelThatStartsALineAfterABreak() {
        // "<strong>Production year </strong>2025<br><strong>Language </strong>English"
        FilmMention m = single(fixture("wide/leedsfilm_bugonia.html"));
        assertThat(m.year().value()).isEqualTo(2025);
        assertThat(m.languages()).extracting(Fact::value).containsExactly("English");
        assertThat(m.runtimeMinutes().value()).isEqualTo(120);
    }

    @Test
    void aCreditsTableWithTheJobFirstAndAMusicListThatIsNoCredit() {
        FilmMention m = single(fixture("wide/bbc_citizenkane.html"));
        assertThat(names(m, "director")).containsExactly("Orson Welles");
        assertThat(names(m, "cinematographer")).containsExactly("Gregg Toland");
        assertThat(names(m, "composer")).containsExactly("Bernard Herrmann");
        assertThat(names(m, "cast")).contains("Joseph Cotten").doesNotContain("Contributor", "Charles Foster Kane");
        assertThat(m.runtimeMinutes().value()).isEqualTo(119);
        assertThat(m.year().value()).isEqualTo(1941); // datePublished "1941-00-00": a year without month
    }

    @Test
    void proseCreditsInEverydayForms() {
        FilmMention m = single(html("<html><head><title>Kirikou</title><meta property=\"og:type\" content=\"video.movie\">"
                + "</head><body><h1>Kirikou</h1><p>Writer-director Michel Ocelot’s Kirikou was inspired by the folk stories"
                + " of Senegal, with a soundtrack by Youssou N’Dour. The film is starring Doudou Gueye Thiaw, Maimouna N'Diaye"
                + " and Awa Sene Sarr.</p></body></html>"));
        assertThat(names(m, "director")).containsExactly("Michel Ocelot");
        assertThat(names(m, "writer")).containsExactly("Michel Ocelot");
        assertThat(names(m, "composer")).containsExactly("Youssou N’Dour");
        assertThat(names(m, "cast")).containsExactly("Doudou Gueye Thiaw", "Maimouna N'Diaye", "Awa Sene Sarr");
    }
}
