package io.filmwire.enrich.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.filmwire.enrich.extract.site.SiteProfile;
import io.filmwire.schema.JsonSerde;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The site-profile store's serde, which enrich-streams runs twice for every page (read the site's
 * profile, write it back): {@code read} and {@code write} through Filmwire's {@link JsonSerde}, and
 * {@code readInterning} with a mapper that differs only in interning field names (Jackson's default,
 * which the shared mapper turns off). Profiles of {@code blocks} block hashes and the 24 last pages;
 * 3,000 is the bound a site that has fed many pages reaches. Run with {@code bench/serdes.sh}; the
 * score is microseconds per profile.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SerdeBenchmark {

    @Param({"300", "3000"})
    public int blocks;

    private final JsonSerde<SiteProfile> serde = new JsonSerde<>(SiteProfile.class);
    private final ObjectReader interning = JsonMapper.builder(JsonFactory.builder()
            .enable(JsonFactory.Feature.INTERN_FIELD_NAMES).build()).addModule(new JavaTimeModule()).build()
            .readerFor(SiteProfile.class);
    private final List<SiteProfile> profiles = new ArrayList<>();
    private final List<byte[]> bytes = new ArrayList<>();
    private int next;

    @Setup
    public void make() {
        Random random = new Random(blocks);
        for (int s = 0; s < 64; s++) { // distinct sites, as a stream of pages meets them
            Map<String, List<String>> hashes = new LinkedHashMap<>();
            for (int i = 0; i < blocks; i++) {
                hashes.put(Long.toHexString(random.nextLong()), List.of(Integer.toHexString(random.nextInt()),
                        Integer.toHexString(random.nextInt())));
            }
            List<SiteProfile.Page> pages = new ArrayList<>();
            for (int i = 0; i < SiteProfile.MAX_PAGES; i++) {
                pages.add(new SiteProfile.Page("https://site" + s + ".example/film/" + i, Integer.toHexString(random.nextInt()),
                        List.of("A film title " + i)));
            }
            SiteProfile profile = new SiteProfile("site" + s + ".example", pages, hashes, 1_700_000_000_000L + s);
            profiles.add(profile);
            bytes.add(serde.serialize("site-profiles", profile));
        }
    }

    @Benchmark
    public SiteProfile read() {
        return serde.deserialize("site-profiles", bytes.get(next++ & 63));
    }

    @Benchmark
    public SiteProfile readInterning() throws IOException {
        return interning.readValue(bytes.get(next++ & 63));
    }

    @Benchmark
    public byte[] write() {
        return serde.serialize("site-profiles", profiles.get(next++ & 63));
    }
}
