package io.filmwire.enrich.extract.site;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where site profiles live: a map for the offline commands, a changelogged state store in
 * enrich-streams. {@link #observe} records a page and returns its site's profile with it.
 */
public interface SiteProfiles {

    /** The profile of {@code site} (empty when unknown). */
    SiteProfile get(String site);

    /** Records {@code page} in its site's profile and returns the updated profile. */
    SiteProfile observe(SiteObservation page);

    /** Profiles that learn nothing: every page is read from its own signals alone. */
    static SiteProfiles none() {
        return new SiteProfiles() {
            @Override
            public SiteProfile get(String site) {
                return SiteProfile.empty(site);
            }

            @Override
            public SiteProfile observe(SiteObservation page) {
                return SiteProfile.empty(page.site());
            }
        };
    }

    /** Profiles in memory, at most {@code maxSites} sites (the least recently updated is forgotten). Not thread-safe. */
    static SiteProfiles inMemory(int maxSites) {
        Map<String, SiteProfile> map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SiteProfile> eldest) {
                return size() > maxSites;
            }
        };
        return new SiteProfiles() {
            @Override
            public SiteProfile get(String site) {
                return map.getOrDefault(site, SiteProfile.empty(site));
            }

            @Override
            public SiteProfile observe(SiteObservation page) {
                SiteProfile updated = get(page.site()).observe(page);
                map.put(page.site(), updated);
                return updated;
            }
        };
    }
}
