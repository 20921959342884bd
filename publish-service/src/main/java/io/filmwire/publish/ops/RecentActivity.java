package io.filmwire.publish.ops;

import io.filmwire.common.KafkaSettings;
import io.filmwire.schema.ChangeEvent;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest change events and dead letters, kept in memory for the ops page and API by one
 * background consumer (no consumer group: every instance sees everything; committed transactions
 * only). It starts from the last {@link #KEPT} records of each partition. Thread-safe.
 */
public final class RecentActivity implements AutoCloseable {

    /** Records kept of each kind, at most. */
    public static final int KEPT = 200;
    /** Bytes of heap the dead letters kept may take, at most: each is trimmed to a preview, the oldest go first. */
    public static final long KEPT_DEAD_LETTER_BYTES = 2L * 1024 * 1024;
    /** Input bytes of a dead letter kept in the view (the whole is on pages.dlq and at the input's coordinates). */
    public static final int KEPT_INPUT_BYTES = 2 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RecentActivity.class);

    private final Deque<ChangeEvent> changes = new ArrayDeque<>();
    private final Deque<DlqEntry> deadLetters = new ArrayDeque<>();
    private long deadLetterBytes;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    public RecentActivity(KafkaSettings kafka) {
        consumer = new KafkaConsumer<>(kafka.clientProperties(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "filmwire-ops-recent")), new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "ops-recent-activity");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.FILMS_CHANGES.name(), Topics.PAGES_DLQ.name())) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(starts.get(tp), ends.get(tp) - KEPT));
            }
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    add(r);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.warn("Recent activity for the ops page stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void add(ConsumerRecord<String, byte[]> r) {
        try {
            if (r.topic().equals(Topics.FILMS_CHANGES.name())) {
                ChangeEvent change = Topics.FILMS_CHANGES.valueSerde().deserializer().deserialize(r.topic(), r.value());
                if (change != null) {
                    synchronized (changes) {
                        changes.addLast(change);
                        if (changes.size() > KEPT) {
                            changes.removeFirst();
                        }
                    }
                }
            } else {
                DlqEntry dead = Topics.PAGES_DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value());
                if (dead != null) {
                    remember(dead);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Unreadable record on {} at offset {}: {}", r.topic(), r.offset(), e.getMessage());
        }
    }

    /** Keeps a preview of {@code dead}, dropping the oldest while over {@link #KEPT} or {@link #KEPT_DEAD_LETTER_BYTES}. */
    void remember(DlqEntry dead) {
        DlqEntry kept = dead.trimmed(KEPT_INPUT_BYTES);
        synchronized (deadLetters) {
            deadLetters.addLast(kept);
            deadLetterBytes += kept.weight();
            while (deadLetters.size() > KEPT || (deadLetterBytes > KEPT_DEAD_LETTER_BYTES && deadLetters.size() > 1)) {
                deadLetterBytes -= deadLetters.removeFirst().weight();
            }
        }
    }

    /** Heap bytes the kept dead letters take, about. */
    long deadLetterBytes() {
        synchronized (deadLetters) {
            return deadLetterBytes;
        }
    }

    /** The latest change events, newest first. */
    public List<ChangeEvent> changes(int limit) {
        synchronized (changes) {
            List<ChangeEvent> out = new ArrayList<>(changes);
            java.util.Collections.reverse(out);
            return out.subList(0, Math.min(limit, out.size()));
        }
    }

    /** The latest dead letters, newest first. */
    public List<DlqEntry> deadLetters(int limit) {
        synchronized (deadLetters) {
            List<DlqEntry> out = new ArrayList<>(deadLetters);
            java.util.Collections.reverse(out);
            // newest first by time: after a restart the partitions are read one after the other
            out.sort(java.util.Comparator.comparing(DlqEntry::time,
                    java.util.Comparator.nullsLast(java.util.Comparator.<java.time.Instant>reverseOrder())));
            return out.subList(0, Math.min(limit, out.size()));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
