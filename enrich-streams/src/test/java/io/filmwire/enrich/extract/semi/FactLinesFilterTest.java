package io.filmwire.enrich.extract.semi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** FactLines' pre-filters are necessary conditions of their patterns: no line is read otherwise. */
class FactLinesFilterTest {

    private static final String[] PIECES = {"DCP", "35 mm", "Black and White", "Rated", "rated", "CERT.", "Certificate",
        "classification", "Age Rating", "age rating", "PG-13", "12A", "4K restoration", "2k Restoration", "new restoration",
        "premiere", "Q&A", "16+", "12 anos", "Subtitles", "subtitled", "Sous-titrés", "legendado", "Subtitulada",
        "untertitelt", "no dialogue", "without subtitles", "English", "ſubtitles", "ſous-titres", " ", "   ", "\t", "\n",
        ":", ",", "|", "•", "·", "/", " - ", " – ", " —", "-", "(", ")", "2020", "1h 34min", "Greece", "Dir X", "é", "ß"};

    @Test
    void passesOverOnlyWhatThePatternsWouldNotMatch() {
        Random random = new Random(1203);
        int formats = 0;
        int subtitles = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int k = 0; k < n; k++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String line = b.toString();
            if (!FactLines.mayPart(line)) {
                assertArrayEquals(new String[] {line}, FactLines.PARTS.split(line), line);
            }
            String p = line.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (FactLines.FORMAT.matcher(p).matches()) {
                formats++;
                assertTrue(FactLines.mayBeFormat(p), p);
            }
            if (FactLines.ONLY_SUBTITLES.matcher(p).matches()) {
                subtitles++;
                assertTrue(FactLines.mayBeOnlySubtitles(p), p);
            }
        }
        assertTrue(formats > 1_000 && subtitles > 1_000, formats + " formats, " + subtitles + " subtitle notes");
    }

    @Test
    void longCertificatesAndRestorationsStillPass() {
        assertTrue(FactLines.mayBeFormat("Rated" + " ".repeat(60) + "PG"));
        assertTrue(FactLines.FORMAT.matcher("Rated" + " ".repeat(60) + "PG").matches());
        assertTrue(FactLines.mayBeFormat("4" + "k".repeat(60) + " restoration"));
    }
}
