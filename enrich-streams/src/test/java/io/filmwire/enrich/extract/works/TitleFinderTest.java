package io.filmwire.enrich.extract.works;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.extract.prose.Nlp;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The title finder's precheck never refuses a sentence that, tagged, says its subject is a film. */
class TitleFinderTest {

    private static final String[] PIECES = {"Brat", "The Long Table", "is", "IS", "was", "Was", "a", "an", "documentary",
        "FILM", "filmed", "shot", "in", "Moscow", "by", "Jane Doe", "comedy", "about", "look", "portrayal", "this",
        "it", "That", "movie", "released", "tells", ",", "'s", "-", "İs", "short", "feature", "the", "story"};

    @Test
    void noSentenceThatSaysFilmIsRefusedByThePrecheck() {
        Nlp nlp = new Nlp();
        Random r = new Random(101);
        int saying = 0;
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (r.nextBoolean()) {
                // the shape the finder looks for: a capitalised subject, then its verb
                sb.append(r.nextBoolean() ? "Brat" : "The Long Table").append(r.nextBoolean() ? " is " : " was ");
            }
            for (int k = 0, n = 2 + r.nextInt(9); k < n; k++) {
                sb.append(k == 0 ? "" : " ").append(PIECES[r.nextInt(PIECES.length)]);
            }
            String sentence = sb.append('.').toString();
            Nlp.Sentence s = nlp.tag(sentence);
            int end = TitleFinder.subjectEnd(s);
            if (end > 0 && end < s.tokens().length && TitleFinder.saysFilm(s, end)) {
                saying++;
                assertThat(TitleFinder.maySayFilm(sentence)).as(sentence).isTrue();
            }
        }
        assertThat(saying).as("random sentences that say their subject is a film").isGreaterThan(100);
    }
}
