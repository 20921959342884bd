package io.filmwire.enrich.clean;

import java.util.Arrays;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The languages of a text ranked as {@link LanguageDetectorME#predictLanguages} ranks them, with the
 * same model and the same numbers, reading the text's character n-grams without making an object per
 * n-gram position.
 *
 * <p>OpenNLP's detector (2.5) normalises the text (emoji, URLs, Twitter names, numbers, repeated
 * characters), lower-cases it code point by code point, puts every n-gram of 1 to 3 characters in a
 * {@code HashMap} keyed by {@code CharBuffer}s, copies the distinct ones into a second {@code HashMap},
 * and asks the maximum-entropy model with each distinct n-gram once, in that map's order. Here the
 * distinct n-grams are found in a table of offsets, and given to the model as strings in the order
 * that map has (by bucket of the {@code CharBuffer} hash at the map's final capacity, then by first
 * appearance), so the model sums the same numbers in the same order and gives bit-identical
 * confidences. Where the map would have made a tree of a crowded bucket (its order then follows
 * the tree), and where lower-casing would not fit OpenNLP's buffer, the detector itself is asked.
 * {@code LanguageRankingTest} holds the two to the same results.
 */
final class LanguageRanking {

    private static final int MIN = 1;
    private static final int MAX = 3;
    /** A {@code HashMap} bucket that reaches this many entries is made a tree (or the table grown). */
    private static final int CROWDED = 8;

    private final MaxentModel maxent;
    private final CharSequenceNormalizer normalizer = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());
    /** Whether the model reads n-grams as the default factory makes them; if not, the detector is always asked. */
    private final boolean defaultContext;
    private final LanguageDetectorME detector;

    LanguageRanking(LanguageDetectorModel model) {
        this.maxent = model.getMaxentModel();
        this.defaultContext = model.getFactory().getClass() == LanguageDetectorFactory.class;
        this.detector = new LanguageDetectorME(model);
    }

    /** The languages of {@code text}, most likely first, as the detector ranks them. Not thread-safe. */
    Language[] rank(CharSequence text) {
        if (!defaultContext) {
            return detector.predictLanguages(text);
        }
        String[] context = context(text);
        if (context == null) {
            return detector.predictLanguages(text);
        }
        float[] values = new float[context.length];
        Arrays.fill(values, 1f);
        double[] probabilities = maxent.eval(context, values);
        Language[] languages = new Language[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            languages[i] = new Language(maxent.getOutcome(i), probabilities[i]);
        }
        Arrays.sort(languages, (a, b) -> Double.compare(b.getConfidence(), a.getConfidence()));
        return languages;
    }

    /** What the detector asks its model with, in its order; null where that order cannot be known here. */
    String[] context(CharSequence text) {
        char[] chars = lowerCase(normalizer.normalize(text));
        if (chars == null) {
            return null;
        }
        int n = chars.length;
        int most = 0;
        for (int len = MIN; len <= MAX; len++) {
            most += Math.max(0, n - len + 1);
        }
        // the distinct n-grams in order of first appearance (length 1 first, then 2, then 3)
        int[] start = new int[most];
        int[] length = new int[most];
        int[] hash = new int[most];
        int distinct = 0;
        int slots = Integer.highestOneBit(Math.max(4, most) * 2) * 2;
        int[] table = new int[slots]; // 1 + index of a distinct n-gram, 0 for none
        for (int len = MIN; len <= MAX; len++) {
            for (int from = 0; from + len - 1 < n; from++) {
                int h = bufferHash(chars, from, len);
                int slot = mix(h) & (slots - 1);
                boolean seen = false;
                while (table[slot] != 0) {
                    int g = table[slot] - 1;
                    if (hash[g] == h && length[g] == len && Arrays.equals(chars, start[g], start[g] + len, chars, from, from + len)) {
                        seen = true;
                        break;
                    }
                    slot = (slot + 1) & (slots - 1);
                }
                if (!seen) {
                    start[distinct] = from;
                    length[distinct] = len;
                    hash[distinct] = h;
                    table[slot] = ++distinct;
                }
            }
        }
        int capacity = mapCapacity(hash, distinct);
        if (capacity < 0) {
            return null;
        }
        // HashMap order: by bucket, then by insertion within a bucket (a counting sort keeps that order)
        int[] perBucket = new int[capacity + 1];
        for (int g = 0; g < distinct; g++) {
            perBucket[bucket(hash[g], capacity) + 1]++;
        }
        for (int b = 0; b < capacity; b++) {
            perBucket[b + 1] += perBucket[b];
        }
        int[] order = new int[distinct];
        for (int g = 0; g < distinct; g++) {
            order[perBucket[bucket(hash[g], capacity)]++] = g;
        }
        // the second map takes the n-grams in the first one's order: it must not crowd a bucket either
        if (mapCapacity(hash, order, distinct) != capacity) {
            return null;
        }
        String[] context = new String[distinct];
        for (int k = 0; k < distinct; k++) {
            int g = order[k];
            context[k] = new String(chars, start[g], length[g]);
        }
        return context;
    }

    /**
     * The capacity a default {@code HashMap} has after {@code count} keys of these hashes are put in
     * it one by one, or -1 if a bucket reaches {@value #CROWDED} entries on the way (the map would
     * then make a tree of it, or grow early, and its order is not the one computed here).
     */
    private static int mapCapacity(int[] hash, int count) {
        return mapCapacity(hash, null, count);
    }

    /** As {@link #mapCapacity(int[], int)}, the keys taken in {@code order} (indexes into {@code hash}) if given. */
    private static int mapCapacity(int[] hash, int[] order, int count) {
        int capacity = 16;
        int[] load = new int[Math.max(16, Integer.highestOneBit(Math.max(1, count)) * 4)];
        for (int k = 0; k < count; k++) {
            int b = bucket(hash[order == null ? k : order[k]], capacity);
            if (load[b] >= CROWDED) {
                return -1;
            }
            load[b]++;
            if (k + 1 > capacity * 3 / 4) {
                capacity *= 2;
                Arrays.fill(load, 0, capacity, 0);
                for (int j = 0; j <= k; j++) {
                    load[bucket(hash[order == null ? j : order[j]], capacity)]++;
                }
            }
        }
        return capacity;
    }

    /** The bucket of a key of hash {@code h} in a {@code HashMap} table of {@code capacity} slots. */
    private static int bucket(int h, int capacity) {
        return (h ^ (h >>> 16)) & (capacity - 1);
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    /** {@code CharBuffer.hashCode()} of chars[from, from + len): from the last character back. */
    static int bufferHash(char[] chars, int from, int len) {
        int h = 1;
        for (int i = from + len - 1; i >= from; i--) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    /**
     * The text lower-cased as OpenNLP's {@code StringUtil.toLowerCaseCharBuffer} does: code point by
     * code point into a buffer of the text's length (unfilled places stay 0); null where it would
     * overflow (that method then fails, and the detector is left to say so).
     */
    static char[] lowerCase(CharSequence text) {
        char[] out = new char[text.length()];
        int at = 0;
        for (int i = 0, n = text.length(); i < n; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            int lower = Character.toLowerCase(cp);
            int chars = Character.charCount(lower);
            if (at + chars > out.length) {
                return null;
            }
            Character.toChars(lower, out, at);
            at += chars;
        }
        return out;
    }
}
