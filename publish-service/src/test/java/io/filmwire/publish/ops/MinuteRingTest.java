package io.filmwire.publish.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MinuteRingTest {

    private static final long T0 = Instant.parse("2026-12-02T10:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;

    private static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }

    @Test
    void countsTheGrowthOfEachMinuteAndRollsOverAtTheMinute() {
        MinuteRing ring = new MinuteRing();
        ring.record(T0 + 5_000, 10, 4, 1, List.of()); // baseline: what came before is not this window's
        ring.record(T0 + 30_000, 13, 6, 1, List.of());
        ring.record(T0 + 59_999, 15, 7, 2, List.of());
        ring.record(T0 + MIN, 16, 7, 2, List.of()); // the next minute starts
        MinuteRing.Snapshot s = ring.snapshot(T0 + MIN + 10_000);
        assertThat(s.minutes()).hasSize(MinuteRing.MINUTES);
        assertThat(last(s.minutes())).isEqualTo(Instant.ofEpochMilli(T0 + MIN));
        assertThat(s.minutes().get(MinuteRing.MINUTES - 2)).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(s.pagesIn().subList(58, 60)).containsExactly(5L, 1L);
        assertThat(s.recordsOut().subList(58, 60)).containsExactly(3L, 0L);
        assertThat(s.deadLetters().subList(58, 60)).containsExactly(1L, 0L);
        assertThat(s.pagesIn().subList(0, 58)).as("before the first sample: no data, not zero").containsOnlyNulls();
    }

    @Test
    void aMinuteWithoutASampleIsAGapAndItsGrowthGoesToTheNextSample() {
        MinuteRing ring = new MinuteRing();
        ring.record(T0, 0, 0, 0, List.of(new MinuteRing.Lag("g", "t", 5, 2.0)));
        ring.record(T0 + 3 * MIN + 1, 9, 2, 0, List.of(new MinuteRing.Lag("g", "t", 1, 0.5)));
        MinuteRing.Snapshot s = ring.snapshot(T0 + 3 * MIN + 2);
        assertThat(s.pagesIn().subList(56, 60)).containsExactly(0L, null, null, 9L);
        MinuteRing.LagSeries lag = s.lag().get(0);
        assertThat(lag.group()).isEqualTo("g");
        assertThat(lag.records().subList(56, 60)).containsExactly(5L, null, null, 1L);
        assertThat(lag.seconds().subList(56, 60)).containsExactly(2.0, null, null, 0.5);
    }

    @Test
    void keepsTheHighestLagOfAMinuteAndCountsAResetCounterFromZero() {
        MinuteRing ring = new MinuteRing();
        ring.record(T0, 100, 0, 0, List.of(new MinuteRing.Lag("g", "t", 3, 1.0)));
        ring.record(T0 + 10_000, 4, 0, 0, List.of(new MinuteRing.Lag("g", "t", 40, 9.5)));
        ring.record(T0 + 20_000, 6, 0, 0, List.of(new MinuteRing.Lag("g", "t", 2, 0.0)));
        MinuteRing.Snapshot s = ring.snapshot(T0 + 30_000);
        assertThat(last(s.pagesIn())).as("100 -> 4 is a restart: 4 new, then 2").isEqualTo(6L);
        assertThat(last(s.lag().get(0).records())).isEqualTo(40L);
        assertThat(last(s.lag().get(0).seconds())).isEqualTo(9.5);
    }

    @Test
    void holdsOneHourAtMostWhateverRuns() {
        MinuteRing ring = new MinuteRing();
        for (int m = 0; m <= 150; m++) {
            ring.record(T0 + m * MIN, m * 2L, m, 0, List.of(new MinuteRing.Lag("g" + m, "t", m, m)));
        }
        MinuteRing.Snapshot s = ring.snapshot(T0 + 150 * MIN);
        assertThat(s.minutes()).hasSize(60);
        assertThat(s.minutes().get(0)).isEqualTo(Instant.ofEpochMilli(T0 + 91 * MIN));
        assertThat(s.pagesIn()).hasSize(60).containsOnly(2L);
        assertThat(s.lag()).as("a group not seen for an hour is gone").hasSize(60);
        // an hour later with no sample: every minute a gap, nothing left
        MinuteRing.Snapshot later = ring.snapshot(T0 + 211 * MIN);
        assertThat(later.pagesIn()).containsOnlyNulls();
        assertThat(later.lag()).isEmpty();
    }

    @Test
    void theHistoryReadsThisProcessCountersAndLagGauges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicLong now = new AtomicLong(T0);
        ActivityHistory history = new ActivityHistory(registry, now::get);
        Counter http = Counter.builder(ActivityHistory.PAGES_IN).tag("source", "http").register(registry);
        Counter file = Counter.builder(ActivityHistory.PAGES_IN).tag("source", "file").register(registry);
        Counter dead = Counter.builder(ActivityHistory.DEAD_LETTERS).tag("stage", "clean").tag("reason", "x").register(registry);
        AtomicLong lag = new AtomicLong(7);
        Gauge.builder(ActivityHistory.LAG_RECORDS, lag, AtomicLong::get).tag("group", "filmwire-enrich")
                .tag("topic", "filmwire-enrich-page-digests-repartition").register(registry);
        Gauge.builder(ActivityHistory.LAG_SECONDS, () -> 3.5).tag("group", "filmwire-enrich")
                .tag("topic", "filmwire-enrich-page-digests-repartition").register(registry);
        history.sample();
        http.increment(2);
        file.increment();
        dead.increment();
        now.addAndGet(5_000);
        Map<String, Object> s = history.snapshot();
        assertThat((List<?>) s.get("pagesIn")).hasSize(60).last().isEqualTo(3L);
        assertThat((List<?>) s.get("recordsOut")).as("no part here publishes: unknown, not zero").containsOnlyNulls();
        assertThat(s.get("notCountedHere")).isEqualTo(List.of("recordsOut"));
        assertThat((List<?>) s.get("deadLetters")).last().isEqualTo(1L);
        List<?> series = (List<?>) s.get("lag");
        assertThat(series).hasSize(1);
        Map<?, ?> one = (Map<?, ?>) series.get(0);
        assertThat(one.get("stage")).isEqualTo("dedup and reconcile: page-digests (filmwire-enrich)");
        assertThat((List<?>) one.get("records")).last().isEqualTo(7L);
        assertThat((List<?>) one.get("seconds")).last().isEqualTo(3.5);
        history.close();
    }
}
