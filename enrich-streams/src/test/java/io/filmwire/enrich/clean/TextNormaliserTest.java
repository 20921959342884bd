package io.filmwire.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A run of text judged already inline is returned as it is: on random texts, that is what collapsing it gives. */
class TextNormaliserTest {

    private static final String ALPHABET = "ab Z9.\t\n\r\u000b\f\u0085\u00a0\u2028\u200b\u200c\u00ad\u2003\u3000\ufeffé";

    @Test
    void aTextJudgedInlineIsTheTextCollapsed() {
        Random r = new Random(61);
        int inline = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = r.nextInt(10); k < n; k++) {
                // mostly letters and single spaces, as most text is
                int pick = r.nextInt(10);
                sb.append(pick < 5 ? 'a' : pick < 7 ? ' ' : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            String text = sb.toString();
            assertEquals(TextNormaliser.collapse(text), TextNormaliser.inline(text), text);
            inline += TextNormaliser.isInline(text) ? 1 : 0;
        }
        assertTrue(inline > 20_000 && inline < 180_000, "both kinds of text are tried: " + inline);
    }
}
