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
 * {@link SiteProfile}; sites not fed for the retention are forgotten by {@link #forgetOlderThan}.
 * Not thread-safe: one per task, as its store.
 */
final class StoreSiteProfiles implements SiteProfiles {

    private final KeyValueStore<String, SiteProfile> store;

    StoreSiteProfiles(KeyValueStore<String, SiteProfile> store) {
        this.store = store;
    }

    @Override
    public SiteProfile get(String site) {
        SiteProfile p = store.get(site);
        return p == null ? SiteProfile.empty(site) : p;
    }

    @Override
    public SiteProfile observe(SiteObservation page) {
        SiteProfile updated = get(page.site()).observe(page);
        store.put(page.site(), updated);
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
        old.forEach(store::delete);
        return old.size();
    }
}
