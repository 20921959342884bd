package io.filmwire.enrich.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** TextScan gives what the regular expressions it replaced give, on random texts of the characters that matter. */
class TextScanTest {

    private static final String ALPHABET = "ab Z9.,;:'’-|•·：()\t\n\r\u000b\f\u0085\u2028\u2029\u00a0é";

    private static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = r.nextInt(12); i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void stripRunsIsTheEdgePattern() {
        Pattern labelEdges = Pattern.compile("^[\\s\\p{Punct}•·|:：]+|[\\s\\p{Punct}•·|:：]+$");
        Pattern nameEdges = Pattern.compile("^[\\s\\p{Punct}&&[^'’]]+|[\\s\\p{Punct}&&[^.'’]]+$");
        Pattern languageEdges = Pattern.compile("^[\\s,;|•·-]+|[\\s,;|•·.-]+$");
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String s = random(r);
            assertEquals(labelEdges.matcher(s).replaceAll(""), TextScan.stripRuns(s,
                    c -> TextScan.isRegexSpace(c) || TextScan.isAsciiPunct(c) || "•·：".indexOf(c) >= 0,
                    c -> TextScan.isRegexSpace(c) || TextScan.isAsciiPunct(c) || "•·：".indexOf(c) >= 0), s);
            assertEquals(nameEdges.matcher(s).replaceAll(""), TextScan.stripRuns(s,
                    c -> (TextScan.isRegexSpace(c) || TextScan.isAsciiPunct(c)) && c != '\'',
                    c -> (TextScan.isRegexSpace(c) || TextScan.isAsciiPunct(c)) && c != '.' && c != '\''), s);
            assertEquals(languageEdges.matcher(s).replaceAll(""), TextScan.stripRuns(s,
                    c -> TextScan.isRegexSpace(c) || ",;|•·-".indexOf(c) >= 0,
                    c -> TextScan.isRegexSpace(c) || ",;|•·.-".indexOf(c) >= 0), s);
        }
    }

    @Test
    void collapseIsTheSpacePattern() {
        Pattern ws = Pattern.compile("\\s+");
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            String s = random(r);
            assertEquals(ws.matcher(s).replaceAll(" "), TextScan.collapseRegexSpace(s), s);
        }
    }

    @Test
    void characterClassesAreTheRegexOnes() {
        Pattern space = Pattern.compile("\\s");
        Pattern punct = Pattern.compile("\\p{Punct}");
        Pattern digit = Pattern.compile("\\d");
        for (char c = 0; c < 0x3000; c++) {
            String s = String.valueOf(c);
            assertEquals(space.matcher(s).matches(), TextScan.isRegexSpace(c), "space " + (int) c);
            assertEquals(punct.matcher(s).matches(), TextScan.isAsciiPunct(c), "punct " + (int) c);
            assertEquals(digit.matcher(s).matches(), TextScan.hasAsciiDigit(s), "digit " + (int) c);
        }
    }

    @Test
    void lastBeforeLineEndIsWhereDollarMatches() {
        Pattern endsInS = Pattern.compile("s$");
        Random r = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            String s = random(r) + (r.nextBoolean() ? "s" : "") + (r.nextInt(3) == 0 ? "\r\n" : r.nextInt(2) == 0 ? "\u2028" : "");
            assertEquals(endsInS.matcher(s).find(), TextScan.lastBeforeLineEnd(s) == 's', s);
        }
    }

    @Test
    void containsIgnoreCaseFindsWhatRegionMatchesFinds() {
        // Kelvin sign, long s and dotless i match ASCII letters when compared ignoring case
        String alphabet = "aAsSkKiIrRtT@`\u212a\u017f\u0131\u0130é É1 -";
        String[] words = {"sk", "kit", "is", "@", "rat", "é", "ik", "tar"};
        TextScan.AnyWord all = TextScan.anyWord(words);
        TextScan.AnyWord letters = TextScan.anyWord("sk", "kit", "rat");
        Random r = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = r.nextInt(9); k < n; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            boolean any = false;
            for (String w : words) {
                boolean expected = false;
                for (int at = 0; at + w.length() <= text.length() && !expected; at++) {
                    expected = text.regionMatches(true, at, w, 0, w.length());
                }
                any |= expected;
                assertEquals(expected, TextScan.containsIgnoreCase(text, w), text + " / " + w);
            }
            assertEquals(any, all.in(text), text);
            assertEquals(TextScan.containsIgnoreCase(text, "sk") || TextScan.containsIgnoreCase(text, "kit")
                    || TextScan.containsIgnoreCase(text, "rat"), letters.in(text), text);
        }
    }
}
