package io.filmwire.publish;

import io.filmwire.common.metrics.DeadLetterMetrics;
import io.filmwire.schema.DlqEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counters of publish-service, the dead letters of its stage, and the histogram of intake-to-record
 * latency: from the Kafka timestamp of the input that caused a version (the page's intake on
 * pages.raw, or the override's, carried through enrich-streams) to that version being published.
 */
public final class PublishMetrics {

    private final Counter created;
    private final Counter updated;
    private final Counter tombstones;
    private final DeadLetterMetrics dead;
    private final Timer latency;

    public PublishMetrics(MeterRegistry registry) {
        created = Counter.builder("filmwire.publish.records").tag("change", "created")
                .description("Film records published").register(registry);
        updated = Counter.builder("filmwire.publish.records").tag("change", "updated")
                .description("Film records published").register(registry);
        tombstones = Counter.builder("filmwire.publish.tombstones").description("Films removed or merged away")
                .register(registry);
        dead = new DeadLetterMetrics(registry);
        dead.register(DlqEntry.Stage.PUBLISH);
        latency = Timer.builder("filmwire.publish.latency")
                .description("From the intake of the input that caused a film version to its publication")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
    }

    /** Metrics that go nowhere. */
    public static PublishMetrics discarding() {
        return new PublishMetrics(new SimpleMeterRegistry());
    }

    void published(boolean isNew, long sinceIntakeMs) {
        (isNew ? created : updated).increment();
        latency.record(Math.max(0, sinceIntakeMs), TimeUnit.MILLISECONDS);
    }

    void tombstone() {
        tombstones.increment();
    }

    void deadLetter(DlqEntry entry) {
        dead.count(entry);
    }
}
