package io.filmwire.publish.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last {@value #MINUTES} minutes of a service's activity, one bucket per wall-clock minute, in a
 * fixed ring (a bucket older than the window is overwritten, so memory is bounded whatever runs).
 * It is fed samples of cumulative counters (pages in, records out, dead letters: totals since the
 * process started) and of consumer lag gauges; a bucket holds the counters' growth during its
 * minute and the highest lag seen in it. A counter that went down (a restart of what counts) counts
 * from zero again. The first sample sets the baseline. A minute in which no sample was taken is a
 * gap: {@code null} in the {@link #snapshot}, not zero (the growth over a gap is put in the minute
 * of the sample after it). Thread-safe.
 */
public final class MinuteRing {

    /** Minutes kept: one hour. */
    public static final int MINUTES = 60;
    private static final long MINUTE_MS = 60_000L;

    /** A consumer group's lag on one topic at one sample: records not consumed, age of the oldest in seconds. */
    public record Lag(String group, String topic, long records, double seconds) {
    }

    /**
     * The window, oldest minute first, each list {@value #MINUTES} long and aligned with {@code minutes}
     * (the start of each minute; the last is the current minute, still filling); null where no sample was taken.
     */
    public record Snapshot(List<Instant> minutes, List<Long> pagesIn, List<Long> recordsOut, List<Long> deadLetters,
                           List<LagSeries> lag) {
    }

    /** One group's lag on one topic, per minute (the highest sampled), null where it was not measured. */
    public record LagSeries(String group, String topic, List<Long> records, List<Double> seconds) {
    }

    private static final class Bucket {
        final long minute;
        long pagesIn;
        long recordsOut;
        long deadLetters;
        final Map<List<String>, double[]> lag = new LinkedHashMap<>();

        Bucket(long minute) {
            this.minute = minute;
        }
    }

    private final Bucket[] ring = new Bucket[MINUTES];
    private long[] last;
    private long lastMinute = Long.MIN_VALUE;

    /** Takes one sample at {@code nowMs}: the cumulative counters and the lag measured. */
    public synchronized void record(long nowMs, long pagesIn, long recordsOut, long deadLetters, List<Lag> lags) {
        long minute = Math.max(Math.floorDiv(nowMs, MINUTE_MS), lastMinute); // a clock set back adds to the latest minute
        lastMinute = minute;
        int slot = (int) Math.floorMod(minute, (long) MINUTES);
        Bucket b = ring[slot];
        if (b == null || b.minute != minute) {
            b = new Bucket(minute);
            ring[slot] = b;
        }
        long[] now = {pagesIn, recordsOut, deadLetters};
        if (last != null) {
            b.pagesIn += growth(last[0], now[0]);
            b.recordsOut += growth(last[1], now[1]);
            b.deadLetters += growth(last[2], now[2]);
        }
        last = now;
        for (Lag lag : lags) {
            double[] seen = b.lag.computeIfAbsent(List.of(lag.group(), lag.topic()), k -> new double[]{-1, -1});
            seen[0] = Math.max(seen[0], lag.records());
            seen[1] = Math.max(seen[1], lag.seconds());
        }
    }

    private static long growth(long before, long after) {
        return after >= before ? after - before : after;
    }

    /** The {@value #MINUTES} minutes that end with the one holding {@code nowMs}. */
    public synchronized Snapshot snapshot(long nowMs) {
        long current = Math.max(Math.floorDiv(nowMs, MINUTE_MS), lastMinute);
        List<Instant> minutes = new ArrayList<>(MINUTES);
        List<Long> in = new ArrayList<>(MINUTES);
        List<Long> out = new ArrayList<>(MINUTES);
        List<Long> dead = new ArrayList<>(MINUTES);
        Map<List<String>, List<double[]>> lag = new TreeMap<>((a, b) -> (a.get(0) + "\u0000" + a.get(1))
                .compareTo(b.get(0) + "\u0000" + b.get(1)));
        for (int i = 0; i < MINUTES; i++) {
            long minute = current - (MINUTES - 1) + i;
            minutes.add(Instant.ofEpochMilli(minute * MINUTE_MS));
            Bucket b = ring[(int) Math.floorMod(minute, (long) MINUTES)];
            boolean held = b != null && b.minute == minute;
            in.add(held ? b.pagesIn : null);
            out.add(held ? b.recordsOut : null);
            dead.add(held ? b.deadLetters : null);
            if (held) {
                final int at = i;
                b.lag.forEach((key, v) -> lag.computeIfAbsent(key, k -> new ArrayList<>(Collections.nCopies(MINUTES, null)))
                        .set(at, v));
            }
        }
        List<LagSeries> series = new ArrayList<>();
        lag.forEach((key, values) -> series.add(new LagSeries(key.get(0), key.get(1),
                values.stream().map(v -> v == null ? null : (long) v[0]).toList(),
                values.stream().map(v -> v == null ? null : v[1]).toList())));
        return new Snapshot(minutes, in, out, dead, series);
    }
}
