package io.filmwire.enrich.extract.works;

import static io.filmwire.enrich.extract.Pages.extract;
import static io.filmwire.enrich.extract.Pages.names;
import static io.filmwire.enrich.extract.Pages.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.model.FilmMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkSplitterTest {

    @Test
    void aListicleYieldsOneWorkPerItemWithItsOwnFacts() {
        List<FilmMention> works = extract(text("""
                Five Films About Lighthouses

                Jane Doe

                Lighthouses have fascinated filmmakers for a century. Here are a few films about them.

                Beacon was filmed over three winters on the Breton coast, and director Anne Moreau spent a year there.

                The Keeper

                Director Tom Hardwick follows the last keeper of Fastnet in this quiet documentary.

                Salt and Light

                The Keeper's rival is this film by Ida Sorensen, starring Lars Berg and Mia Holt.

                Subscribe to our newsletter for more lists like this one.
                """));
        assertThat(works).extracting(m -> m.title().value()).containsExactly("Beacon", "The Keeper", "Salt and Light");
        assertThat(names(works.get(0), "director")).containsExactly("Anne Moreau");
        assertThat(names(works.get(1), "director")).containsExactly("Tom Hardwick");
        assertThat(names(works.get(2), "director")).containsExactly("Ida Sorensen");
        assertThat(names(works.get(2), "cast")).containsExactly("Lars Berg", "Mia Holt");
        assertThat(works).extracting(FilmMention::index).containsExactly(0, 1, 2);
    }

    @Test
    void aPageAboutOneFilmWithSectionsStaysOneWork() {
        List<FilmMention> works = extract(text("""
                Beacon

                Watch Beacon

                Beacon is a 2019 documentary directed by Anne Moreau. Beacon was filmed on the Breton coast.

                Description

                The film follows a keeper through three winters.

                Reviews

                Critics liked the film.
                """));
        assertThat(works).singleElement().satisfies(m -> {
            assertThat(m.title().value()).isEqualTo("Beacon");
            assertThat(m.year().value()).isEqualTo(2019);
        });
    }

    @Test
    void headingsThatAreNoTitles() {
        assertThat(Headings.isTitleLike("The Red Chapel")).isTrue();
        assertThat(Headings.isTitleLike("How were you able to gain access to Pyongyang?")).isFalse();
        assertThat(Headings.isTitleLike("Meet the Author")).isFalse();
        assertThat(Headings.isTitleLike("Movie set clapper | Photo by Jon Tyson on Unsplash")).isFalse();
        assertThat(Headings.isTitleLike("Directed by")).isFalse();
        assertThat(Headings.isCollectionTitle("Films That Will Help You Understand North Korea")).isTrue();
    }

    @Test
    void theEvidencePrecheckNeverRefusesATextThePatternMatches() {
        String[] pieces = {"this ", "The ", "a ", "its ", "short ", "FILM", "Documentary", "documentarian", "movie", "video",
            "Feature", "doc", "directed", "DIRECTORS", "filmmaker", "film-makers", "Starring", "music videos", "co-production",
            "new ", "great ", " ", "x", "\u212a", "İ", "ß", ".", "-"};
        java.util.Random r = new java.util.Random(111);
        int matched = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(6); k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            if (WorkSplitter.FILM_EVIDENCE.matcher(text).find()) {
                matched++;
                assertThat(WorkSplitter.mayHoldEvidence(text.toLowerCase(java.util.Locale.ROOT))).as(text).isTrue();
            }
        }
        assertThat(matched).isGreaterThan(5_000);
    }
}
