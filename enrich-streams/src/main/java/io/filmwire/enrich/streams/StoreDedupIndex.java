package io.filmwire.enrich.streams;

import io.filmwire.enrich.dedup.DedupIndex;
import io.filmwire.enrich.dedup.PageSignature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A {@link DedupIndex} in two window stores, so it forgets what is older than the stores' retention:
 * {@link EnrichTopology#DEDUP_PAGES_STORE} (page id -> signature, one entry per time) and
 * {@link EnrichTopology#DEDUP_KEYS_STORE} (lookup key -> page id, duplicates retained). Entries are
 * stamped with stream time, which never goes back, so the newest entry is the last written. One
 * instance per task.
 */
final class StoreDedupIndex implements DedupIndex {

    /** Most page ids read for one lookup key. */
    private static final int MAX_PAGES_PER_KEY = 64;

    private final WindowStore<String, PageSignature> pages;
    private final WindowStore<String, String> keys;
    private final LongSupplier streamTime;

    StoreDedupIndex(WindowStore<String, PageSignature> pages, WindowStore<String, String> keys, LongSupplier streamTime) {
        this.pages = pages;
        this.keys = keys;
        this.streamTime = streamTime;
    }

    @Override
    public PageSignature latest(String pageId) {
        try (WindowStoreIterator<PageSignature> it = pages.backwardFetch(pageId, 0L, Long.MAX_VALUE)) {
            return it.hasNext() ? it.next().value : null;
        }
    }

    @Override
    public Collection<String> pagesWithKey(String key) {
        Set<String> out = new LinkedHashSet<>();
        try (WindowStoreIterator<String> it = keys.backwardFetch(key, 0L, Long.MAX_VALUE)) {
            while (it.hasNext() && out.size() < MAX_PAGES_PER_KEY) {
                out.add(it.next().value);
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public void rememberPage(PageSignature signature) {
        pages.put(signature.pageId(), signature, now());
    }

    @Override
    public void rememberKeys(String pageId, Collection<String> lookupKeys, Instant at) {
        long now = now();
        for (String key : List.copyOf(lookupKeys)) {
            keys.put(key, pageId, now);
        }
    }

    private long now() {
        return Math.max(0L, streamTime.getAsLong());
    }
}
