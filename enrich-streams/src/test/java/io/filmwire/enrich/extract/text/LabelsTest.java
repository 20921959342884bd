package io.filmwire.enrich.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.extract.text.Labels.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "Directed by | CREDIT | director",
            "Director: | CREDIT | director",
            "Writers (WGA): | CREDIT | writer",
            "Director of photography | CREDIT | cinematographer",
            "Executive producers for the Guardian | CREDIT | executive_producer",
            "Film Editing by | CREDIT | editor",
            "Cast (in credits order) verified as complete | CREDIT | cast",
            "Starring | CREDIT | cast",
            "کارگردان | CREDIT | director",
            "بازیگران : | CREDIT | cast",
            "Cast & Crew | CREW | ",
            "Running time | RUNTIME | ",
            "Run Time: | RUNTIME | ",
            "مدت زمان | RUNTIME | ",
            "Original Language: | LANGUAGE | ",
            "زبان اصلی | LANGUAGE | ",
            "• IMDB Rating | RATING | ",
            "Release Date (Streaming): | RELEASE_DATE | ",
            "Also Known As: | ALIAS | "})
    void knowsTheLabelsOfFilmFacts(String text, Field field, String role) {
        Labels.Meaning m = Labels.whole(text).orElseThrow();
        assertThat(m.field()).isEqualTo(field);
        assertThat(m.role()).isEqualTo(role);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Star Wars", "Director's Cut", "Cast Away", "The Producers", "No items found.",
            "Directed by Roxy Rezvany, the film offers a view of daily life in New Malden and beyond"})
    void titlesAndSentencesAreNotLabels(String text) {
        assertThat(Labels.whole(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Directed by: Roxy Rezvany | Roxy Rezvany",
            "Produced by Matt Diegan | Matt Diegan",
            "Runtime: 24 min | 24 min",
            "کارگردان : محمدجعفر باقری نیا | محمدجعفر باقری نیا"})
    void findsTheLabelAtTheStartOfALine(String line, String value) {
        Labels.Prefix p = Labels.prefix(line).orElseThrow();
        assertThat(line.substring(p.valueStart()).strip()).isEqualTo(value);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "executive producer | executive_producer",
            "co-producer | producer",
            "associate producer | producer",
            "(director of photography) | cinematographer",
            "film editor | editor",
            "Screenwriter | writer",
            "Director | director"})
    void readsTheJobARowStates(String detail, String role) {
        assertThat(Labels.roleOfDescription(detail)).hasValue(role);
    }

    @org.junit.jupiter.api.Test
    void aTextRefusedFromItsBeginningIsNoLabel() {
        String[] pieces = {"Director", "Directed", " by", "Cast", "Running", " time", "Menu", "Home", ":", " ", "(", "2019",
            "Dir.", "É", "\u00a0", "Réal", "Regie", "Sinopse", "/", "x"};
        java.util.Random r = new java.util.Random(21);
        int refused = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(5); k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            int cut = r.nextInt(text.length() + 1);
            boolean may = Labels.mayStartLabel(text.substring(0, cut), cut < text.length());
            if (!may) {
                refused++;
                assertThat(Labels.whole(text)).as(text + " cut at " + cut).isEmpty();
            }
        }
        assertThat(refused).isGreaterThan(1_000);
        assertThat(Labels.mayStartLabel("Directed by", false)).isTrue();
        assertThat(Labels.mayStartLabel("Direct", true)).isTrue();
        assertThat(Labels.mayStartLabel("Home", false)).isFalse();
        assertThat(Labels.mayStartLabel("Home page of the", true)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aFirstWordJudgedByItsHashIsJudgedAsTheWordMade() {
        String[] pieces = {"Director", "DIRECTED", " by", "cast", "Running", "Dir.", "dir..", "a.k.a.", ".", "Réal", "regie",
            "Home", ":", " ", "(", "2019", "٣", "É", " ", "Year", "x", "-", "Länder", "jaar", "Idioma", "año"};
        java.util.Random r = new java.util.Random(23);
        int known = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            boolean expected = Labels.isFirstWordMade(text);
            known += expected ? 1 : 0;
            assertThat(Labels.isFirstWord(text)).as(text).isEqualTo(expected);
        }
        assertThat(known).isGreaterThan(5_000);
    }

    @org.junit.jupiter.api.Test
    void byIsFoundInALinesStartAsInItsLowerCasedStart() {
        String[] pieces = {" by ", " BY ", " By", "bY ", "Directed", " ", "x", "\u0130", "\u212a", "y", "b", "Music"};
        java.util.Random r = new java.util.Random(25);
        int found = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(8); k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String line = sb.toString();
            String lower = line.length() > 40 ? line.substring(0, 40).toLowerCase(java.util.Locale.ROOT)
                    : line.toLowerCase(java.util.Locale.ROOT);
            boolean expected = lower.contains(" by ");
            found += expected ? 1 : 0;
            assertThat(Labels.saysBy(line, 40)).as(line).isEqualTo(expected);
        }
        assertThat(found).isBetween(10_000, 90_000);
    }
}
