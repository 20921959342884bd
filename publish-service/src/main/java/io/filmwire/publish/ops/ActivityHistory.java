package io.filmwire.publish.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last hour of this process's own counters, for the console's charts: every {@link #INTERVAL}
 * (and at each request) it reads from the meter registry the pages in
 * ({@code filmwire_pages_received_total}, all sources), the film records out
 * ({@code filmwire_publish_records_total}), the dead letters ({@code filmwire_dead_letters_total},
 * every stage and reason) and the consumer lag gauges ({@code filmwire_consumer_lag_records} and
 * {@code _seconds} per group and topic), into a {@link MinuteRing}. What a part running in another
 * process counts is not in this registry, so it is not charted here. Thread-safe.
 */
public final class ActivityHistory implements AutoCloseable {

    /** How often the counters are sampled in the background. */
    public static final Duration INTERVAL = Duration.ofSeconds(10);
    static final String PAGES_IN = "filmwire.pages.received";
    static final String RECORDS_OUT = "filmwire.publish.records";
    static final String DEAD_LETTERS = "filmwire.dead.letters";
    static final String LAG_RECORDS = "filmwire.consumer.lag.records";
    static final String LAG_SECONDS = "filmwire.consumer.lag.seconds";

    private static final Logger LOG = LoggerFactory.getLogger(ActivityHistory.class);

    private final MeterRegistry registry;
    private final LongSupplier clock;
    private final MinuteRing ring = new MinuteRing();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ops-activity-history");
        t.setDaemon(true);
        return t;
    });

    public ActivityHistory(MeterRegistry registry, LongSupplier clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Samples now (the baseline) and then every {@link #INTERVAL}. */
    public ActivityHistory start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                LOG.debug("Activity not sampled: {}", e.toString());
            }
        }, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads the counters and gauges now into the ring. */
    public void sample() {
        Map<List<String>, double[]> lag = new LinkedHashMap<>();
        gauges(LAG_RECORDS, lag, 0);
        gauges(LAG_SECONDS, lag, 1);
        List<MinuteRing.Lag> lags = new ArrayList<>();
        lag.forEach((k, v) -> {
            if (!Double.isNaN(v[0])) {
                lags.add(new MinuteRing.Lag(k.get(0), k.get(1), (long) v[0], Double.isNaN(v[1]) ? 0 : v[1]));
            }
        });
        ring.record(clock.getAsLong(), total(PAGES_IN), total(RECORDS_OUT), total(DEAD_LETTERS), lags);
    }

    private long total(String name) {
        double sum = 0;
        for (Counter c : registry.find(name).counters()) {
            sum += c.count();
        }
        return (long) sum;
    }

    private void gauges(String name, Map<List<String>, double[]> into, int index) {
        for (Gauge g : registry.find(name).gauges()) {
            String group = g.getId().getTag("group");
            String topic = g.getId().getTag("topic");
            if (group != null && topic != null) {
                into.computeIfAbsent(List.of(group, topic), k -> new double[]{Double.NaN, Double.NaN})[index] = g.value();
            }
        }
    }

    /** The last hour, sampled now first, as the API serves it (see {@link #stage} for the lag series' names). */
    public Map<String, Object> snapshot() {
        sample();
        MinuteRing.Snapshot s = ring.snapshot(clock.getAsLong());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("minutes", s.minutes());
        // a family no part of this process reports is not zero but unknown here: its minutes are null
        List<String> absent = new ArrayList<>();
        Map<String, String> families = Map.of("pagesIn", PAGES_IN, "recordsOut", RECORDS_OUT, "deadLetters", DEAD_LETTERS);
        Map<String, List<Long>> series = Map.of("pagesIn", s.pagesIn(), "recordsOut", s.recordsOut(), "deadLetters", s.deadLetters());
        for (String key : List.of("pagesIn", "recordsOut", "deadLetters")) {
            boolean here = !registry.find(families.get(key)).counters().isEmpty();
            if (!here) {
                absent.add(key);
            }
            out.put(key, here ? series.get(key) : java.util.Collections.nCopies(MinuteRing.MINUTES, null));
        }
        out.put("notCountedHere", absent);
        List<Map<String, Object>> lag = new ArrayList<>();
        for (MinuteRing.LagSeries l : s.lag()) {
            Map<String, Object> one = new HashMap<>();
            one.put("group", l.group());
            one.put("topic", l.topic());
            one.put("stage", stage(l.group(), l.topic()));
            one.put("records", l.records());
            one.put("seconds", l.seconds());
            lag.add(one);
        }
        out.put("lag", lag);
        out.put("sampledEverySeconds", INTERVAL.toSeconds());
        return out;
    }

    /** What a group does with a topic, in a few words: the pipeline's step, else the group and topic. */
    static String stage(String group, String topic) {
        String t = topic.startsWith(group + "-") ? topic.substring(group.length() + 1) : topic;
        if (t.equals("pages.raw")) {
            return "clean and extract (" + group + ")";
        }
        if (t.contains("page-digests")) {
            return "dedup and reconcile: page-digests (" + group + ")";
        }
        if (t.contains("overrides")) {
            return "overrides (" + group + ")";
        }
        if (t.equals("films.reconciled")) {
            return "publish (" + group + ")";
        }
        return group + " on " + t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
