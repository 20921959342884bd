package io.filmwire.enrich.streams;

import io.filmwire.enrich.extract.site.SiteObservation;
import io.filmwire.enrich.extract.site.SiteProfile;
import io.filmwire.enrich.extract.site.SiteProfiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Site profiles in a Kafka Streams key-value store (site -> {@link SiteProfile}), changelogged, so a
 * restarted or moved task knows what its sites' templates look like. Each profile is bounded by
 * {@link SiteProfile}; sites not fed for the retention are forgotten by {@link #forgetOlderThan}. The
 * profiles of the last {@value #RECENT_SITES} sites fed are also kept as objects, so that the next page
 * of a site does not read its profile back from the store. Not thread-safe: one per task, as its store.
 */
final class StoreSiteProfiles implements SiteProfiles {

    /** Sites whose last profile put is kept read: a full one takes 2.5 ms to read back from the store. */
    static final int RECENT_SITES = 8;

    private final KeyValueStore<String, SiteProfile> store;
    /**
     * The profiles this instance put last, by site, least recently used first: what the store holds for
     * them, since only this instance writes its task's store while the task runs (a task started again,
     * after a crash or an aborted transaction, gets a new instance and reads its restored store).
     */
    private final java.util.LinkedHashMap<String, SiteProfile> recent;

    StoreSiteProfiles(KeyValueStore<String, SiteProfile> store) {
        this(store, RECENT_SITES);
    }

    StoreSiteProfiles(KeyValueStore<String, SiteProfile> store, int recentSites) {
        this.store = store;
        this.recent = new java.util.LinkedHashMap<>(2 * recentSites + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, SiteProfile> eldest) {
                return size() > recentSites;
            }
        };
    }

    @Override
    public SiteProfile get(String site) {
        SiteProfile p = recent.get(site);
        if (p == null) {
            p = store.get(site);
        }
        return p == null ? SiteProfile.empty(site) : p;
    }

    @Override
    public SiteProfile observe(SiteObservation page) {
        SiteProfile updated = get(page.site()).observe(page);
        store.put(page.site(), updated);
        recent.put(page.site(), updated);
        return updated;
    }

    /** Deletes the profiles of sites whose last page is older than {@code retention} before {@code now}; returns how many. */
    int forgetOlderThan(Duration retention, long now) {
        long cutoff = now - retention.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, SiteProfile> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, SiteProfile> e = it.next();
                if (e.value == null || e.value.seenAt() < cutoff) {
                    old.add(e.key);
                }
            }
        }
        for (String site : old) {
            store.delete(site);
            recent.remove(site);
        }
        return old.size();
    }
}
