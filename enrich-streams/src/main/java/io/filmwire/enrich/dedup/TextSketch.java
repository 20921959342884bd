package io.filmwire.enrich.dedup;

import io.filmwire.schema.PageIds;
import java.nio.ByteBuffer;
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
 * too.
 *
 * <p>The sketch is a one-permutation MinHash ({@link #ONE_PERMUTATION}): each shingle is hashed
 * once; the hash's top 7 bits choose one of {@value #HASHES} bins and the bin keeps the least of
 * the other bits. A bin no shingle fell in (a text of fewer than a few hundred shingles leaves some)
 * borrows the value of a bin chosen by a fixed sequence of hashes of its index, the same for every
 * text ("optimal densification", Shrivastava 2017), so two texts' bins stay comparable. The share of
 * equal bins in two sketches estimates the Jaccard similarity of the two shingle sets, with about
 * the error of a {@value #HASHES}-hash MinHash ({@code sqrt(J(1-J)/128)}, 0.04 at J = 0.6), for one
 * hash per shingle instead of {@value #HASHES}.
 *
 * <p>Sketches stored before (no {@code scheme} in their JSON, read as {@link #K_HASHES}) kept for
 * each of {@value #HASHES} hash functions the least hash over all shingles. Their values mean
 * something else: a sketch is compared on its values only with a sketch of its own scheme, and on
 * its fingerprint with any (see {@link #similarity}). Stateless and thread-safe.
 *
 * @param fingerprint lower-case hex SHA-256 of the folded text
 * @param chars       length of the folded text (letters and digits)
 * @param minHash     {@value #HASHES} values, 4 bytes each, big-endian
 * @param scheme      how the values were made: {@link #ONE_PERMUTATION}, or {@link #K_HASHES} for
 *                    sketches stored by earlier versions (null, as their JSON reads, is {@link #K_HASHES})
 */
public record TextSketch(String fingerprint, int chars, byte[] minHash, Integer scheme) {

    /** Characters per shingle: 5 is about a word, short enough that an edit changes few shingles. */
    public static final int SHINGLE = 5;
    /** Values of the sketch. */
    public static final int HASHES = 128;
    /** Scheme of sketches made by earlier versions: {@value #HASHES} hash functions, each shingle hashed by all. */
    public static final int K_HASHES = 0;
    /** Scheme of sketches made now: one hash per shingle, {@value #HASHES} bins, densified. */
    public static final int ONE_PERMUTATION = 1;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Bits of a shingle's hash that choose its bin ({@code 2^7 = HASHES}). */
    private static final int BIN_BITS = 7;
    /** Odd multipliers and offsets of the {@value #HASHES} hash functions {@code a*x + b} (mod 2^64) of {@link #K_HASHES}. */
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
        if (scheme == null) {
            scheme = K_HASHES;
        }
        if (scheme != K_HASHES && scheme != ONE_PERMUTATION) {
            throw new IllegalArgumentException("unknown sketch scheme " + scheme);
        }
    }

    /** A sketch of the scheme of earlier versions ({@link #K_HASHES}), as a stored one is read. */
    public TextSketch(String fingerprint, int chars, byte[] minHash) {
        this(fingerprint, chars, minHash, K_HASHES);
    }

    /** The sketch of {@code text} (null counts as empty), one hash per shingle. */
    public static TextSketch of(String text) {
        String folded = fold(text);
        int[] minima = new int[HASHES];
        boolean[] filled = new boolean[HASHES];
        int shingles = shingleCount(folded);
        int empty = HASHES;
        for (int start = 0; start < shingles; start++) {
            long h = shingleHash(folded, start);
            int bin = (int) (h >>> (64 - BIN_BITS));
            int v = (int) h;
            if (!filled[bin]) {
                filled[bin] = true;
                minima[bin] = v;
                empty--;
            } else if (Integer.compareUnsigned(v, minima[bin]) < 0) {
                minima[bin] = v;
            }
        }
        if (empty == HASHES) {
            Arrays.fill(minima, -1);
        } else if (empty > 0) {
            densify(minima, filled);
        }
        return new TextSketch(fingerprintOf(folded), folded.length(), toBytes(minima), ONE_PERMUTATION);
    }

    /**
     * The sketch of {@code text} as earlier versions made it ({@link #K_HASHES}: every shingle hashed
     * by each of {@value #HASHES} functions); kept to compare the two schemes' verdicts and speed.
     */
    static TextSketch ofKHashes(String text) {
        String folded = fold(text);
        int[] minima = new int[HASHES];
        Arrays.fill(minima, -1);
        int shingles = shingleCount(folded);
        for (int start = 0; start < shingles; start++) {
            long h = shingleHash(folded, start);
            for (int f = 0; f < HASHES; f++) {
                int v = (int) ((A[f] * h + B[f]) >>> 32);
                if (Integer.compareUnsigned(v, minima[f]) < 0) {
                    minima[f] = v;
                }
            }
        }
        return new TextSketch(fingerprintOf(folded), folded.length(), toBytes(minima), K_HASHES);
    }

    /**
     * Fills each empty bin with the value of the first filled bin of a sequence of bins drawn from a
     * hash of (empty bin, attempt): the sequence depends on the bin only, never on the text, so two
     * texts that fill the same bins borrow alike (the densification keeps the estimate unbiased).
     */
    private static void densify(int[] minima, boolean[] filled) {
        int[] source = minima.clone();
        for (int bin = 0; bin < HASHES; bin++) {
            if (filled[bin]) {
                continue;
            }
            for (long attempt = 1; ; attempt++) {
                int from = (int) (mix(0x243f6a8885a308d3L * (bin + 1) + attempt * 0x9e3779b97f4a7c15L) >>> (64 - BIN_BITS));
                if (filled[from]) {
                    minima[bin] = source[from];
                    break;
                }
            }
        }
    }

    private static int shingleCount(String folded) {
        return folded.isEmpty() ? 0 : Math.max(1, folded.length() - SHINGLE + 1);
    }

    /** The 64-bit hash of the shingle at {@code start} (a shorter text is one shingle). */
    private static long shingleHash(String folded, int start) {
        long h = 0xcbf29ce484222325L;
        int end = Math.min(folded.length(), start + SHINGLE);
        for (int i = start; i < end; i++) {
            h = (h ^ folded.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    private static String fingerprintOf(String folded) {
        return PageIds.sha256Hex(folded);
    }

    private static byte[] toBytes(int[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(HASHES * 4);
        for (int v : values) {
            bytes.putInt(v);
        }
        return bytes.array();
    }

    /**
     * The estimated Jaccard similarity of two texts' shingle sets: 1 for the same fingerprint, else
     * the share of equal values, 0..1; 0 when the two sketches are of different schemes (their values
     * cannot be compared; only an exact copy is recognised then).
     */
    public double similarity(TextSketch other) {
        if (fingerprint.equals(other.fingerprint)) {
            return 1.0;
        }
        if (!scheme.equals(other.scheme)) {
            return 0.0;
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
            // the scheme in the seed: a stored sketch of the other scheme shares no key by chance
            long h = 0xcbf29ce484222325L ^ band ^ ((long) scheme << 32);
            for (int i = band * rowBytes; i < (band + 1) * rowBytes; i++) {
                h = (h ^ (minHash[i] & 0xff)) * 0x100000001b3L;
            }
            keys[band] = mix(h);
        }
        return keys;
    }

    /**
     * Letters and digits only, accents and case folded away: the text decomposed (NFKD), its marks
     * removed, lower-cased, everything but letters and digits dropped. Done word by word (words cut at
     * ASCII whitespace, which no decomposition, mark or case rule crosses): a word of ASCII only is
     * folded in place, any other word the general way. The same result as {@link #foldWhole}.
     */
    static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        int start = 0;
        boolean ascii = true;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                if (start < i) {
                    if (ascii) {
                        for (int k = start; k < i; k++) {
                            char a = text.charAt(k);
                            if (a >= 'a' && a <= 'z' || a >= '0' && a <= '9') {
                                out.append(a);
                            } else if (a >= 'A' && a <= 'Z') {
                                out.append((char) (a + ('a' - 'A')));
                            }
                        }
                    } else if (!foldByChars(text, start, i, out)) {
                        out.append(foldWhole(text.substring(start, i)));
                    }
                }
                start = i + 1;
                ascii = true;
            } else if (c >= 128) {
                ascii = false;
            }
        }
        return out.toString();
    }

    /**
     * {@link #foldWhole} of each BMP character met so far, or {@link #BY_WORD} for one that must be folded
     * with its word (null: not met yet). Written without a lock: a slot is computed again at worst.
     */
    private static final String[] CHAR_FOLDS = new String[65536];
    /** Marks a character whose fold depends on its neighbours: its lower case does (a capital sigma, or what decomposes to one). */
    private static final String BY_WORD = new String("by word");

    /**
     * Appends the fold of text[start, end) made from its characters' folds, and says whether it could:
     * decomposition, mark removal and the letter-and-digit filter work character by character (the
     * decomposition's reordering moves only marks, which are all dropped), and so does lower-casing
     * but for the capital sigma (final or not by its neighbours); a word with one, or with a character
     * outside the BMP, is left to {@link #foldWhole}. {@code TextSketchTest} holds the two to one result.
     */
    private static boolean foldByChars(String text, int start, int end, StringBuilder out) {
        int mark = out.length();
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c < 128) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    out.append(c);
                } else if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + ('a' - 'A')));
                }
                continue;
            }
            String folded = Character.isSurrogate(c) ? BY_WORD : CHAR_FOLDS[c];
            if (folded == null) {
                String one = String.valueOf(c);
                folded = Normalizer.normalize(one, Normalizer.Form.NFKD).indexOf('\u03a3') >= 0 ? BY_WORD : foldWhole(one);
                CHAR_FOLDS[c] = folded;
            }
            if (folded == BY_WORD) {
                out.setLength(mark);
                return false;
            }
            out.append(folded);
        }
        return true;
    }

    /** {@link #fold} of the whole text at once, as earlier versions did it (fingerprints stay the same). */
    static String foldWhole(String text) {
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
                && scheme.equals(t.scheme) && Arrays.equals(minHash, t.minHash);
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
