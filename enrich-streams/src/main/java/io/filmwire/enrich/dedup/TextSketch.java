package io.filmwire.enrich.dedup;

import io.filmwire.schema.PageIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What deduplication knows of an article's text: a fingerprint (exact copies share it) and a
 * MinHash sketch of its character shingles (near copies share most of its values).
 *
 * <p>The text is folded first: accents and case removed, then everything but letters and digits
 * dropped, spaces included. So whitespace, punctuation and markup changes do not count, not even
 * when they join or split words ({@code <b>24</b>min} against {@code 24 min}). The shingles are the
 * {@value #SHINGLE}-character windows of the folded text, which works for scripts without spaces
 * too. The sketch keeps, for each of {@value #HASHES} hash functions, the least hash over all
 * shingles; the share of equal positions in two sketches estimates the Jaccard similarity of the two
 * shingle sets (standard error about {@code sqrt(J(1-J)/128)}, 0.04 at J = 0.6). Stateless and
 * thread-safe.
 *
 * @param fingerprint lower-case hex SHA-256 of the folded text
 * @param chars       length of the folded text (letters and digits)
 * @param minHash     {@value #HASHES} minima, 4 bytes each, big-endian
 */
public record TextSketch(String fingerprint, int chars, byte[] minHash) {

    /** Characters per shingle: 5 is about a word, short enough that an edit changes few shingles. */
    public static final int SHINGLE = 5;
    /** Hash functions of the sketch. */
    public static final int HASHES = 128;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Odd multipliers and offsets of the {@value #HASHES} hash functions {@code a*x + b} (mod 2^64). */
    private static final long[] A = new long[HASHES];
    private static final long[] B = new long[HASHES];

    static {
        long seed = 0x5eed_f11e_d0c5_2026L;
        for (int i = 0; i < HASHES; i++) {
            seed = mix(seed + 0x9e3779b97f4a7c15L);
            A[i] = seed | 1L;
            seed = mix(seed + 0x9e3779b97f4a7c15L);
            B[i] = seed;
        }
    }

    public TextSketch {
        if (minHash == null || minHash.length != HASHES * 4) {
            throw new IllegalArgumentException("a sketch has " + HASHES * 4 + " bytes, got "
                    + (minHash == null ? "none" : minHash.length));
        }
    }

    /** The sketch of {@code text} (null counts as empty). */
    public static TextSketch of(String text) {
        String folded = fold(text);
        int[] minima = new int[HASHES];
        Arrays.fill(minima, -1);
        int shingles = folded.isEmpty() ? 0 : Math.max(1, folded.length() - SHINGLE + 1);
        for (int start = 0; start < shingles; start++) {
            long h = 0xcbf29ce484222325L;
            for (int i = start; i < Math.min(folded.length(), start + SHINGLE); i++) {
                h = (h ^ folded.charAt(i)) * 0x100000001b3L;
            }
            h = mix(h);
            for (int f = 0; f < HASHES; f++) {
                int v = (int) ((A[f] * h + B[f]) >>> 32);
                if (Integer.compareUnsigned(v, minima[f]) < 0) {
                    minima[f] = v;
                }
            }
        }
        ByteBuffer bytes = ByteBuffer.allocate(HASHES * 4);
        for (int v : minima) {
            bytes.putInt(v);
        }
        return new TextSketch(PageIds.sha256Hex(folded.getBytes(StandardCharsets.UTF_8)), folded.length(), bytes.array());
    }

    /** The estimated Jaccard similarity of two texts' shingle sets: the share of equal minima, 0..1. */
    public double similarity(TextSketch other) {
        if (fingerprint.equals(other.fingerprint)) {
            return 1.0;
        }
        int equal = 0;
        for (int i = 0; i < HASHES * 4; i += 4) {
            if (minHash[i] == other.minHash[i] && minHash[i + 1] == other.minHash[i + 1]
                    && minHash[i + 2] == other.minHash[i + 2] && minHash[i + 3] == other.minHash[i + 3]) {
                equal++;
            }
        }
        return equal / (double) HASHES;
    }

    /**
     * The locality-sensitive keys of this sketch: {@code bands} keys, each a hash of {@code HASHES/bands}
     * consecutive minima. Two texts of Jaccard similarity J share at least one key with probability
     * {@code 1 - (1 - J^r)^bands} where r is the rows per band.
     */
    public long[] bandKeys(int bands) {
        if (bands < 1 || HASHES % bands != 0) {
            throw new IllegalArgumentException("bands must divide " + HASHES + ", was " + bands);
        }
        int rowBytes = HASHES * 4 / bands;
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            long h = 0xcbf29ce484222325L ^ band;
            for (int i = band * rowBytes; i < (band + 1) * rowBytes; i++) {
                h = (h ^ (minHash[i] & 0xff)) * 0x100000001b3L;
            }
            keys[band] = mix(h);
        }
        return keys;
    }

    /** Letters and digits only, accents and case folded away. */
    static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_ALNUM.matcher(s).replaceAll("");
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextSketch t && fingerprint.equals(t.fingerprint) && chars == t.chars
                && Arrays.equals(minHash, t.minHash);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "TextSketch[" + fingerprint.substring(0, 12) + ", " + chars + " chars]";
    }
}
