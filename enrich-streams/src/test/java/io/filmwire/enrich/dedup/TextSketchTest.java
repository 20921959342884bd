package io.filmwire.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextSketchTest {

    /** A text of {@code n} pseudo-random words from a seeded generator. */
    private static List<String> words(long seed, int n) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            for (int c = 3 + random.nextInt(6); c > 0; c--) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            out.add(w.toString());
        }
        return out;
    }

    private static Set<String> shingles(String text) {
        String folded = TextSketch.fold(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + TextSketch.SHINGLE <= folded.length(); i++) {
            out.add(folded.substring(i, i + TextSketch.SHINGLE));
        }
        return out;
    }

    private static double jaccard(String a, String b) {
        Set<String> x = shingles(a);
        Set<String> y = shingles(b);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return x.size() / (double) union.size();
    }

    @Test
    void spacingPunctuationCaseAndAccentsDoNotChangeTheFingerprint() {
        TextSketch a = TextSketch.of("Nausicaä of the Valley of the Wind (1984) runs 117 min.");
        TextSketch b = TextSketch.of("  NAUSICAA of the valley\n\nof the wind 1984 — runs 117min ");
        assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(b.similarity(a)).isEqualTo(1.0);
        assertThat(TextSketch.of("Nausicaä of the Valley of the Wind (1985)").fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void theSimilarityEstimatesTheJaccardSimilarityOfTheShingles() {
        List<String> base = words(1, 400);
        for (int replaced : new int[] {20, 80, 200, 400}) {
            List<String> changed = new ArrayList<>(base);
            List<String> fresh = words(2 + replaced, replaced);
            for (int i = 0; i < replaced; i++) {
                changed.set(i * base.size() / replaced, fresh.get(i));
            }
            String a = String.join(" ", base);
            String b = String.join(" ", changed);
            double estimate = TextSketch.of(a).similarity(TextSketch.of(b));
            assertThat(estimate).as("%d of 400 words replaced", replaced).isCloseTo(jaccard(a, b), within(0.12));
        }
    }

    @Test
    void nearCopiesShareBandKeysAndUnrelatedTextsDoNot() {
        String text = String.join(" ", words(7, 300));
        TextSketch original = TextSketch.of(text);
        TextSketch copy = TextSketch.of("Advertisement. " + text + " Share this article.");
        TextSketch other = TextSketch.of(String.join(" ", words(8, 300)));

        long[] o = original.bandKeys(32);
        long shared = Arrays.stream(copy.bandKeys(32)).filter(k -> Arrays.stream(o).anyMatch(x -> x == k)).count();
        long unrelated = Arrays.stream(other.bandKeys(32)).filter(k -> Arrays.stream(o).anyMatch(x -> x == k)).count();
        assertThat(copy.similarity(original)).isGreaterThan(0.9);
        assertThat(shared).isGreaterThan(20);
        assertThat(unrelated).isZero();
        assertThat(other.similarity(original)).isLessThan(0.1);
    }

    @Test
    void anEmptyTextHasASketchAndBadBandCountsAreRefused() {
        TextSketch empty = TextSketch.of(null);
        assertThat(empty.chars()).isZero();
        assertThat(empty.similarity(TextSketch.of(""))).isEqualTo(1.0);
        assertThat(TextSketch.of("ab").chars()).isEqualTo(2);
        assertThatThrownBy(() -> empty.bandKeys(3)).hasMessageContaining("divide");
    }

    @Test
    void foldingWordByWordGivesWhatFoldingTheWholeTextGave() {
        String[] pieces = {"Nausicaä", "ΟΔΟΣ", "οδός.", "İstanbul", "ǅemal", "ﬁlm", "e\u0301t\u00e9", "Σ", "\u00a0", "東京物語",
                "Москва", "½", "ⅫⅣ", "—", "...", "(1984)", "24min", "x\u0308", "ß", "\t", "\n\n", " ", "A", "z9", "\u200c",
                "فیلم", "हिन्दी", "😀", "'s", "Ǆ", "ﾃｽﾄ"};
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextBoolean()) {
                    text.append(random.nextBoolean() ? " " : "\n");
                }
            }
            assertThat(TextSketch.fold(text.toString())).as("fold of [%s]", text).isEqualTo(TextSketch.foldWhole(text.toString()));
        }
    }

    @Test
    void foldingCharacterByCharacterGivesWhatFoldingTheWholeWordGave() {
        // single characters of many scripts and kinds: letters with and without decompositions, capital and
        // final sigma and what decomposes to them, marks of several classes, Hangul, ligatures, compatibility
        // forms, digits of other scripts, punctuation, and surrogate pairs
        String alphabet = "aZ9éÉçÇøØåÅæßẞİıĳǅǄﬁﬀ½²ⅫⅣ①ΣσςϹϲΟΔάΆΐ\u0301\u0308\u0327\u0345\u05b0\u05bc\u0651\u064e"
                + "\u093f\u094d\u0e31\u302aМоскваЁё東京物語한국어ㄱﾃｽﾄ\uff21\uff41\u0663\u06f1\u0966—–’“”«»·\u00a0"
                + "\u200c\u200d\u00ad\u2126\u212a\u212b\u1e9e\u01c5\u0149\u1f80\u1fb3\u0390";
        int[] points = alphabet.codePoints().toArray();
        String[] astral = {"😀", "\ud835\udc00", "\ud835\udeba", "𝟘"};
        Random random = new Random(43);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                if (random.nextInt(40) == 0) {
                    text.append(astral[random.nextInt(astral.length)]);
                } else {
                    text.appendCodePoint(points[random.nextInt(points.length)]);
                }
            }
            String word = text.toString();
            assertThat(TextSketch.fold(word)).as("fold of [%s]", word).isEqualTo(TextSketch.foldWhole(word));
        }
    }

    @Test
    void aHundredThousandWordTextIsSketchedInTimeLinearInItsLength() {
        String small = String.join(" ", words(11, 10_000));
        String big = String.join(" ", words(12, 100_000));
        for (int warm = 0; warm < 3; warm++) {
            TextSketch.of(small);
            TextSketch.of(big);
        }
        long smallNanos = Long.MAX_VALUE;
        long bigNanos = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            TextSketch.of(small);
            long t1 = System.nanoTime();
            TextSketch.of(big);
            long t2 = System.nanoTime();
            smallNanos = Math.min(smallNanos, t1 - t0);
            bigNanos = Math.min(bigNanos, t2 - t1);
        }
        // ten times the text: about ten times the time (30 allows for a loaded machine), never a hundred
        assertThat(bigNanos).as("100,000 words %d us, 10,000 words %d us", bigNanos / 1000, smallNanos / 1000)
                .isLessThan(30 * smallNanos);
    }
}
