package io.filmwire.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.filmwire.common.KafkaSettings;
import io.filmwire.schema.FilmOverrides;
import io.filmwire.schema.FilmOverrides.FieldOverride;
import io.filmwire.schema.Json;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.SchemaValidator;
import io.filmwire.schema.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Editors' corrections on the compacted films.overrides topic, where each film id holds every field
 * an editor set on that film. Setting or removing one field reads the film's current overrides from
 * the topic (its partition, to the end), changes that field and writes the whole set back, acks=all
 * and idempotent; removing the last field writes a tombstone. Used by the CLI ({@code filmwire
 * override}) and the API ({@code POST /api/films/{id}/overrides}).
 *
 * <p>Writes from one editor instance are serialised; two processes editing the same film at the same
 * moment can lose one of the two changes (last writer wins), which editorial use makes rare.
 * Thread-safe.
 */
public final class OverrideEditor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OverrideEditor.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A film record that is valid whatever one overridable field says: the field is set on it and checked. */
    private static final String MINIMAL_RECORD = "{\"id\":\"film-x\",\"title\":\"x\",\"aliases\":[],\"year\":null,"
            + "\"runtimeMinutes\":null,\"rating\":null,\"languages\":[],\"genres\":[],\"credits\":[],"
            + "\"sources\":[{\"pageId\":\"p\"}],\"provenance\":{},\"conflicts\":{},\"version\":1}";

    private final KafkaSettings kafka;
    private final Clock clock;
    private KafkaProducer<String, byte[]> producer;

    public OverrideEditor(KafkaSettings kafka) {
        this(kafka, Clock.systemUTC());
    }

    OverrideEditor(KafkaSettings kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Why {@code value} cannot be the value of {@code field} (empty when it can). */
    public static List<String> problems(String field, JsonNode value) {
        if (!FilmOverrides.FIELDS.contains(field)) {
            return List.of("'" + field + "' cannot be overridden; the fields an editor may set are "
                    + String.join(", ", FilmOverrides.FIELDS));
        }
        if (value == null || value.isMissingNode()) {
            return List.of("a value for '" + field + "' is required");
        }
        try {
            ObjectNode record = (ObjectNode) Json.mapper().readTree(MINIMAL_RECORD);
            record.set(field, value);
            return SchemaValidator.get().violations(MessageSchema.FILM_RECORD, record).stream()
                    .map(v -> "'" + field + "' = " + value + ": " + v).toList();
        } catch (IOException e) {
            throw new IllegalStateException("the minimal film record does not parse", e);
        }
    }

    /**
     * The value an editor typed for {@code field}: JSON when it is JSON valid for the field
     * ({@code 24}, {@code ["Korean"]}, {@code {"value":7.5,"scale":10}}), else the text itself
     * ({@code Little Pyongyang}, or {@code 1917} for a title). Fails saying what the field takes.
     */
    public static JsonNode parseValue(String field, String text) {
        JsonNode json = null;
        try {
            json = Json.mapper().readTree(text);
        } catch (IOException ignored) {
            // not JSON: taken as text below
        }
        if (json != null && !json.isMissingNode() && problems(field, json).isEmpty()) {
            return json;
        }
        JsonNode asText = TextNode.valueOf(text);
        List<String> problems = problems(field, asText);
        if (problems.isEmpty()) {
            return asText;
        }
        List<String> jsonProblems = json == null || json.isMissingNode() ? problems : problems(field, json);
        throw new IllegalArgumentException(String.join("; ", jsonProblems) + example(field));
    }

    private static String example(String field) {
        return switch (field) {
            case "year" -> " (a year: 1944)";
            case "runtimeMinutes" -> " (whole minutes: 114)";
            case "aliases", "languages", "genres" -> " (a JSON array of texts: [\"Korean\", \"English\"])";
            case "credits" -> " (a JSON array: [{\"role\":\"director\",\"name\":\"Roxy Rezvany\"}])";
            case "rating" -> " (a JSON object: {\"value\":7.5,\"scale\":10,\"count\":39,\"source\":\"IMDb\"}, or null)";
            default -> "";
        };
    }

    /** The overrides of {@code filmId} now on the topic, or an empty set. */
    public synchronized FilmOverrides current(String filmId) {
        requireId(filmId);
        byte[] last = lastValue(Topics.FILMS_OVERRIDES.name(), filmId);
        if (last == null) {
            return new FilmOverrides(filmId, Map.of());
        }
        try {
            return Json.mapper().readValue(last, FilmOverrides.class);
        } catch (IOException e) {
            LOG.warn("The overrides of film '{}' on {} are not valid JSON; starting from none: {}", filmId,
                    Topics.FILMS_OVERRIDES.name(), e.getMessage());
            return new FilmOverrides(filmId, Map.of());
        }
    }

    /** True when {@code filmId} has a record on films.records now (not deleted, not merged away). */
    public synchronized boolean published(String filmId) {
        requireId(filmId);
        return lastValue(Topics.FILMS_RECORDS.name(), filmId) != null;
    }

    /** The last value of {@code key} on {@code topic} (its partition read to the end), or null (none, or a tombstone). */
    private byte[] lastValue(String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.clientProperties(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)), new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, partitionOf(consumer.partitionsFor(topic, TIMEOUT), topic, key));
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            byte[] last = null;
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within "
                            + TIMEOUT.toSeconds() + " s from " + kafka.bootstrapServers());
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        last = r.value();
                    }
                }
            }
            return last;
        }
    }

    /** Sets {@code field} of {@code filmId} to {@code value}; returns all the film's overrides after. */
    public synchronized FilmOverrides set(String filmId, String field, JsonNode value, String editor, String reason) {
        requireId(filmId);
        requireText("editor", editor);
        requireText("reason", reason);
        List<String> problems = problems(field, value);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + example(field));
        }
        Map<String, FieldOverride> fields = new LinkedHashMap<>(current(filmId).fields());
        fields.put(field, new FieldOverride(value, editor.strip(), reason.strip(), clock.instant()));
        FilmOverrides after = new FilmOverrides(filmId, fields);
        write(filmId, after);
        LOG.info("Override of '{}' on film '{}' set to {} by '{}': {}", field, filmId, value, editor, reason);
        return after;
    }

    /**
     * Removes the override of {@code field} from {@code filmId}; returns the overrides left.
     *
     * @throws java.util.NoSuchElementException when that field is not overridden
     */
    public synchronized FilmOverrides remove(String filmId, String field, String editor, String reason) {
        requireId(filmId);
        requireText("editor", editor);
        requireText("reason", reason);
        Map<String, FieldOverride> fields = new LinkedHashMap<>(current(filmId).fields());
        if (fields.remove(field) == null) {
            throw new java.util.NoSuchElementException("film '" + filmId + "' has no override of '" + field + "'"
                    + (fields.isEmpty() ? "" : "; it has overrides of " + String.join(", ", fields.keySet())));
        }
        FilmOverrides after = new FilmOverrides(filmId, fields);
        write(filmId, fields.isEmpty() ? null : after);
        LOG.info("Override of '{}' on film '{}' removed by '{}': {}", field, filmId, editor, reason);
        return after;
    }

    private void write(String filmId, FilmOverrides value) {
        if (value != null) {
            SchemaValidator.strict().requireValid(MessageSchema.FILM_OVERRIDES, value);
        }
        KafkaProducer<String, byte[]> p = producer();
        int partition = partitionOf(p.partitionsFor(Topics.FILMS_OVERRIDES.name()), Topics.FILMS_OVERRIDES.name(), filmId);
        Headers headers = new RecordHeaders();
        byte[] bytes = Topics.FILMS_OVERRIDES.valueSerde().serializer().serialize(Topics.FILMS_OVERRIDES.name(), headers, value);
        try {
            p.send(new ProducerRecord<>(Topics.FILMS_OVERRIDES.name(), partition, filmId, bytes, headers))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the override of film '" + filmId + "': "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + kafka.bootstrapServers() + " did not acknowledge the override of film '"
                    + filmId + "' within " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing the override of film '" + filmId + "'", e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(kafka.clientProperties(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis())),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** The partition the default partitioner gives a key: murmur2 of its bytes. */
    private static int partitionOf(List<PartitionInfo> partitions, String topic, String filmId) {
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return Utils.toPositive(Utils.murmur2(filmId.getBytes(StandardCharsets.UTF_8))) % partitions.size();
    }

    private static void requireId(String filmId) {
        if (filmId == null || !filmId.matches("film-[a-z0-9-]+")) {
            throw new IllegalArgumentException("'" + filmId + "' is not a film id (film-<letters, digits and dashes>)");
        }
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an override needs a " + what);
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
