package io.filmwire.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.extract.site.SiteObservation;
import io.filmwire.enrich.extract.site.SiteProfile;
import io.filmwire.schema.JsonSerde;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class StoreSiteProfilesTest {

    /** A store that keeps what it is given as the store's serde writes it, and counts its reads. */
    private static final class BytesStore {
        final Map<String, byte[]> bytes = new TreeMap<>();
        final JsonSerde<SiteProfile> serde = new JsonSerde<>(SiteProfile.class);
        int reads;

        @SuppressWarnings("unchecked")
        KeyValueStore<String, SiteProfile> store() {
            return (KeyValueStore<String, SiteProfile>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "get" -> {
                            reads++;
                            byte[] b = bytes.get((String) args[0]);
                            yield b == null ? null : serde.deserialize("site-profiles", b);
                        }
                        case "put" -> bytes.put((String) args[0], serde.serialize("site-profiles", (SiteProfile) args[1]));
                        case "delete" -> bytes.remove((String) args[0]);
                        case "all" -> iterator();
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private KeyValueIterator<String, SiteProfile> iterator() {
            Iterator<Map.Entry<String, byte[]>> it = new ArrayList<>(bytes.entrySet()).iterator();
            return new KeyValueIterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<String, SiteProfile> next() {
                    Map.Entry<String, byte[]> e = it.next();
                    return KeyValue.pair(e.getKey(), serde.deserialize("site-profiles", e.getValue()));
                }

                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    private static SiteObservation page(Random random, String site, int n, long at) {
        long[] blocks = new long[20];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = i < 12 ? i : random.nextLong(); // a template's blocks, and the page's own
        }
        return new SiteObservation(site, "https://" + site + "/film/" + n, "topic " + n,
                List.of("Film " + n + " | " + site), blocks, at);
    }

    @Test
    void profilesKeptReadAreWhatTheStoreGivesBackAndSpareItsReads() {
        BytesStore kept = new BytesStore();
        BytesStore plain = new BytesStore();
        StoreSiteProfiles withRecent = new StoreSiteProfiles(kept.store());
        StoreSiteProfiles storeOnly = new StoreSiteProfiles(plain.store(), 0);
        Random random = new Random(14);
        int sites = StoreSiteProfiles.RECENT_SITES + 8; // more sites than are kept read
        int pages = 0;
        for (int n = 0; n < 600; n++) {
            // mostly a few busy sites, sometimes any of them
            String site = "site" + (random.nextInt(4) == 0 ? random.nextInt(sites) : random.nextInt(3)) + ".example";
            long seed = random.nextLong();
            SiteProfile a = withRecent.observe(page(new Random(seed), site, n, 1_000L * n));
            SiteProfile b = storeOnly.observe(page(new Random(seed), site, n, 1_000L * n));
            assertThat(a).as("page %d", n).isEqualTo(b);
            assertThat(withRecent.get(site)).isEqualTo(kept.serde.deserialize("x", kept.bytes.get(site)));
            pages++;
        }
        assertThat(plain.reads).isEqualTo(pages);
        assertThat(kept.reads).as("reads of the store with the last sites kept").isLessThan(pages / 3);
        assertThat(kept.bytes.keySet()).isEqualTo(plain.bytes.keySet());

        // a site forgotten is forgotten in both, though the last one fed (so kept read)
        withRecent.observe(page(new Random(1), "quiet.example", 0, 0L));
        storeOnly.observe(page(new Random(1), "quiet.example", 0, 0L));
        int forgotten = withRecent.forgetOlderThan(Duration.ofMillis(1_000L * 300), 1_000L * 600);
        assertThat(forgotten).isEqualTo(storeOnly.forgetOlderThan(Duration.ofMillis(1_000L * 300), 1_000L * 600));
        assertThat(forgotten).isPositive();
        assertThat(withRecent.get("quiet.example")).isEqualTo(SiteProfile.empty("quiet.example"));
        for (int s = 0; s < sites; s++) {
            String site = "site" + s + ".example";
            assertThat(withRecent.get(site)).isEqualTo(storeOnly.get(site));
        }
    }
}
