package io.filmwire.publish.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link PageViews} remembers of each page, in two maps bounded to the last {@code kept} pages
 * seen (the oldest forgotten first): where its latest version is on pages.clean, and what
 * deduplication recorded of it (its signature as enrich-streams' {@code dedup-pages} store holds it:
 * the page it copies, or none, and its text fingerprint). Thread-safe.
 */
final class PageIndex {

    /** Where a page's latest clean version is. */
    record At(int partition, long offset) {
    }

    /** What deduplication remembered of a page: the page it copies (null: kept), its text fingerprint, when seen. */
    record Dedup(String duplicateOf, String fingerprint, String seenAt) {
    }

    private final int kept;
    private final Map<String, At> clean;
    private final Map<String, Dedup> dedup;

    PageIndex(int kept) {
        this.kept = kept;
        this.clean = bounded();
        this.dedup = bounded();
    }

    private <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > kept;
            }
        };
    }

    /** Notes the latest clean version of {@code pageId}. */
    void cleanAt(String pageId, int partition, long offset) {
        synchronized (clean) {
            clean.remove(pageId);
            clean.put(pageId, new At(partition, offset));
        }
    }

    /** Where the latest clean version of {@code pageId} is, or null. */
    At cleanAt(String pageId) {
        synchronized (clean) {
            return clean.get(pageId);
        }
    }

    /** Notes a page signature (JSON with {@code pageId}, {@code duplicateOf}, {@code text.fingerprint}, {@code seenAt}); false when unreadable. */
    boolean signature(byte[] json) {
        try {
            JsonNode sig = Json.mapper().readTree(json);
            String pageId = sig.path("pageId").asText(null);
            if (pageId == null) {
                return false;
            }
            JsonNode original = sig.path("duplicateOf");
            Dedup d = new Dedup(original.isTextual() ? original.asText() : null,
                    sig.path("text").path("fingerprint").asText(null), sig.path("seenAt").asText(null));
            synchronized (dedup) {
                dedup.remove(pageId);
                dedup.put(pageId, d);
            }
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The dedup verdict: {@code verdict} ({@code original}: kept; {@code duplicate}: the same folded
     * text as the page it copies; {@code near-duplicate}: a similar text), {@code duplicateOf},
     * {@code seenAt}, and {@code copies} (at most 100): the pages judged copies of this one. Null when
     * the page was not seen.
     */
    Map<String, Object> verdict(String pageId) {
        Dedup d;
        Dedup original = null;
        List<String> copies = new ArrayList<>();
        synchronized (dedup) {
            d = dedup.get(pageId);
            if (d == null) {
                return null;
            }
            dedup.forEach((id, other) -> {
                if (pageId.equals(other.duplicateOf()) && !pageId.equals(id) && copies.size() < 100) {
                    copies.add(id);
                }
            });
            if (d.duplicateOf() != null) {
                original = dedup.get(d.duplicateOf());
            }
        }
        boolean kept = d.duplicateOf() == null || d.duplicateOf().equals(pageId);
        String verdict = kept ? "original"
                : original != null && d.fingerprint() != null && d.fingerprint().equals(original.fingerprint())
                ? "duplicate" : "near-duplicate";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", verdict);
        out.put("duplicateOf", kept ? null : d.duplicateOf());
        out.put("seenAt", d.seenAt());
        out.put("copies", copies);
        return out;
    }

    /** The pages seen on pages.clean, oldest first, that deduplication did not judge copies. */
    List<String> keptPages() {
        List<String> ids;
        synchronized (clean) {
            ids = new ArrayList<>(clean.keySet());
        }
        synchronized (dedup) {
            ids.removeIf(id -> {
                Dedup d = dedup.get(id);
                return d != null && d.duplicateOf() != null && !d.duplicateOf().equals(id);
            });
        }
        return ids;
    }
}
