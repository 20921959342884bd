package io.filmwire.enrich.streams;

import io.filmwire.schema.DlqEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** Counters of enrich-streams: pages analysed, mentions found, films emitted, dead letters by stage. */
public final class EnrichMetrics {

    private final Counter pages;
    private final Counter mentions;
    private final Counter films;
    private final Map<DlqEntry.Stage, Counter> dead = new EnumMap<>(DlqEntry.Stage.class);

    public EnrichMetrics(MeterRegistry registry) {
        pages = Counter.builder("filmwire.enrich.pages").description("Pages cleaned and analysed").register(registry);
        mentions = Counter.builder("filmwire.enrich.mentions").description("Film mentions extracted").register(registry);
        films = Counter.builder("filmwire.enrich.films.emitted").description("Film records emitted (new versions)")
                .register(registry);
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

    void filmEmitted() {
        films.increment();
    }

    void deadLetter(DlqEntry.Stage stage) {
        dead.get(stage).increment();
    }
}
