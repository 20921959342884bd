package io.filmwire.enrich.extract.signals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.filmwire.enrich.extract.semi.DomText;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass text hash and length of a block held to the two passes it replaced. */
class PageSignalsTextTest {

    @Test
    void hashAndLengthInOnePassAreThoseOfTheTwoPasses() {
        Random random = new Random(3122026);
        String pieces = " \t\n\f\r\u00a0\u200b\u00ad\u2003\u2028\u3000aZéÉ中Жж\ud83c\udfac\ud83c\udc00I\u0130ß1.,";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(24);
            for (int k = 0; k < n; k++) {
                int p = random.nextInt(pieces.length() + 2);
                if (p == pieces.length()) {
                    text.append('\ud83c'); // a lone high surrogate
                } else if (p == pieces.length() + 1) {
                    text.append('\udfac'); // a lone low one
                } else {
                    text.append(pieces.charAt(p));
                }
            }
            String t = text.toString();
            long seed = random.nextLong();
            long[] expected = {seed, 7};
            int length = DomText.strippedNormalisedLength(t);
            if (length > 0) {
                expected[0] = PageSignals.mix(expected[0], PageSignals.fnv(t));
                expected[1] += length;
            }
            long[] actual = {seed, 7};
            PageSignals.addText(actual, t);
            assertArrayEquals(expected, actual, t);
        }
    }
}
