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
            String s = randomText(r);
            assertEquals(new TextNode(s).text().length(), DomText.normalisedLength(s), s);
        }
    }

    @Test
    void strippedNormalisedLengthIsTheLengthOfJsoupsTextStripped() {
        Random r = new Random(12);
        for (int i = 0; i < 100_000; i++) {
            String s = randomText(r);
            assertEquals(new TextNode(s).text().strip().length(), DomText.strippedNormalisedLength(s), s);
        }
    }

    @Test
    void theRawTextWithoutSpacingIsJsoupsTextWithoutWhiteSpace() {
        Random r = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            String s = randomText(r);
            StringBuilder shown = new StringBuilder();
            for (char c : new TextNode(s).text().toCharArray()) {
                if (!Character.isWhitespace(c)) {
                    shown.append(c);
                }
            }
            StringBuilder raw = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (!DomText.spacing(c)) {
                    raw.append(c);
                }
            }
            assertEquals(shown.toString(), raw.toString(), s);
        }
    }

    @Test
    void aLabelsTextCollapsedFromTheRawTextIsJsoupsTextCollapsed() {
        Random r = new Random(14);
        for (int i = 0; i < 100_000; i++) {
            String s = randomText(r);
            StringBuilder sb = new StringBuilder();
            DomLabelExtractor.appendCollapsed(sb, s);
            assertEquals(new TextNode(s).text().replace('\u00a0', ' ').replaceAll("\\s+", " "), sb.toString(), s);
        }
    }

    private static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0, n = r.nextInt(14); k < n; k++) {
            if (r.nextInt(20) == 0) {
                sb.appendCodePoint(0x1F3AC); // a character outside the BMP: two chars
            } else if (r.nextInt(30) == 0) {
                sb.append("\u2003\u3000\u1680\u202f".charAt(r.nextInt(4))); // white space Jsoup keeps
            } else {
                sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
        }
        return sb.toString();
    }
}
