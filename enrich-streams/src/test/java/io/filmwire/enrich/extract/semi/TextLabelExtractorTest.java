package io.filmwire.enrich.extract.semi;

import static io.filmwire.enrich.extract.Pages.names;
import static io.filmwire.enrich.extract.Pages.single;
import static io.filmwire.enrich.extract.Pages.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.model.FilmMention;
import org.junit.jupiter.api.Test;

class TextLabelExtractorTest {

    @Test
    void labelledLinesOfAPlainTextPage() {
        FilmMention m = single(text("""
                Little Pyongyang

                Little Pyongyang is a documentary about a refugee in London, and Little Pyongyang is short.

                Key credits
                Directed by: Roxy Rezvany
                Produced by: Roxy Rezvany, Matt Diegan and Aya Kaido
                Director of photography: Beatriz Sastre
                Executive producers for the Guardian: Charlie Phillips and Lindsay Poulton
                Commissioned by the Guardian and Docsville
                """));
        assertThat(names(m, "director")).containsExactly("Roxy Rezvany");
        assertThat(names(m, "producer")).containsExactly("Roxy Rezvany", "Matt Diegan", "Aya Kaido");
        assertThat(names(m, "cinematographer")).containsExactly("Beatriz Sastre");
        assertThat(names(m, "executive_producer")).containsExactly("Charlie Phillips", "Lindsay Poulton");
        assertThat(m.credits()).noneMatch(c -> c.value().name().contains("Guardian"));
    }

    @Test
    void aLabelWithAnEmptyValueGivesNothing() {
        FilmMention m = single(text("""
                Directed by
                No items found.

                Little Pyongyang is a touching look at one refugee. Little Pyongyang is a compelling portrayal of grief.
                Little Pyongyang challenges preconceptions of North Korea.

                2018 • 24 min
                """));
        assertThat(m.title().value()).isEqualTo("Little Pyongyang");
        assertThat(names(m, "director")).isEmpty();
    }

    @Test
    void labelsAloneOnALineWithTheValueBelowAndFactBullets() {
        FilmMention m = single(text("""
                Little Pyongyang

                  • 2018
                  • 24 min
                  • 7.5\u00a0\u00a0(39)

                Little Pyongyang is a 2018 documentary. The film runs for just under an hour.

                Description
                  • Language
                    Korean
                """));
        assertThat(m.year().value()).isEqualTo(2018);
        assertThat(m.runtimeMinutes().value()).isEqualTo(24);
        assertThat(m.rating().value().count()).isEqualTo(39L);
        assertThat(m.languages()).extracting(f -> f.value()).containsExactly("Korean");
        assertThat(m.alternatives().runtimes()).extracting(f -> f.value()).containsExactly(55);
        assertThat(m.alternatives().runtimes().get(0).layer()).isEqualTo("prose");
    }

    @Test
    void ratingsRepeatedUnderEachReviewAreNotTheFilms() {
        FilmMention m = single(text("""
                Beacon

                Beacon is a 2019 documentary. Beacon was filmed on the Breton coast.

                Critic reviews
                A patient film. | Rating: 3/4
                Too slow for me. | Rating: 2/5
                Quietly stunning. | Rating: 8.5/10
                """));
        assertThat(m.rating()).isNull();
        assertThat(single(text("Beacon\n\nBeacon is a 2019 documentary.\n\nRating: 7.5/10 (1,024 votes)\n"))
                .rating().value().count()).isEqualTo(1024L);
    }

    @Test
    void pipeSeparatedLabelsInOneLine() {
        FilmMention m = single(text("نام فیلم : 4 باندی\n| کارگردان : محمدجعفر باقری نیا | ژانر (موضوع) : اجتماعی\n"
                + "مخاطب : بزرگسال | کیفیت فیلم : عالی | مدت زمان : 75 دقیقه\n"));
        assertThat(m.title().value()).isEqualTo("4 باندی");
        assertThat(names(m, "director")).containsExactly("محمدجعفر باقری نیا");
        assertThat(m.runtimeMinutes().value()).isEqualTo(75);
    }
}
