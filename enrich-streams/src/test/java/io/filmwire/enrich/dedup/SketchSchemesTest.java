package io.filmwire.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.clean.ArticleCleaner;
import io.filmwire.schema.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-permutation sketch gives the verdicts the {@value TextSketch#HASHES}-hash MinHash gave, on
 * the articles of the real, wide and aeb sets of the shared corpus and near copies of them; and a
 * sketch stored by the earlier version is still read and never mistaken for a near copy.
 */
class SketchSchemesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String PROMOTION = "Sponsored: stream four thousand films free for thirty days with CineMax"
            + " Plus. Cancel any time, terms apply. Sign up to our newsletter for the week's best films.";

    private static List<String> articles;

    /** The articles of the three sets, as the cleaner gives them (read once). */
    private static synchronized List<String> articles() {
        if (articles != null) {
            return articles;
        }
        ArticleCleaner cleaner = new ArticleCleaner();
        List<String> out = new ArrayList<>();
        for (String set : List.of("real", "wide", "aeb/html")) {
            for (SharedCorpus.Page page : SharedCorpus.pages(set)) {
                var raw = page.raw(page.name(), null, T0);
                out.add(page.contentType().equals(io.filmwire.schema.RawPage.TEXT) ? cleaner.cleanText(raw).text()
                        : cleaner.cleanPage(raw).text());
            }
        }
        articles = List.copyOf(out);
        return articles;
    }

    /** Near copies of an article: a promotion in the middle and its last tenth cut, or the promotion at both ends. */
    private static List<String> nearCopies(String text) {
        int middle = text.indexOf("\n\n", text.length() / 2);
        String withPromotion = middle < 0 ? text + "\n\n" + PROMOTION
                : text.substring(0, middle) + "\n\n" + PROMOTION + text.substring(middle);
        return List.of(withPromotion.substring(0, withPromotion.length() * 9 / 10),
                PROMOTION + "\n\n" + text + "\n\n" + PROMOTION);
    }

    private static boolean nearDuplicate(TextSketch a, TextSketch b) {
        return a.chars() >= Deduplicator.MIN_CHARS && b.chars() >= Deduplicator.MIN_CHARS
                && a.similarity(b) >= Deduplicator.DEFAULT_THRESHOLD;
    }

    /** The exact Jaccard similarity of the two texts' shingle sets. */
    private static double jaccard(String a, String b) {
        java.util.Set<String> x = shingles(a);
        java.util.Set<String> y = shingles(b);
        int union = x.size() + y.size();
        x.retainAll(y);
        union -= x.size();
        return union == 0 ? 1.0 : x.size() / (double) union;
    }

    private static java.util.Set<String> shingles(String text) {
        String folded = TextSketch.fold(text);
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i + TextSketch.SHINGLE <= folded.length(); i++) {
            out.add(folded.substring(i, i + TextSketch.SHINGLE));
        }
        return out;
    }

    /**
     * Every pair of two articles, and every article with its near copies. A pair whose true
     * similarity is within {@value #BORDER} of the threshold may go either way by either sketch's
     * error (about 0.04 each): those are counted, not asserted; every other pair must be judged alike.
     */
    @Test
    void everyPairOfArticlesAndNearCopiesGetsTheSameVerdictFromBothSketches() {
        List<String> originals = articles();
        List<List<String>> groups = new ArrayList<>();
        for (String text : originals) {
            List<String> group = new ArrayList<>();
            group.add(text);
            group.addAll(nearCopies(text));
            groups.add(group);
        }
        List<TextSketch> kHashes = originals.stream().map(TextSketch::ofKHashes).toList();
        List<TextSketch> onePermutation = originals.stream().map(TextSketch::of).toList();

        int pairs = 0;
        int copies = 0;
        int border = 0;
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                pairs++;
                if (judgedOtherwise(kHashes.get(i), onePermutation.get(i), kHashes.get(j), onePermutation.get(j))) {
                    double exact = jaccard(originals.get(i), originals.get(j));
                    if (Math.abs(exact - Deduplicator.DEFAULT_THRESHOLD) < BORDER) {
                        border++;
                    } else {
                        differing.add("articles " + i + " and " + j + " (Jaccard " + exact + ")");
                    }
                }
            }
            for (String copy : groups.get(i).subList(1, groups.get(i).size())) {
                pairs++;
                TextSketch before = TextSketch.ofKHashes(copy);
                TextSketch after = TextSketch.of(copy);
                copies += nearDuplicate(after, onePermutation.get(i)) ? 1 : 0;
                if (judgedOtherwise(kHashes.get(i), onePermutation.get(i), before, after)) {
                    double exact = jaccard(originals.get(i), copy);
                    if (Math.abs(exact - Deduplicator.DEFAULT_THRESHOLD) < BORDER) {
                        border++;
                    } else {
                        differing.add("article " + i + " and its copy (Jaccard " + exact + ")");
                    }
                }
            }
        }
        System.out.printf("sketch schemes: %d pairs, %d near copies found, %d judged otherwise at the border%n",
                pairs, copies, border);
        assertThat(differing).as("pairs judged otherwise by the two sketches (of %d)", pairs).isEmpty();
        assertThat(copies).as("near copies recognised").isGreaterThan(originals.size());
        assertThat(border).as("pairs at the border judged otherwise").isLessThanOrEqualTo(3);
    }

    private static final double BORDER = 0.1;

    private static boolean judgedOtherwise(TextSketch beforeA, TextSketch afterA, TextSketch beforeB, TextSketch afterB) {
        return nearDuplicate(beforeA, beforeB) != nearDuplicate(afterA, afterB);
    }

    @Test
    void theDeduplicatorGivesTheSameVerdictsWithEitherSketch() {
        List<String> texts = new ArrayList<>();
        for (String text : articles()) {
            texts.add(text);
            texts.addAll(nearCopies(text));
        }
        List<String> before = verdicts(texts, true);
        List<String> after = verdicts(texts, false);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(before.get(i) + " -> " + after.get(i));
            }
        }
        // at most the border pairs of the test above may go the other way
        assertThat(changed).hasSizeLessThanOrEqualTo(3);
        assertThat(after).filteredOn(v -> v.contains("duplicate")).hasSizeGreaterThan(texts.size() / 3);
    }

    private static List<String> verdicts(List<String> texts, boolean kHashes) {
        Deduplicator dedup = new Deduplicator();
        MemoryDedupIndex index = new MemoryDedupIndex();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            TextSketch sketch = kHashes ? TextSketch.ofKHashes(texts.get(i)) : TextSketch.of(texts.get(i));
            Verdict v = dedup.judge(new PageSignature("p" + i, null, T0.plusSeconds(i), sketch, "facts-" + i, null), index);
            out.add(v.pageId() + " " + v.kind().id() + " " + v.duplicateOf());
        }
        return out;
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSketchStoredByTheEarlierVersionIsReadAndComparedOnItsFingerprintOnly() {
        String text = "Gaslight is a 1944 American psychological thriller film directed by George Cukor. ".repeat(8);
        TextSketch old = TextSketch.ofKHashes(text);
        // the JSON the earlier version stored: no scheme
        String stored = "{\"fingerprint\":\"" + old.fingerprint() + "\",\"chars\":" + old.chars() + ",\"minHash\":\""
                + java.util.Base64.getEncoder().encodeToString(old.minHash()) + "\"}";
        TextSketch read = read(stored, TextSketch.class);
        assertThat(read.scheme()).isEqualTo(TextSketch.K_HASHES);
        assertThat(read).isEqualTo(old);

        assertThat(TextSketch.of(text).similarity(read)).as("an exact copy, by fingerprint").isEqualTo(1.0);
        TextSketch nearCopy = TextSketch.of(text + " Sponsored link.");
        assertThat(nearCopy.similarity(read)).as("values of another scheme are not compared").isZero();
        assertThat(TextSketch.ofKHashes(text + " Sponsored link.").similarity(read)).isGreaterThan(Deduplicator.DEFAULT_THRESHOLD);
        long[] oldKeys = read.bandKeys(Deduplicator.BANDS);
        assertThat(nearCopy.bandKeys(Deduplicator.BANDS)).doesNotContain(oldKeys);

        TextSketch now = read(Json.write(nearCopy), TextSketch.class);
        assertThat(now).isEqualTo(nearCopy);
        assertThat(now.scheme()).isEqualTo(TextSketch.ONE_PERMUTATION);

        PageSignature oldSignature = read("{\"pageId\":\"a\",\"seenAt\":\"2026-11-01T00:00:00Z\",\"text\":" + stored
                + ",\"factsHash\":\"f\"}", PageSignature.class);
        assertThat(oldSignature.page()).isNull();
        Deduplicator dedup = new Deduplicator();
        MemoryDedupIndex index = new MemoryDedupIndex();
        index.rememberPage(oldSignature);
        index.rememberKeys("a", Deduplicator.lookupKeys(oldSignature.text()), T0);
        Verdict exact = dedup.judge(new PageSignature("b", null, T0, TextSketch.of(text), "f", null), index);
        assertThat(exact.kind()).isEqualTo(Verdict.Kind.DUPLICATE);
        assertThat(exact.duplicateOf()).isEqualTo("a");
        Verdict near = dedup.judge(new PageSignature("c", null, T0, nearCopy, "f", null), index);
        assertThat(near.kind()).as("a near copy of a page stored with the old sketch is taken as new").isEqualTo(Verdict.Kind.NEW);
    }
}
