package io.filmwire.common.metrics;

import io.filmwire.common.KafkaSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far every consumer group of the cluster (the Streams apps, the sink, outside consumers) is
 * behind, per group and topic, measured every {@code interval} from the committed offsets:
 * {@code filmwire_consumer_lag_records} (records not yet consumed, transaction markers excluded
 * as far as the read-committed end offset allows) and {@code filmwire_consumer_lag_seconds} (age of
 * the oldest record not yet consumed: 0 when nothing is waiting). A group's internal topics
 * (repartition topics such as the one-partition page-digests step) are measured like any other.
 */
public final class ConsumerLagMeter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLagMeter.class);
    static final String RECORDS = "filmwire.consumer.lag.records";
    static final String SECONDS = "filmwire.consumer.lag.seconds";

    /** One group's lag on one topic. */
    public record Lag(String group, String topic, long records, double seconds) {
    }

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> peek;
    private final MeterRegistry registry;
    private final LongSupplier clock;
    private final Map<List<String>, Lag> current = new ConcurrentHashMap<>();
    private final Map<List<String>, List<Meter>> meters = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "filmwire-consumer-lag");
        t.setDaemon(true);
        return t;
    });

    public ConsumerLagMeter(KafkaSettings kafka, MeterRegistry registry) {
        this(kafka, registry, System::currentTimeMillis);
    }

    ConsumerLagMeter(KafkaSettings kafka, MeterRegistry registry, LongSupplier clock) {
        this.admin = Admin.create(kafka.clientProperties(Map.of()));
        this.peek = new KafkaConsumer<>(kafka.clientProperties(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1,
                ConsumerConfig.CLIENT_ID_CONFIG, "filmwire-lag-meter")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.registry = registry;
        this.clock = clock;
    }

    /** Measures now and then every {@code interval}, in the background. */
    public ConsumerLagMeter start(Duration interval) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (Exception e) {
                LOG.debug("Consumer lag not measured: {}", e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The last measurements, one per group and topic. */
    public List<Lag> lags() {
        return List.copyOf(current.values());
    }

    /** Measures every group now and updates the gauges; returns the measurements. */
    public synchronized List<Lag> refresh() throws Exception {
        List<Lag> found = new ArrayList<>();
        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            found.addAll(measure(g.groupId()));
        }
        Set<List<String>> seen = new HashSet<>();
        for (Lag lag : found) {
            List<String> key = List.of(lag.group(), lag.topic());
            seen.add(key);
            current.put(key, lag);
            meters.computeIfAbsent(key, k -> List.of(
                    Gauge.builder(RECORDS, current, m -> value(m, k, false)).tag("group", k.get(0)).tag("topic", k.get(1))
                            .description("Records a consumer group has not consumed yet").register(registry),
                    Gauge.builder(SECONDS, current, m -> value(m, k, true)).tag("group", k.get(0)).tag("topic", k.get(1))
                            .description("Age of the oldest record a consumer group has not consumed yet")
                            .baseUnit("seconds").register(registry)));
        }
        for (List<String> gone : new ArrayList<>(meters.keySet())) {
            if (!seen.contains(gone)) {
                meters.remove(gone).forEach(registry::remove);
                current.remove(gone);
            }
        }
        return found;
    }

    private static double value(Map<List<String>, Lag> m, List<String> key, boolean seconds) {
        Lag lag = m.get(key);
        return lag == null ? Double.NaN : seconds ? lag.seconds() : lag.records();
    }

    private List<Lag> measure(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        committed.forEach((tp, o) -> {
            if (o != null) {
                request.put(tp, OffsetSpec.latest());
            }
        });
        if (request.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> records = new HashMap<>();
        Map<TopicPartition, Long> behind = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : ends.entrySet()) {
            long position = committed.get(e.getKey()).offset();
            long lag = Math.max(0, e.getValue().offset() - position);
            records.merge(e.getKey().topic(), lag, Long::sum);
            if (lag > 0) {
                behind.put(e.getKey(), position);
            }
        }
        Map<String, Double> seconds = oldestAges(behind);
        List<Lag> out = new ArrayList<>();
        records.forEach((topic, n) -> out.add(new Lag(group, topic, n, seconds.getOrDefault(topic, 0.0))));
        return out;
    }

    /** Per topic, the age in seconds of the oldest record at the given positions (read, not consumed). */
    private Map<String, Double> oldestAges(Map<TopicPartition, Long> positions) {
        Map<String, Double> ages = new HashMap<>();
        if (positions.isEmpty()) {
            return ages;
        }
        peek.assign(positions.keySet());
        positions.forEach(peek::seek);
        Set<TopicPartition> waiting = new HashSet<>(positions.keySet());
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long now = clock.getAsLong();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : peek.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (waiting.remove(tp)) {
                    ages.merge(r.topic(), Math.max(0, now - r.timestamp()) / 1000.0, Math::max);
                    peek.pause(List.of(tp));
                }
            }
        }
        peek.assign(List.of());
        return ages;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            peek.close(Duration.ofSeconds(2));
            admin.close(Duration.ofSeconds(2));
        }
    }
}
