package io.filmwire.enrich.extract.prose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The fact-cue test with its pre-filter held to the pattern alone. */
class FactCueTest {

    /** The pattern as ProseExtractor has it, tried on its own. */
    private static final Pattern FACT_CUES = Pattern.compile("(?i)\\b(runs?|running|lasts?|minutes?|hours?|(18|19|20)\\d\\d)\\b");

    @Test
    void findsTheCuesThePatternFinds() {
        assertTrue(ProseExtractor.hasFactCue("The film runs 94 minutes."));
        assertTrue(ProseExtractor.hasFactCue("RUNNING TIME: 2 HOURS"));
        assertTrue(ProseExtractor.hasFactCue("Released in 1968 by MGM."));
        assertFalse(ProseExtractor.hasFactCue("A runner lasted the whole hourglass of 1799 or 21000."));
        assertFalse(ProseExtractor.hasFactCue("Nothing here."));
        assertFalse(ProseExtractor.mayHoldFactCue("Nothing here, not even a year."));
    }

    @Test
    void givesThePatternsAnswerOnRandomTexts() {
        Random random = new Random(31226);
        String[] pieces = {"run", "RUNS", "Running", "rUn", "last", "LASTS", "minute", "Minutes", "hour", "HOURS", "1899", "1900",
            "2024", "1799", "2100", "18", "20", "9", "0", " ", "_", "-", ".", "é", "ß", "\u0130", "\u212a", "ſ", "ｒｕｎ",
            "x", "ran", "a", "\n", "runner", "lastly"};
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(8);
            for (int k = 0; k < n; k++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            boolean expected = FACT_CUES.matcher(t).find();
            assertEquals(expected, ProseExtractor.hasFactCue(t), t);
            assertTrue(!expected || ProseExtractor.mayHoldFactCue(t), t);
        }
    }

    @Test
    void givesThePatternsAnswerOnEveryParagraphOfTheSharedCorpus() throws IOException {
        Path corpus = Path.of("../../shared/corpus");
        if (!Files.isDirectory(corpus)) {
            corpus = Path.of("../shared/corpus");
        }
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no shared corpus here");
        int paragraphs = 0;
        int filtered = 0;
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = Jsoup.parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).wholeText();
                for (String p : text.split("\n")) {
                    paragraphs++;
                    assertEquals(FACT_CUES.matcher(p).find(), ProseExtractor.hasFactCue(p), p);
                    filtered += ProseExtractor.mayHoldFactCue(p) ? 0 : 1;
                }
            }
        }
        assertTrue(filtered > paragraphs / 2, filtered + " of " + paragraphs + " lines passed over without the pattern");
    }
}
