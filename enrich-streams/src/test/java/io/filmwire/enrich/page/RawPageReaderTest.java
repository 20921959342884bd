package io.filmwire.enrich.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RawPageReaderTest {

    /** The check as first written, every character through every test: what the reader is held to. */
    private static String reference(String body) {
        int controls = 0;
        int replacements = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == 0) {
                return "a NUL character at " + i;
            }
            if (c == '\uFFFD') {
                replacements++;
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7F && c <= 0x9F)) {
                controls++;
            }
        }
        if (controls > body.length() / 100) {
            return controls + " control characters in " + body.length();
        }
        if (replacements > body.length() / 10) {
            return replacements + " undecodable bytes (U+FFFD) in " + body.length() + " characters";
        }
        return null;
    }

    @Test
    void aBinaryBodyIsToldFromTextAsTheFullCheckTellsIt() {
        Random random = new Random(3);
        char[] edges = {0, 1, '\t', '\n', '\r', '\f', 0x1F, ' ', '~', 0x7F, 0x80, 0x9F, 0xA0, '\uFFFD', 'e', '<'};
        int binary = 0;
        for (int round = 0; round < 5_000; round++) {
            StringBuilder body = new StringBuilder();
            int odd = random.nextInt(40); // how often, in 1,000, a character is an edge one
            for (int i = 0, n = random.nextInt(3_000); i < n; i++) {
                body.append(random.nextInt(1_000) < odd ? edges[random.nextInt(edges.length)]
                        : random.nextInt(10) == 0 ? (char) random.nextInt(0x10000) : (char) (' ' + random.nextInt(95)));
            }
            String text = body.toString();
            String expected = reference(text);
            assertThat(RawPageReader.binaryProblem(text)).as("body %d", round).isEqualTo(expected);
            binary += expected == null ? 0 : 1;
        }
        assertThat(binary).as("bodies judged binary").isBetween(500, 4_500);
        assertThat(RawPageReader.binaryProblem("")).isNull();
        assertThat(RawPageReader.binaryProblem("<p>plain</p>")).isNull();
    }
}
