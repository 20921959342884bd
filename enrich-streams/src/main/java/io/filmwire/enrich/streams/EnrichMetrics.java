package io.filmwire.enrich.streams;

import io.filmwire.enrich.dedup.Verdict;
import io.filmwire.enrich.reconcile.Reconciler;
import io.filmwire.schema.DlqEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of enrich-streams: pages analysed, mentions found, deduplication verdicts, film records
 * emitted, tombstones, merges, mentions dropped, dead letters by stage. Thread-safe.
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
    private final Map<DlqEntry.Stage, Counter> dead = new EnumMap<>(DlqEntry.Stage.class);

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
        for (DlqEntry.Stage stage : DlqEntry.Stage.values()) {
            dead.put(stage, Counter.builder("filmwire.dead.letters").tag("service", "enrich").tag("stage", stage.id())
                    .description("Inputs sent to pages.dlq").register(registry));
        }
    }

    /** Metrics that go nowhere (tests, offline commands). */
    public static EnrichMetrics discarding() {
        return new EnrichMetrics(new SimpleMeterRegistry());
    }

    void pageAnalyzed(int mentionCount) {
        pages.increment();
        mentions.increment(mentionCount);
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

    void deadLetter(DlqEntry.Stage stage) {
        dead.get(stage).increment();
    }
}
