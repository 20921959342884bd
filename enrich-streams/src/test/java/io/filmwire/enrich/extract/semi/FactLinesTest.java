package io.filmwire.enrich.extract.semi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fact-line reader tries its cue patterns only on lines whose first character can start one of
 * their words: no line that a pattern matches is refused by that precheck, whatever its case.
 */
class FactLinesTest {

    private static final String[] PIECES = {"dir", "Dir.", "DIRS", "directed by", "Director", "réal", "RÉAL", "de", "un film de",
        "A film by", "Regie", "regia", "dirigida por", "Direção de", "un film di", "ein Film von", "with", "With the voices of",
        "STARRING", "featuring", "avec", "con", "mit", "com", "В ролях", "в ролях", "in", "ſtarring", "İn", "\u212a", "x",
        ":", " ", "  ", " Jane Doe", " Иван", "1999", "-", "\u017fome"};

    @Test
    void noLineAPatternMatchesIsRefusedByItsFirstCharacter() {
        Random r = new Random(41);
        int[] matched = new int[3];
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String line = sb.toString();
            matched[0] += check(FactLines.CUE_START, line, true, FactLines.CUE_FIRST);
            matched[1] += check(FactLines.DIRECTOR, line, false, FactLines.DIRECTOR_FIRST);
            matched[2] += check(FactLines.CAST, line, false, FactLines.CAST_FIRST);
        }
        for (int m : matched) {
            assertTrue(m > 1_000, "each pattern matches some random lines: " + m);
        }
    }

    private static int check(Pattern pattern, String line, boolean lookingAt, String firsts) {
        var m = pattern.matcher(line);
        boolean matches = lookingAt ? m.lookingAt() : m.matches();
        if (matches) {
            assertTrue(FactLines.mayStart(line, firsts), pattern + " matches \"" + line + "\"");
        }
        return matches ? 1 : 0;
    }
}
