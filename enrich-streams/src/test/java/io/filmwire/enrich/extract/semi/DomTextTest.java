package io.filmwire.enrich.extract.semi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/** DomText's counted text length is the length of the text Jsoup gives, on random texts of the characters that matter. */
class DomTextTest {

    private static final String ALPHABET = "ab Z9.\t\n\r\u000b\f\u0085\u00a0\u2028\u200b\u200c\u200d\u00ad\u2060\ufeffé";

    @Test
    void normalisedLengthIsTheLengthOfJsoupsText() {
        Random r = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = r.nextInt(14); k < n; k++) {
                if (r.nextInt(20) == 0) {
                    sb.appendCodePoint(0x1F3AC); // a character outside the BMP: two chars
                } else {
                    sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
            }
            String s = sb.toString();
            assertEquals(new TextNode(s).text().length(), DomText.normalisedLength(s), s);
        }
    }
}
