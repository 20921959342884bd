package io.filmwire.enrich.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link DedupIndex} in maps, for the offline commands and tests: nothing expires. Not thread-safe. */
public final class MemoryDedupIndex implements DedupIndex {

    private final Map<String, PageSignature> pages = new HashMap<>();
    private final Map<String, Set<String>> keys = new HashMap<>();

    @Override
    public PageSignature latest(String pageId) {
        return pages.get(pageId);
    }

    @Override
    public Collection<String> pagesWithKey(String key) {
        List<String> out = new ArrayList<>(keys.getOrDefault(key, Set.of()));
        java.util.Collections.reverse(out);
        return out;
    }

    @Override
    public void rememberPage(PageSignature signature) {
        pages.put(signature.pageId(), signature);
    }

    @Override
    public void rememberKeys(String pageId, Collection<String> lookupKeys, Instant at) {
        for (String key : lookupKeys) {
            Set<String> ids = keys.computeIfAbsent(key, k -> new LinkedHashSet<>());
            ids.remove(pageId);
            ids.add(pageId);
        }
    }
}
