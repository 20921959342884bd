package io.filmwire.publish.ops;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.TopicReader;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FetchRequest;
import io.filmwire.schema.RecordHeaders;
import io.filmwire.schema.Topics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead letters on pages.dlq: listing them, and replaying one (its input written again, whole,
 * to the topic it came from, so the pipeline takes it anew, for instance after a fix). A replay is
 * acknowledged by Kafka ({@code acks=all}, idempotent) before it is reported done; the dead letter
 * stays on pages.dlq (the topic is append-only) and the replayed record carries the header
 * {@code filmwire.replay.of} with its id. An intake failure of no topic (a feed item) holds no page:
 * its replay is a fetch request on pages.fetch, which ingest-service fetches again through its fetch
 * policy (the replay's right is checked here, the fetch policy there). Thread-safe.
 */
public final class DeadLetters {

    /** Header on a replayed record: the id of the dead letter it replays. */
    public static final String REPLAY_HEADER = RecordHeaders.REPLAY_OF;
    /** Replays of one input that end as dead letters again, at most: a failure that repeats needs a fix, not a replay. */
    public static final int MAX_REPLAYS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    /** Input bytes of each entry {@link #latest} lists (so a listing is bounded whatever the entries hold). */
    public static final int LISTED_INPUT_BYTES = 4 * 1024;

    private final KafkaSettings kafka;

    public DeadLetters(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    /** The latest {@code limit} dead letters, newest last, each with at most {@link #LISTED_INPUT_BYTES} of its input. */
    public List<DlqEntry> latest(int limit) {
        return latest(limit, null, null);
    }

    /**
     * The latest {@code limit} dead letters of {@code stage} with reason {@code code} (null: any),
     * in time order (oldest first, whatever partition they are on), each with at most
     * {@link #LISTED_INPUT_BYTES} of its input.
     */
    public List<DlqEntry> latest(int limit, String stage, String code) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(TopicReader.readToEnd(kafka, Topics.PAGES_DLQ.name()));
        records.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
        Deque<DlqEntry> last = new ArrayDeque<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            DlqEntry entry = read(r);
            if (entry != null && matches(entry, stage, code)) {
                last.addLast(entry.trimmed(LISTED_INPUT_BYTES));
                if (last.size() > limit) {
                    last.removeFirst();
                }
            }
        }
        List<DlqEntry> out = new ArrayList<>(last);
        out.sort(java.util.Comparator.comparing(DlqEntry::time, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return out;
    }

    /** True when {@code entry} is of {@code stage} and {@code code} (a null filter matches any). */
    public static boolean matches(DlqEntry entry, String stage, String code) {
        return (stage == null || stage.equals(entry.stage())) && (code == null || code.equals(entry.code()));
    }

    /**
     * The topic a replay of {@code entry} goes to: the stage it failed at. The topic it was read
     * from when that is one of Filmwire's; films.overrides for an override (read from the internal
     * overrides repartition topic); pages.fetch for an intake failure of no topic (a feed item:
     * ingest-service fetches its URL again); else pages.raw.
     */
    public static String replayTopic(DlqEntry entry) {
        if (isIntakeFailure(entry)) {
            return Topics.PAGES_FETCH.name();
        }
        String from = entry.inputTopic();
        if (from != null && Topics.byName(from) != null) {
            return from;
        }
        if (from != null && from.endsWith("-overrides-in-repartition")) {
            return Topics.FILMS_OVERRIDES.name();
        }
        return Topics.PAGES_RAW.name();
    }

    /** True for an intake failure that came from no topic (a feed item): its replay is a fetch request. */
    private static boolean isIntakeFailure(DlqEntry entry) {
        return entry.inputTopic() == null && DlqEntry.Stage.INGEST.id().equals(entry.stage());
    }

    /** The dead letter with this id, if pages.dlq holds it. */
    public Optional<DlqEntry> find(String id) {
        for (ConsumerRecord<String, byte[]> r : TopicReader.readToEnd(kafka, Topics.PAGES_DLQ.name())) {
            DlqEntry entry = read(r);
            if (entry != null && id.equals(entry.id())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the dead letter's input again to its input topic (pages.raw when it came from none; for
     * an intake failure of no topic, a fetch request of its URL to pages.fetch), under its original
     * key, and waits for Kafka's acknowledgement.
     */
    public RecordMetadata replay(DlqEntry entry) throws ExecutionException, InterruptedException, TimeoutException {
        byte[] fetch = null;
        if (isIntakeFailure(entry)) {
            // an intake failure holds no page: ingest-service fetches the URL again (pages.fetch)
            try {
                fetch = Topics.PAGES_FETCH.valueSerde().serializer().serialize(Topics.PAGES_FETCH.name(),
                        FetchRequest.replaying(entry, java.time.Instant.now()));
            } catch (IllegalArgumentException e) {
                throw new NotReplayable(e.getMessage());
            }
        }
        int replays = replaysBefore(entry.id());
        if (replays >= MAX_REPLAYS) {
            throw new NotReplayable("dead letter '" + entry.id() + "' comes from the " + replays + "th replay of its input,"
                    + " which failed again each time (" + entry.code() + ": " + entry.reason() + "); at most " + MAX_REPLAYS
                    + " replays: fix the cause, then send the input anew");
        }
        String topic = replayTopic(entry);
        String key = entry.inputKey() != null ? entry.inputKey() : entry.pageId();
        Map<String, Object> props = kafka.clientProperties(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 * 1024 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "filmwire-dlq-replay"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            byte[] value = fetch != null ? fetch : entry.truncated() ? original(entry) : entry.inputBytes();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            RecordHeaders.set(record.headers(), REPLAY_HEADER, entry.id());
            RecordHeaders.set(record.headers(), RecordHeaders.REPLAYS, String.valueOf(replays + 1));
            RecordHeaders.set(record.headers(), RecordHeaders.SCHEMA, Topics.schemaHeader(topic));
            RecordMetadata meta = producer.send(record).get(30, TimeUnit.SECONDS);
            LOG.info("Dead letter '{}' (stage {}) replayed to {}-{} at offset {}", entry.id(), entry.stage(), topic,
                    meta.partition(), meta.offset());
            return meta;
        }
    }

    /** How many replays led to the dead letter {@code id} (its header {@code filmwire.replays}; 0 for an original). */
    private int replaysBefore(String id) {
        for (ConsumerRecord<String, byte[]> r : TopicReader.readToEnd(kafka, Topics.PAGES_DLQ.name())) {
            DlqEntry entry = read(r);
            if (entry != null && id.equals(entry.id())) {
                String count = RecordHeaders.text(r.headers(), RecordHeaders.REPLAYS);
                try {
                    return count == null ? 0 : Integer.parseInt(count.trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** A dead letter that a replay cannot put back: it holds no input of a topic, or was replayed too often. */
    public static final class NotReplayable extends IllegalStateException {
        NotReplayable(String message) {
            super(message);
        }
    }

    /** The whole input of an entry that keeps only its start: the record at its coordinates. */
    private byte[] original(DlqEntry entry) {
        if (entry.inputTopic() == null || entry.inputPartition() == null || entry.inputOffset() == null) {
            throw new IllegalStateException("dead letter '" + entry.id() + "' keeps only the start of its input and no coordinates");
        }
        org.apache.kafka.common.TopicPartition tp = new org.apache.kafka.common.TopicPartition(entry.inputTopic(),
                entry.inputPartition());
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(kafka.clientProperties(Map.of(
                             org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                             org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                             org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                             org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG, "filmwire-dlq-replay")),
                     new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                     new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, entry.inputOffset());
            long until = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < until) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(java.time.Duration.ofMillis(500))) {
                    if (r.offset() == entry.inputOffset()) {
                        return r.value();
                    }
                    if (r.offset() > entry.inputOffset()) {
                        break;
                    }
                }
                if (consumer.position(tp) > entry.inputOffset()) {
                    break;
                }
            }
        }
        throw new IllegalStateException("the input of dead letter '" + entry.id() + "' is no longer at " + tp + " offset "
                + entry.inputOffset() + " (retention or compaction removed it)");
    }

    private static DlqEntry read(ConsumerRecord<String, byte[]> r) {
        try {
            return Topics.PAGES_DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            LOG.warn("Unreadable record on {} at {}-{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            return null;
        }
    }

}
