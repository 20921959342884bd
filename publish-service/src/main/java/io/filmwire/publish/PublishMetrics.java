package io.filmwire.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Counters of publish-service. */
public final class PublishMetrics {

    private final Counter created;
    private final Counter updated;
    private final Counter tombstones;
    private final Counter dead;

    public PublishMetrics(MeterRegistry registry) {
        created = Counter.builder("filmwire.publish.records").tag("change", "created")
                .description("Film records published").register(registry);
        updated = Counter.builder("filmwire.publish.records").tag("change", "updated")
                .description("Film records published").register(registry);
        tombstones = Counter.builder("filmwire.publish.tombstones").description("Films removed or merged away")
                .register(registry);
        dead = Counter.builder("filmwire.dead.letters").tag("service", "publish").tag("stage", "publish")
                .description("Inputs sent to pages.dlq").register(registry);
    }

    /** Metrics that go nowhere. */
    public static PublishMetrics discarding() {
        return new PublishMetrics(new SimpleMeterRegistry());
    }

    void published(boolean isNew) {
        (isNew ? created : updated).increment();
    }

    void tombstone() {
        tombstones.increment();
    }

    void deadLetter() {
        dead.increment();
    }
}
