package io.filmwire.publish.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageIndexTest {

    private static byte[] signature(String pageId, String duplicateOf, String fingerprint) {
        String dup = duplicateOf == null ? "null" : "\"" + duplicateOf + "\"";
        return ("{\"pageId\":\"" + pageId + "\",\"url\":null,\"seenAt\":\"2026-12-02T10:00:00Z\",\"text\":{\"fingerprint\":\""
                + fingerprint + "\",\"chars\":400,\"minHash\":\"AAAA\"},\"factsHash\":\"f\",\"duplicateOf\":" + dup
                + ",\"fetchedAt\":null}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tellsAnOriginalAnExactCopyAndANearCopyAndListsTheCopies() {
        PageIndex index = new PageIndex(100);
        assertThat(index.signature(signature("a", null, "f1"))).isTrue();
        index.signature(signature("b", "a", "f1"));
        index.signature(signature("c", "a", "f2"));
        Map<String, Object> a = index.verdict("a");
        assertThat(a.get("verdict")).isEqualTo("original");
        assertThat(a.get("duplicateOf")).isNull();
        assertThat(a.get("copies")).asList().containsExactly("b", "c");
        assertThat(index.verdict("b")).containsEntry("verdict", "duplicate").containsEntry("duplicateOf", "a");
        assertThat(index.verdict("c")).containsEntry("verdict", "near-duplicate").containsEntry("duplicateOf", "a");
        assertThat(index.verdict("unseen")).isNull();
    }

    @Test
    void aPageKeptAgainIsAnOriginalAndTheLatestSignatureWins() {
        PageIndex index = new PageIndex(100);
        index.signature(signature("a", null, "f1"));
        index.signature(signature("b", "a", "f1"));
        index.signature(signature("b", null, "f3")); // changed since: kept
        assertThat(index.verdict("b")).containsEntry("verdict", "original");
        index.signature(signature("r", "r", "f4")); // a refetch of a kept page names itself
        assertThat(index.verdict("r")).containsEntry("verdict", "original");
    }

    @Test
    void keptPagesLeaveOutCopiesAndTheMapsStayBounded() {
        PageIndex index = new PageIndex(3);
        for (String id : new String[]{"p1", "p2", "p3", "p4"}) {
            index.cleanAt(id, 0, id.charAt(1));
        }
        assertThat(index.cleanAt("p1")).as("the oldest forgotten").isNull();
        assertThat(index.cleanAt("p4")).isEqualTo(new PageIndex.At(0, '4'));
        index.signature(signature("p2", null, "x"));
        index.signature(signature("p3", "p2", "x"));
        assertThat(index.keptPages()).containsExactly("p2", "p4");
        for (int i = 0; i < 10; i++) {
            index.signature(signature("q" + i, null, "y" + i));
        }
        assertThat(index.verdict("p2")).isNull();
        assertThat(index.signature("not json".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
