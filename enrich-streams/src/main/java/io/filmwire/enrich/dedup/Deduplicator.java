package io.filmwire.enrich.dedup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * First copy wins: a page whose article repeats, exactly or nearly, the article of a page kept
 * earlier is a duplicate of that page and its works are not used; the same page id with changed
 * text or facts is an update, never a duplicate of itself.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>The page id was seen with the same text fingerprint and the same facts: {@code refetch}.</li>
 *   <li>Another kept page has the same bytes, or the same page content (its visible text without
 *       furniture, with its title and structured data: see {@link PageFingerprint}): {@code
 *       duplicate} of it, similarity 1, whatever the length of its article (ties: the earliest, then
 *       the smallest id).</li>
 *   <li>Another kept page has the same article fingerprint, or a MinHash similarity of at least
 *       {@code threshold}: {@code duplicate} of the most similar one (ties as above).</li>
 *   <li>Otherwise {@code new}, or {@code update} when the page id was seen before.</li>
 * </ol>
 * Rule 2 compares on similarity only articles of at least {@value #MIN_CHARS} letters and digits:
 * shorter ones are mostly site template (the IMDb full-credits pages of the real set keep 160-250
 * characters that differ only in the film's title), too little text to tell a near-copy from a
 * sibling page. A shorter article is still a duplicate of a kept page with exactly its text (the
 * same fingerprint of the folded text, so other ads, navigation, spacing and entities do not count)
 * and the same extracted facts: an exact copy whatever its length, while two films of one site,
 * whose texts or facts differ at least in the title, are never linked.
 *
 * <p>Rule 2 is what catches copies of template-heavy pages, whose article is short or empty (a page
 * of structured data and a title, a streaming page whose cleaner finds no article): the same bytes
 * or the same content are a copy whatever their length, and since the furniture is left out, other
 * ads, navigation, headers and footers around the same content do not count; two films of one site
 * always differ in their content (at least the title), so they are never linked.
 *
 * <p>Candidates come from the index by lookup keys: the page's bytes and content fingerprints, the
 * article fingerprint and {@value #BANDS} bands of
 * {@value #ROWS} MinHash rows. Two texts of similarity 0.6 share a band with probability 0.99, of
 * 0.75 with probability above 0.9999; every candidate is then compared on the whole sketch.
 *
 * <p>Why 0.6: on the real pages (shared corpus), copies made with other ads, other navigation,
 * whitespace and tracking parameters keep a similarity of 0.75 or more (the least: a 550-character
 * streaming page with a sponsor paragraph and a new menu), while different pages of articles of 300
 * characters or more are at most 0.34 apart (two sparse IMDb title pages of one layout); 0.6 leaves
 * both margins well beyond the sketch's error of 0.04. Stateless apart from the index; thread-safe.
 */
public final class Deduplicator {

    /** The default similarity from which a page is a near-duplicate. */
    public static final double DEFAULT_THRESHOLD = 0.6;
    /** Articles shorter than this (letters and digits) are compared with their own page only. */
    public static final int MIN_CHARS = 300;
    /** MinHash bands used as lookup keys. */
    public static final int BANDS = 32;
    /** MinHash values per band. */
    public static final int ROWS = TextSketch.HASHES / BANDS;
    /** Most candidates compared per lookup key (the most recent pages). */
    static final int MAX_CANDIDATES_PER_KEY = 16;

    private final double threshold;

    public Deduplicator(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("similarity threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    public Deduplicator() {
        this(DEFAULT_THRESHOLD);
    }

    /** Judges {@code page} against {@code index} and remembers it there. */
    public Verdict judge(PageSignature page, DedupIndex index) {
        Objects.requireNonNull(page, "page");
        PageSignature previous = index.latest(page.pageId());
        if (previous != null && page.fetchedBefore(previous)) {
            return new Verdict(page.pageId(), Verdict.Kind.STALE, null, null, false);
        }
        if (previous != null && previous.text().fingerprint().equals(page.text().fingerprint())
                && Objects.equals(previous.factsHash(), page.factsHash())) {
            index.rememberPage(page.withDuplicateOf(previous.duplicateOf()));
            return new Verdict(page.pageId(), Verdict.Kind.REFETCH,
                    previous.duplicateOf() == null ? page.pageId() : previous.duplicateOf(), 1.0, false);
        }
        Match best = samePage(page, index);
        if (best == null) {
            best = mostSimilar(page, index);
        }
        if (best != null && best.similarity() >= threshold) {
            index.rememberPage(page.withDuplicateOf(best.page().pageId()));
            boolean withdraws = previous != null && previous.duplicateOf() == null;
            return new Verdict(page.pageId(), Verdict.Kind.DUPLICATE, best.page().pageId(), best.similarity(), withdraws);
        }
        index.rememberPage(page);
        List<String> keys = new ArrayList<>(pageKeys(page.page()));
        if (page.text().chars() >= MIN_CHARS) {
            keys.addAll(lookupKeys(page.text()));
        } else if (page.text().chars() > 0) {
            keys.add(fingerprintKey(page.text()));
        }
        if (!keys.isEmpty()) {
            index.rememberKeys(page.pageId(), keys, page.seenAt());
        }
        return new Verdict(page.pageId(), previous == null ? Verdict.Kind.NEW : Verdict.Kind.UPDATE, null,
                best == null ? null : best.similarity(), false);
    }

    /** The lookup keys of a sketch: its fingerprint and its band keys. */
    static List<String> lookupKeys(TextSketch text) {
        List<String> keys = new ArrayList<>(BANDS + 1);
        keys.add(fingerprintKey(text));
        long[] bands = text.bandKeys(BANDS);
        for (int i = 0; i < bands.length; i++) {
            keys.add("b" + i + ":" + Long.toHexString(bands[i]));
        }
        return keys;
    }

    private static String fingerprintKey(TextSketch text) {
        return "f:" + text.fingerprint();
    }

    /** The lookup keys of a page's fingerprints: its bytes, and its content when it has some. */
    static List<String> pageKeys(PageFingerprint page) {
        if (page == null) {
            return List.of();
        }
        return page.contentChars() > 0 ? List.of("p:" + page.bytes(), "c:" + page.content()) : List.of("p:" + page.bytes());
    }

    /** True when the two fingerprints are of one page: the same bytes, or the same (non-empty) content. */
    private static boolean samePage(PageFingerprint a, PageFingerprint b) {
        return a != null && b != null && (a.bytes().equals(b.bytes())
                || a.contentChars() > 0 && a.contentChars() == b.contentChars() && a.content().equals(b.content()));
    }

    /** A kept page with the bytes or the content of {@code page}, or null. */
    private static Match samePage(PageSignature page, DedupIndex index) {
        Match best = null;
        for (String key : pageKeys(page.page())) {
            int taken = 0;
            for (String id : index.pagesWithKey(key)) {
                if (taken++ >= MAX_CANDIDATES_PER_KEY) {
                    break;
                }
                PageSignature other = id.equals(page.pageId()) ? null : index.latest(id);
                if (other == null || other.duplicateOf() != null || !samePage(page.page(), other.page())) {
                    continue;
                }
                if (best == null || isBetter(1.0, other, best)) {
                    best = new Match(other, 1.0);
                }
            }
        }
        return best;
    }

    private record Match(PageSignature page, double similarity) {
    }

    /** A kept page with exactly the short text and the facts of {@code page}, or null. */
    private static Match exactCopy(PageSignature page, DedupIndex index) {
        if (page.text().chars() == 0) {
            return null;
        }
        Match best = null;
        int taken = 0;
        for (String id : index.pagesWithKey(fingerprintKey(page.text()))) {
            if (taken++ >= MAX_CANDIDATES_PER_KEY) {
                break;
            }
            PageSignature other = id.equals(page.pageId()) ? null : index.latest(id);
            if (other == null || other.duplicateOf() != null
                    || !other.text().fingerprint().equals(page.text().fingerprint())
                    || !Objects.equals(other.factsHash(), page.factsHash())) {
                continue;
            }
            if (best == null || isBetter(1.0, other, best)) {
                best = new Match(other, 1.0);
            }
        }
        return best;
    }

    /** The kept page most similar to {@code page} among the candidates of its lookup keys, or null. */
    private static Match mostSimilar(PageSignature page, DedupIndex index) {
        if (page.text().chars() < MIN_CHARS) {
            return exactCopy(page, index);
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (String key : lookupKeys(page.text())) {
            int taken = 0;
            for (String id : index.pagesWithKey(key)) {
                if (taken++ >= MAX_CANDIDATES_PER_KEY) {
                    break;
                }
                if (!id.equals(page.pageId())) {
                    candidates.add(id);
                }
            }
        }
        Match best = null;
        for (String id : candidates) {
            PageSignature other = index.latest(id);
            if (other == null || other.duplicateOf() != null || other.text().chars() < MIN_CHARS) {
                continue;
            }
            double similarity = page.text().similarity(other.text());
            if (best == null || isBetter(similarity, other, best)) {
                best = new Match(other, similarity);
            }
        }
        return best;
    }

    private static boolean isBetter(double similarity, PageSignature other, Match best) {
        if (similarity != best.similarity()) {
            return similarity > best.similarity();
        }
        int byTime = other.seenAt().compareTo(best.page().seenAt());
        return byTime != 0 ? byTime < 0 : other.pageId().compareTo(best.page().pageId()) < 0;
    }
}
