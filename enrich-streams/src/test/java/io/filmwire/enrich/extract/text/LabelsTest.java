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
}
