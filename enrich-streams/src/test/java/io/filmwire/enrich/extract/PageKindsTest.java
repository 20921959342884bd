package io.filmwire.enrich.extract;

import static io.filmwire.enrich.extract.Pages.extract;
import static io.filmwire.enrich.extract.Pages.fixture;
import static io.filmwire.enrich.extract.Pages.names;
import static io.filmwire.enrich.extract.Pages.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One real page of each kind the extractor must read (fixtures with provenance in
 * src/test/resources/pages/PROVENANCE.md), through the production extractor.
 */
class PageKindsTest {

    private static List<String> languages(FilmMention m) {
        return m.languages().stream().map(Fact::value).toList();
    }

    @Test
    void imdbTitlePageOf2009WithLabelsAndACastTable() {
        FilmMention m = single(fixture("imdb_2009_shawshank.html"));
        assertThat(m.title().value()).isEqualTo("The Shawshank Redemption");
        assertThat(m.year().value()).isEqualTo(1994);
        assertThat(m.runtimeMinutes().value()).isEqualTo(142);
        assertThat(m.rating().value().value()).isEqualTo(9.2);
        assertThat(m.rating().value().count()).isEqualTo(428_329L);
        assertThat(names(m, "director")).containsExactly("Frank Darabont");
        assertThat(names(m, "cast")).hasSize(15).contains("Tim Robbins", "Morgan Freeman")
                .doesNotContain("Andy Dufresne", "Warden Norton");
        assertThat(languages(m)).containsExactly("English");
    }

    @Test
    void imdbTitlePageOf2011WithRecommendationsOfOtherFilms() {
        FilmMention m = single(fixture("imdb_2011_gurotesuku.html"));
        assertThat(m.title().value()).isEqualTo("Gurotesuku");
        assertThat(m.runtimeMinutes().value()).isEqualTo(73);
        assertThat(m.rating().value().count()).isEqualTo(1167L);
        assertThat(names(m, "director")).containsExactly("Kôji Shiraishi");
        assertThat(names(m, "cast")).containsExactly("Tsugumi Nagasawa", "Hiroaki Kawatsure", "Shigeo Ôsako");
    }

    @Test
    void imdbMicrodataPage() {
        FilmMention m = single(fixture("imdb_2017_diehard.html"));
        assertThat(m.title().value()).isEqualTo("Die Hard");
        assertThat(m.year().value()).isEqualTo(1988);
        assertThat(m.runtimeMinutes().value()).isEqualTo(131);
        assertThat(names(m, "director")).containsExactly("John McTiernan");
        assertThat(names(m, "cast")).contains("Bruce Willis", "Alan Rickman");
        assertThat(languages(m)).containsExactly("English", "German", "Italian");
    }

    @Test
    void imdbJsonLdPageOf2022() {
        FilmMention m = single(fixture("imdb_2022_asgoodasdead.html"));
        assertThat(m.title().value()).isEqualTo("As Good as Dead");
        assertThat(m.runtimeMinutes().value()).isEqualTo(89);
        assertThat(m.rating().value().value()).isEqualTo(5.4);
        assertThat(names(m, "director")).containsExactly("R. Ellis Frazier");
        assertThat(names(m, "cast")).hasSizeGreaterThanOrEqualTo(18).contains("Michael Jai White", "Tom Berenger");
        assertThat(languages(m)).containsExactly("English", "Spanish");
    }

    @Test
    void fullCreditsPagesWithTheirSectionsAndJobs() {
        FilmMention starWars = single(fixture("imdb_fullcredits_starwars1977.html"));
        assertThat(starWars.title().value()).isEqualTo("Star Wars");
        assertThat(names(starWars, "executive_producer")).containsExactly("George Lucas");
        assertThat(names(starWars, "producer")).contains("Gary Kurtz", "Rick McCallum");
        assertThat(names(starWars, "editor")).contains("Marcia Lucas", "Paul Hirsch");
        assertThat(names(starWars, "cast")).hasSizeGreaterThan(100).contains("Mark Hamill", "Carrie Fisher");

        FilmMention waar = single(fixture("imdb_2016_waar_fullcredits.html"));
        assertThat(names(waar, "director")).isNotEmpty();
        assertThat(names(waar, "cast")).isNotEmpty();
    }

    @Test
    void trimmedHeadWithOnlyMetaAndJsonLd() {
        FilmMention m = single(fixture("imdb_trimmed_ferrisbueller.html"));
        assertThat(m.title().value()).isEqualTo("Ferris Bueller's Day Off");
        assertThat(m.runtimeMinutes().value()).isEqualTo(103);
        assertThat(m.rating().value().count()).isNull();
        assertThat(names(m, "cast")).isEmpty(); // the meta description's "With ..." is not read as a cast list
    }

    @Test
    void rottenTomatoesPageWithMixedCastAndCrew() {
        FilmMention m = single(fixture("rt_2020_host.html"));
        assertThat(m.title().value()).isEqualTo("Host");
        assertThat(m.runtimeMinutes().value()).isEqualTo(57);
        assertThat(m.rating().value().value()).isEqualTo(100);
        assertThat(m.rating().value().scale()).isEqualTo(100);
        assertThat(m.rating().value().count()).isEqualTo(85L);
        assertThat(names(m, "director")).containsExactly("Rob Savage");
        assertThat(names(m, "cast")).contains("Haley Bishop", "Jemma Moore").doesNotContain("Rob Savage", "Gemma Hurley");
        assertThat(languages(m)).containsExactly("English (United Kingdom)");
    }

