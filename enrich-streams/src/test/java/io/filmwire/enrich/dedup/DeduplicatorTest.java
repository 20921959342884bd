package io.filmwire.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private final Deduplicator dedup = new Deduplicator();
    private final MemoryDedupIndex index = new MemoryDedupIndex();
    private int second;

    private static String article(long seed, int words) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            out.add(Integer.toString(random.nextInt(1 << 20), 36));
        }
        return String.join(" ", out);
    }

    private Verdict judge(String pageId, String text, String factsHash) {
        return dedup.judge(new PageSignature(pageId, null, T0.plusSeconds(second++), TextSketch.of(text), factsHash, null), index);
    }

    private Verdict judge(String pageId, String text) {
        return judge(pageId, text, "facts");
    }

    @Test
    void anExactCopyUnderAnotherIdIsADuplicateOfTheFirst() {
        String text = article(1, 120);
        assertThat(judge("a", text).kind()).isEqualTo(Verdict.Kind.NEW);
        Verdict copy = judge("b", text.toUpperCase());
        assertThat(copy.kind()).isEqualTo(Verdict.Kind.DUPLICATE);
        assertThat(copy.duplicateOf()).isEqualTo("a");
        assertThat(copy.similarity()).isEqualTo(1.0);
        assertThat(copy.withdraws()).isFalse();
    }

    @Test
    void aCopyOfACopyPointsToTheOriginal() {
        String text = article(2, 150);
        judge("original", text);
        judge("copy", text + " Sponsored link.");
        Verdict second = judge("copy-of-copy", text + " Sponsored link. Share this.");
        assertThat(second.duplicateOf()).isEqualTo("original");
    }

    @Test
    void theSameIdWithTheSameTextAndFactsIsARefetchAndWithOtherFactsAnUpdate() {
        String text = article(3, 120);
        judge("a", text, "facts-1");
        assertThat(judge("a", text, "facts-1").kind()).isEqualTo(Verdict.Kind.REFETCH);
        assertThat(judge("a", text, "facts-2").kind()).isEqualTo(Verdict.Kind.UPDATE);
        assertThat(judge("a", text + " One more sentence at the end.", "facts-2").kind()).isEqualTo(Verdict.Kind.UPDATE);
    }

    @Test
    void aKeptPageThatBecomesACopyOfAnotherWithdrawsItsWorks() {
        String first = article(4, 120);
        String second = article(5, 120);
        judge("a", first);
        judge("b", second);
        Verdict now = judge("b", first);
        assertThat(now.kind()).isEqualTo(Verdict.Kind.DUPLICATE);
        assertThat(now.duplicateOf()).isEqualTo("a");
        assertThat(now.withdraws()).isTrue();
        assertThat(judge("b", first).kind()).isEqualTo(Verdict.Kind.REFETCH);
    }

    @Test
    void aShortArticleIsADuplicateOnlyOfAnExactCopyWithTheSameFacts() {
        String text = "Waar (2013) See also Release Dates Official Sites Company Credits Filming Locations";
        assertThat(TextSketch.of(text).chars()).isLessThan(Deduplicator.MIN_CHARS);
        judge("a", text, "facts-waar");
        Verdict copy = judge("b", "  Waar (2013)\n See also  Release Dates Official Sites Company Credits Filming Locations ",
                "facts-waar");
        assertThat(copy.kind()).as("the same visible text and facts under another id").isEqualTo(Verdict.Kind.DUPLICATE);
        assertThat(copy.duplicateOf()).isEqualTo("a");

        // a sibling page of the same site template: same words around another film's title, or other facts
        String sibling = text.replace("Waar (2013)", "Zinda (2006)");
        assertThat(judge("c", sibling, "facts-zinda").kind()).isEqualTo(Verdict.Kind.NEW);
        assertThat(judge("d", text, "facts-other-film").kind()).as("same template text, other facts").isEqualTo(Verdict.Kind.NEW);
        assertThat(judge("e", text.substring(0, text.length() - 9), "facts-waar").kind()).as("near, not exact").isEqualTo(Verdict.Kind.NEW);
        assertThat(judge("", "").kind()).isEqualTo(Verdict.Kind.NEW);
        assertThat(judge("f", "").kind()).as("no text is no copy").isEqualTo(Verdict.Kind.NEW);
    }

    @Test
    void aPageSharingHalfItsTextIsNew() {
        String text = article(6, 300);
        judge("a", text);
        String twoThirds = text.substring(0, text.length() * 2 / 3) + " " + article(7, 100);
        Verdict verdict = judge("b", twoThirds);
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NEW);
        // found as a candidate with probability 1 - (1 - 0.5^4)^32 = 0.87; when found, it is under the threshold
        assertThat(verdict.similarity()).satisfiesAnyOf(v -> assertThat(v).isNull(),
                v -> assertThat(v).isBetween(0.35, Deduplicator.DEFAULT_THRESHOLD));
    }

    @Test
    void anUpdatedOriginalIsComparedAsItIsNow() {
        String old = article(8, 150);
        judge("a", old);
        judge("a", article(9, 150));
        assertThat(judge("b", old).kind()).isEqualTo(Verdict.Kind.NEW);
    }

    @Test
    void theThresholdMustBeASimilarity() {
        assertThatThrownBy(() -> new Deduplicator(0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new Deduplicator(1.5)).hasMessageContaining("(0, 1]");
    }
}
