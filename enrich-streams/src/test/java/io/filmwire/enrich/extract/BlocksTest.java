package io.filmwire.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A segment's blocks read without a pattern, held to the split by pattern they replaced. */
class BlocksTest {

    private static final Pattern SEPARATOR = Pattern.compile("\\n\\s*\\n|\\n");

    @Test
    void areTheBlocksOfTheSplitByPattern() {
        Random random = new Random(2026);
        String pieces = "ab \t\n\r\f\u000b\u00a0\u2028\u3000x.";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(16);
            for (int k = 0; k < n; k++) {
                text.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            String t = text.toString();
            List<String> expected = new ArrayList<>();
            for (String block : SEPARATOR.split(t)) {
                if (!block.isBlank()) {
                    expected.add(block.strip());
                }
            }
            assertEquals(expected, PageExtractor.blocks(t), t);
        }
    }
}
