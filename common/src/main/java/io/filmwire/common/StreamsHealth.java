package io.filmwire.common;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of one Kafka Streams app: its state (ready only when RUNNING; dead once ERROR or
 * shut down while it should run), and the stream threads it replaced after an uncaught exception
 * (replaced threads retry their batch; the count and the last error are shown, and a thread
 * replaced in the last minute makes the app not ready; {@value #DYING_THREADS} replacements within
 * {@value #DYING_MILLIS} ms, a thread that keeps dying, make it down). Installs the app's state listener and
 * uncaught-exception handler, logging each state change. Thread-safe.
 */
public final class StreamsHealth {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsHealth.class);
    private static final long RECENT_MILLIS = 60_000;
    /** Replacements within {@link #DYING_MILLIS} that make the app down: its threads keep dying. */
    static final int DYING_THREADS = 3;
    static final long DYING_MILLIS = 10 * 60_000;

    private final String name;
    private final KafkaStreams streams;
    private final AtomicInteger replacements = new AtomicInteger();
    private volatile Instant lastReplacement;
    private final java.util.Deque<Long> recentReplacements = new java.util.ArrayDeque<>();
    private volatile String lastError;
    private volatile boolean closing;

    private StreamsHealth(String name, KafkaStreams streams) {
        this.name = name;
        this.streams = streams;
    }

    /** Watches {@code streams} (call before it starts): sets its state listener and uncaught-exception handler. */
    public static StreamsHealth watch(String name, KafkaStreams streams) {
        StreamsHealth health = new StreamsHealth(name, streams);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                LOG.error("{}: Kafka Streams went from {} to ERROR; it no longer processes", name, before);
            } else {
                LOG.info("{}: Kafka Streams {} -> {}", name, before, now);
            }
        });
        streams.setUncaughtExceptionHandler(health.handler());
        return health;
    }

    private StreamsUncaughtExceptionHandler handler() {
        return this::threadFailed;
    }

    /** What the app does when a stream thread dies: count it, log it, replace the thread. */
    StreamThreadExceptionResponse threadFailed(Throwable e) {
        int n = replacements.incrementAndGet();
        lastReplacement = Instant.now();
        lastError = e.toString();
        synchronized (recentReplacements) {
            recentReplacements.addLast(lastReplacement.toEpochMilli());
            while (recentReplacements.size() > DYING_THREADS) {
                recentReplacements.removeFirst();
            }
        }
        LOG.error("{} thread failed; replacing the thread (replacement {}; the failed batch is retried)", name, n, e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /**
     * Adds {@code filmwire_streams_running{app}} to {@code registry}: 1 while the app is RUNNING, 0 in
     * any other state (the alert rules page when it stays 0), and
     * {@code filmwire_streams_thread_replacements_total{app}}.
     */
    public StreamsHealth bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("filmwire.streams.running", streams,
                        s -> s.state() == KafkaStreams.State.RUNNING ? 1 : 0)
                .tag("app", name).description("1 while the Kafka Streams app is RUNNING, else 0").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("filmwire.streams.thread.replacements", replacements,
                        AtomicInteger::get)
                .tag("app", name).description("Stream threads that failed and were replaced").register(registry);
        return this;
    }

    /** Says the app is being closed on purpose: from then on its shutdown is not a failure. */
    public void closing() {
        closing = true;
    }

    /** The app's state now. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stream threads replaced so far. */
    public int replacements() {
        return replacements.get();
    }

    /** True when the last {@link #DYING_THREADS} replacements all happened within {@link #DYING_MILLIS} of now. */
    private boolean keepsDying() {
        synchronized (recentReplacements) {
            return recentReplacements.size() >= DYING_THREADS
                    && Instant.now().toEpochMilli() - recentReplacements.peekFirst() < DYING_MILLIS;
        }
    }

    /** The health entry. */
    public Health.Status status() {
        KafkaStreams.State state = streams.state();
        String replaced = replacements.get() == 0 ? "" : "; " + replacements.get() + " thread"
                + (replacements.get() == 1 ? "" : "s") + " replaced, last at " + lastReplacement + ": " + lastError;
        String detail = state + replaced;
        boolean recent = lastReplacement != null && Instant.now().toEpochMilli() - lastReplacement.toEpochMilli() < RECENT_MILLIS;
        if (keepsDying() && !closing) {
            return Health.Status.down(detail + " (stream threads keep dying: " + DYING_THREADS + " replaced within "
                    + DYING_MILLIS / 60_000 + " minutes)");
        }
        return switch (state) {
            case RUNNING -> recent ? Health.Status.notReady(detail + " (a thread was replaced in the last minute)")
                    : Health.Status.up(detail);
            case CREATED, REBALANCING -> Health.Status.notReady(detail);
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR ->
                    closing ? Health.Status.notReady(detail + " (stopping)") : Health.Status.down(detail);
        };
    }
}