    @Test
    void wikipediaArticleWithAnInfobox() {
        FilmMention m = single(fixture("wiki_makingmrright.html"));
        assertThat(m.title().value()).isEqualTo("Making Mr. Right");
        assertThat(m.year().value()).isEqualTo(1987);
        assertThat(m.runtimeMinutes().value()).isEqualTo(99);
        assertThat(names(m, "director")).containsExactly("Susan Seidelman");
        assertThat(languages(m)).containsExactly("English");
    }

    @Test
    void wikitextExport() {
        FilmMention m = single(fixture("wikitext_kadvihawa.txt"));
        assertThat(m.title().value()).isEqualTo("Kadvi Hawa");
        assertThat(m.year().value()).isEqualTo(2017);
        assertThat(m.runtimeMinutes().value()).isEqualTo(99);
        assertThat(languages(m)).containsExactly("Hindi");
    }

    @Test
    void persianStreamingPageWithPersianLabelsDigitsAndAnImdbRating() {
        FilmMention m = single(fixture("30nama_chornikalkebhaga.html"));
        assertThat(m.title().value()).isEqualTo("Chor Nikal Ke Bhaga");
        assertThat(m.year().value()).isEqualTo(2023);
        assertThat(m.runtimeMinutes().value()).isEqualTo(110);
        assertThat(m.rating().value().count()).isEqualTo(45_300L);
        assertThat(names(m, "director")).containsExactly("Ajay Singh");
        assertThat(names(m, "cast")).contains("Yami Gautam", "Sunny Kaushal").doesNotContain("Neha Grover");
        assertThat(languages(m)).containsExactly("Hindi");
    }

    @Test
    void persianDownloadBlogPost() {
        FilmMention m = single(fixture("hexdownload_4bandi.html"));
        assertThat(m.title().value()).isEqualTo("4 باندی");
        assertThat(m.runtimeMinutes().value()).isEqualTo(75);
        assertThat(m.rating().value().value()).isEqualTo(3);
        assertThat(m.rating().value().scale()).isEqualTo(5);
        assertThat(names(m, "director")).containsExactly("محمدجعفر باقری نیا");
        assertThat(names(m, "cast")).contains("محمد نجفی", "مهتاب سعیدی");
        assertThat(languages(m)).containsExactly("Persian");
    }

    @Test
    void plainTextPageWithABrokenFieldAndTheTitleOnlyInProse() {
        FilmMention m = single(fixture("seed_000_0680c27c9aea9b38.txt"));
        assertThat(m.title().value()).isEqualTo("Little Pyongyang");
        assertThat(names(m, "director")).containsExactly("Roxy Rezvany");
        assertThat(m.credits()).noneMatch(c -> c.value().name().contains("Wainwright") || c.value().name().contains("Bonner"));
    }

    @Test
    void interviewAboutAShortFilm() {
        FilmMention m = single(fixture("seed_003_7ba7d6401a980895.txt"));
        assertThat(m.title().value()).contains("Rare Look Inside North Korea");
        assertThat(names(m, "director")).containsExactlyInAnyOrder("Rob Whitworth", "JT Singh");
        assertThat(m.credits()).noneMatch(c -> c.value().name().equals("Rachel Link"));
    }

    @Test
    void listicleOfSixFilmsKeepsEachFilmsFactsWithIt() {
        List<FilmMention> works = extract(fixture("seed_004_53de13fca4facd36.txt"));
        assertThat(works).extracting(w -> w.title().value()).containsExactly("Defilada", "The Red Chapel",
                "Dear Pyongyang", "Dennis Rodman’s Big Bang in Pyongyang", "A State of Mind", "Meet in Pyongyang");
        assertThat(names(works.get(0), "director")).containsExactly("Andrzej Fidyk");
        assertThat(works.get(1).credits()).isEmpty();
        assertThat(names(works.get(2), "director")).containsExactly("Yang Yong-hi");
        assertThat(names(works.get(3), "director")).containsExactly("Colin Offland");
        assertThat(names(works.get(4), "director")).containsExactly("Daniel Gordon");
        assertThat(works).allSatisfy(w -> assertThat(w.credits()).noneMatch(c -> c.value().name().equals("James Gates")));
    }

    @Test
    void productionPageFollowedByUnrelatedItemsKeepsTheFilmsCreditsApart() {
        List<FilmMention> works = extract(fixture("seed_002_984db3d3408101b5.txt"));
        FilmMention film = works.get(0);
        assertThat(film.title().value()).isEqualTo("Little Pyongyang");
        assertThat(names(film, "producer")).containsExactly("Roxy Rezvany", "Matt Diegan", "Aya Kaido");
        assertThat(film.credits()).noneMatch(c -> c.value().name().contains("Gondry") || c.value().name().contains("Jonze"));
        assertThat(works).hasSizeGreaterThan(1);
    }
}
