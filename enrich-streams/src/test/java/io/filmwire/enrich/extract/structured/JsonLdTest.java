package io.filmwire.enrich.extract.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonLdTest {

    /** The patterns the unwrapping replaced: removing them from a stripped text is what it must give. */
    private static final Pattern COMMENT = Pattern.compile("(?s)^<!--|-->$");
    private static final Pattern CDATA = Pattern.compile("(?s)^(//)?\\s*<!\\[CDATA\\[|(//)?\\s*]]>$");

    @Test
    void unwrappingAScriptIsWhatRemovingItsMarkersByPatternGives() {
        String[] pieces = {"<!--", "-->", "<![CDATA[", "]]>", "//", " ", "\n", "\t", "{}", "-", "<!", "]", "x", "\u2003"};
        Random r = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = r.nextInt(7); k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = sb.toString().strip();
            assertEquals(COMMENT.matcher(text).replaceAll(""), JsonLd.unwrap(text, "<!--", false, "-->", false), text);
            assertEquals(CDATA.matcher(text).replaceAll(""), JsonLd.unwrap(text, "<![CDATA[", true, "]]>", true), text);
        }
    }

    @Test
    void aScriptWrappedInCommentedCdataIsRead() {
        assertEquals(1, JsonLd.parse("<!--\n// <![CDATA[\n{\"@type\": \"Movie\", \"name\": \"Up\"}\n// ]]>\n-->").size());
    }
}
