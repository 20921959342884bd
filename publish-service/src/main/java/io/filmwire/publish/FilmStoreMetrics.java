package io.filmwire.publish;

import io.filmwire.schema.FilmRecord;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges over the published films, recounted by {@link #count}: {@code filmwire_films} (films
 * published), {@code filmwire_films_without_facts} (films whose record states no year, running time,
 * rating, language, genre or credit), {@code filmwire_facts{layer}} (field values of all records, by the extractor layer
 * of their best evidence: structured, semi_structured, prose, override) and
 * {@code filmwire_films_with_conflicts}. Thread-safe.
 */
public final class FilmStoreMetrics {

    /** The layers of the film-record schema. */
    static final List<String> LAYERS = List.of("structured", "semi_structured", "prose", "override");
    /** Provenance keys that are no fact about the film (every film has a title). */
    private static final Set<String> NOT_FACTS = Set.of("title", "aliases");

    private final AtomicLong films = new AtomicLong();
    private final AtomicLong withoutFacts = new AtomicLong();
    private final AtomicLong withConflicts = new AtomicLong();
    private final Map<String, AtomicLong> facts = new HashMap<>();

    public FilmStoreMetrics(MeterRegistry registry) {
        Gauge.builder("filmwire.films", films, AtomicLong::get).description("Films published").register(registry);
        Gauge.builder("filmwire.films.without.facts", withoutFacts, AtomicLong::get)
                .description("Published films that state no year, running time, rating, language, genre or credit").register(registry);
        Gauge.builder("filmwire.films.with.conflicts", withConflicts, AtomicLong::get)
                .description("Published films whose sources disagree on some field").register(registry);
        for (String layer : LAYERS) {
            AtomicLong n = new AtomicLong();
            facts.put(layer, n);
            Gauge.builder("filmwire.facts", n, AtomicLong::get).tag("layer", layer)
                    .description("Field values of the published films, by the layer of their best evidence")
                    .register(registry);
        }
    }

    /** Recounts from all the published films. */
    public void count(Iterable<FilmRecord> published) {
        long all = 0;
        long bare = 0;
        long conflicted = 0;
        Map<String, Long> byLayer = new HashMap<>();
        for (FilmRecord film : published) {
            all++;
            if (!film.conflicts().isEmpty()) {
                conflicted++;
            }
            for (Map.Entry<String, List<FilmRecord.Evidence>> field : film.provenance().entrySet()) {
                if (!NOT_FACTS.contains(field.getKey()) && !field.getValue().isEmpty()) {
                    byLayer.merge(field.getValue().get(0).layer(), 1L, Long::sum);
                }
            }
            if (!hasFacts(film)) {
                bare++;
            }
        }
        films.set(all);
        withoutFacts.set(bare);
        withConflicts.set(conflicted);
        facts.forEach((layer, n) -> n.set(byLayer.getOrDefault(layer, 0L)));
    }

    /** True when the record states a year, running time, rating, language, genre or credit. */
    static boolean hasFacts(FilmRecord film) {
        return film.year() != null || film.runtimeMinutes() != null || film.rating() != null
                || !film.languages().isEmpty() || !film.genres().isEmpty() || !film.credits().isEmpty();
    }

    /** The last count: {@code films}, {@code filmsWithoutFacts}, {@code filmsWithConflicts}, {@code factsByLayer}. */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("films", films.get());
        out.put("filmsWithoutFacts", withoutFacts.get());
        out.put("filmsWithConflicts", withConflicts.get());
        Map<String, Long> layers = new java.util.LinkedHashMap<>();
        LAYERS.forEach(l -> layers.put(l, facts.get(l).get()));
        out.put("factsByLayer", layers);
        return out;
    }

    /** Films without facts at the last count. */
    public long withoutFacts() {
        return withoutFacts.get();
    }
}
