package io.filmwire.enrich.streams;

import io.filmwire.enrich.dedup.Verdict;
import io.filmwire.enrich.reconcile.Reconciler;
import io.filmwire.common.metrics.DeadLetterMetrics;
import io.filmwire.schema.DlqEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of enrich-streams: pages analysed, mentions found, deduplication verdicts, film records
 * emitted, tombstones, merges, mentions dropped, dead letters by stage and reason, and a histogram
 * of the time each page's analysis (cleaning and extraction) takes. Thread-safe.
 */
public final class EnrichMetrics {

    private final Counter pages;
    private final Counter mentions;
    private final Counter films;
    private final Counter tombstones;
    private final Counter merges;
    private final Counter evicted;
    private final Counter untitled;
    private final Map<Verdict.Kind, Counter> verdicts = new EnumMap<>(Verdict.Kind.class);
    private final DeadLetterMetrics dead;
    private final Map<String, Counter> received = new java.util.HashMap<>();
    private final Timer analysis;

    /** The kinds of a raw page's source, its text before the first ':'. */
    static final java.util.List<String> SOURCES = java.util.List.of("http", "file", "fetch", "folder", "feed", "other");

    public EnrichMetrics(MeterRegistry registry) {
        pages = Counter.builder("filmwire.enrich.pages").description("Pages cleaned and analysed").register(registry);
        mentions = Counter.builder("filmwire.enrich.mentions").description("Film mentions extracted").register(registry);
        films = Counter.builder("filmwire.enrich.films.emitted").description("Film records emitted (new versions)")
                .register(registry);
        tombstones = Counter.builder("filmwire.enrich.films.tombstones")
                .description("Films merged into another or left without pages").register(registry);
        merges = Counter.builder("filmwire.enrich.films.merges").description("Films found to be one and merged")
                .register(registry);
        evicted = Counter.builder("filmwire.enrich.mentions.evicted")
                .description("Mentions dropped from a film past the per-film cap").register(registry);
        untitled = Counter.builder("filmwire.enrich.mentions.untitled")
                .description("Mentions not reconciled because their title is empty").register(registry);
        for (Verdict.Kind kind : Verdict.Kind.values()) {
            verdicts.put(kind, Counter.builder("filmwire.enrich.dedup.pages").tag("verdict", kind.id())
                    .description("Pages by deduplication verdict").register(registry));
        }
        for (String source : SOURCES) {
            received.put(source, Counter.builder("filmwire.pages.received").tag("source", source)
                    .description("Pages read from pages.raw, by how they were taken in (file and fetch: ./filmwire ingest;"
                            + " folder: a watched folder; feed: a feed; http: POST /pages)").register(registry));
        }
        dead = new DeadLetterMetrics(registry);
        for (DlqEntry.Stage stage : new DlqEntry.Stage[] {DlqEntry.Stage.VALIDATE, DlqEntry.Stage.CLEAN,
                DlqEntry.Stage.EXTRACT, DlqEntry.Stage.RECONCILE}) {
            dead.register(stage);
        }
        analysis = Timer.builder("filmwire.enrich.page.analysis")
                .description("Time to clean one page and extract its films").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** Metrics that go nowhere (tests, offline commands). */
    public static EnrichMetrics discarding() {
        return new EnrichMetrics(new SimpleMeterRegistry());
    }

    void pageAnalyzed(int mentionCount, long nanos) {
        analysis.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        pages.increment();
        mentions.increment(mentionCount);
    }

    /** Counts a page read from pages.raw, by the kind of its {@code source}. */
    void received(String source) {
        int colon = source.indexOf(':');
        Counter c = received.get(colon < 0 ? source : source.substring(0, colon));
        (c == null ? received.get("other") : c).increment();
    }

    void deduplicated(Verdict.Kind kind) {
        verdicts.get(kind).increment();
    }

    void reconciled(Reconciler.Result result) {
        for (Reconciler.Emission e : result.emissions()) {
            (e.record() == null ? tombstones : films).increment();
        }
        merges.increment(result.merges());
        evicted.increment(result.evicted());
        untitled.increment(result.skippedMentions());
    }

    void deadLetter(DlqEntry entry) {
        dead.count(entry);
    }
}
