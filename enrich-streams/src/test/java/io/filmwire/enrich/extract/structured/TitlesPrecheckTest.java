package io.filmwire.enrich.extract.structured;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The title parser tries each pattern only where its characters are: no text a pattern matches is refused. */
class TitlesPrecheckTest {

    private static final String[] PIECES = {"#", "12.", "No. 3:", "no.4", " ", "\t", "Watch", "DOWNLOAD ", "stream:", "Review ",
        "film review", "Movie Review", "trailer", "دانلود فیلم ", "تماشای آنلاین فیلم ", "ver ", "Regarder", "voir", "ſtream ",
        "İn hd", " online free", " FULL MOVIE", " free online", " streaming now", " en streaming", " HD", " با زیرنویس",
        "Brat", " review", " film review: a tale", " (1997)", " (film)", " (TV movie 2001)", " (Original Title)", " (Brother)",
        " 2005", "\"", "“", "»", "x", "\u212a"};

    @Test
    void noTextAPatternMatchesIsRefusedByItsPrecheck() {
        Random r = new Random(121);
        int[] hits = new int[5];
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(5); k < n; k++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String s = sb.toString();
            if (Titles.NUMBERING.matcher(s).find()) {
                hits[0]++;
                assertThat(Titles.mayNumber(s)).as(s).isTrue();
            }
            if (Titles.PREFIX.matcher(s).find()) {
                hits[1]++;
                assertThat(Titles.mayPrefix(s)).as(s).isTrue();
            }
            if (Titles.SUFFIX.matcher(s).find()) {
                hits[2]++;
                assertThat(Titles.SUFFIX_WORDS.in(s)).as(s).isTrue();
            }
            if (Titles.REVIEW_OF.matcher(s).matches()) {
                hits[3]++;
                assertThat(Titles.REVIEW_WORD.in(s)).as(s).isTrue();
            }
            String stripped = s.strip();
            if (Titles.YEAR_PARENS.matcher(stripped).find() || Titles.QUALIFIER_PARENS.matcher(stripped).find()
                    || Titles.OTHER_PARENS.matcher(stripped).find()) {
                hits[4]++;
                assertThat(stripped).as(stripped).endsWith(")");
            }
            if (Titles.TRAILING_YEAR.matcher(stripped).find()) {
                assertThat(Character.isDigit(stripped.charAt(stripped.length() - 1))).as(stripped).isTrue();
            }
        }
        for (int h : hits) {
            assertThat(h).isGreaterThan(1_000);
        }
    }
}
