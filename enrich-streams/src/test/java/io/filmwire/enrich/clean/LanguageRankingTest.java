package io.filmwire.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The ranking read from a table of n-gram offsets is OpenNLP's detector's ranking, to the bit: the
 * same languages in the same order with the same confidences, on the text of every page fixture and
 * on random texts of several scripts, emoji, URLs, digits and repeated letters.
 */
class LanguageRankingTest {

    private final LanguageRanking ranking = new LanguageRanking(LanguageGuesser.Model.INSTANCE);
    private final LanguageDetectorME detector = new LanguageDetectorME(LanguageGuesser.Model.INSTANCE);

    @Test
    void pageTextsAreRankedAsTheDetectorRanksThem() throws IOException, URISyntaxException {
        List<String> texts = new ArrayList<>();
        Path dir = Path.of(LanguageRankingTest.class.getResource("/pages").toURI());
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".gz")).sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                    String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    String text = f.toString().contains(".txt") ? page : Jsoup.parse(page).text();
                    // samples of the lengths the guesser reads, from several places of the page
                    for (int at = 0; at < text.length(); at += Math.max(1, text.length() / 7)) {
                        texts.add(text.substring(at, Math.min(text.length(), at + 600)));
                    }
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(100);
        int readHere = 0;
        for (String text : texts) {
            assertSameRanking(text);
            readHere += ranking.context(text) != null ? 1 : 0;
        }
        assertThat(readHere).as("texts ranked from the table, not by the detector").isEqualTo(texts.size());
    }

    @Test
    void randomTextsAreRankedAsTheDetectorRanksThem() {
        String[] pieces = {"the film ", "der Film ", "le film ", "фильм ", "映画", "영화 ", "סרט ", "فیلم ", "película ",
            "https://example.org/a?b=1 ", "@editor ", "#cinema ", "1999 ", "3.5 ", "😀", "🎬 ", "aaaaaa", "!!!", "  ",
            "\n", "İstanbul ", "ΣΟΦΙΑ ", "x", "\ud83c", "ß", "ǅ"};
        Random r = new Random(91);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = r.nextInt(60); k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            assertSameRanking(sb.toString());
        }
    }

    @Test
    void theOrderOfTheNgramsIsTheOnlyOneThatGivesTheseNumbers() {
        // a check that the test can fail: the same n-grams in another order give other last bits
        String text = "The film was shot in Lisbon over three weeks of rain, and its director says it shows.";
        String[] context = ranking.context(text);
        assertThat(context).isNotNull();
        float[] ones = new float[context.length];
        java.util.Arrays.fill(ones, 1f);
        double[] asGiven = LanguageGuesser.Model.INSTANCE.getMaxentModel().eval(context, ones);
        String[] reversed = context.clone();
        java.util.Collections.reverse(java.util.Arrays.asList(reversed));
        double[] asReversed = LanguageGuesser.Model.INSTANCE.getMaxentModel().eval(reversed, ones);
        assertThat(asReversed).isNotEqualTo(asGiven);
        assertSameRanking(text);
    }

    private void assertSameRanking(String text) {
        Language[] expected = detector.predictLanguages(text);
        Language[] actual = ranking.rank(text);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].getLang()).as("rank %d of %s", i, text).isEqualTo(expected[i].getLang());
            assertThat(actual[i].getConfidence()).as("confidence %d of %s", i, text).isEqualTo(expected[i].getConfidence());
        }
    }
}
