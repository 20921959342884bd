package io.filmwire.common;

import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams handler of records that cannot be read (any source topic, internal repartition
 * topics included) and of exceptions that escape a processor (KIP-1034): each such record becomes a
 * dead letter on pages.dlq, written in the task's transaction, with the source record's coordinates
 * (topic, partition, offset), a stable reason code ({@code unreadable}, {@code processing-failed})
 * and a bounded preview of the source value ({@link DlqEntry#preview}); processing then goes on with
 * the next record. The stage is the one of the failing processor or topic. Each dead letter it writes
 * is counted in {@code filmwire_dead_letters_total} when {@link #countIn} gave it a registry (a task
 * that aborts its transaction and retries counts its dead letters again, like the processors' own).
 * Thread-safe.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    /** Streams property: the stage of failures that no processor or topic name tells (default {@code reconcile}). */
    public static final String DEFAULT_STAGE_CONFIG = "filmwire.dead.letter.default.stage";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    /**
     * Streams property (an object, not text): the {@link io.filmwire.common.metrics.DeadLetterMetrics} that
     * counts each dead letter this handler writes; absent, they are not counted.
     */
    public static final String METRICS_CONFIG = "filmwire.dead.letter.metrics";

    private DlqEntry.Stage defaultStage = DlqEntry.Stage.RECONCILE;
    private io.filmwire.common.metrics.DeadLetterMetrics metrics;

    /** Installs this handler for both kinds of failure in {@code props}, failures of unknown origin at {@code stage}. */
    public static void install(Map<String, Object> props, DlqEntry.Stage stage) {
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(DEFAULT_STAGE_CONFIG, stage.name());
    }

    /**
     * Makes the handler installed in {@code props} count what it writes in {@code registry}'s
     * {@code filmwire_dead_letters_total{stage, reason}} (the processors count their own).
     */
    public static void countIn(Properties props, io.micrometer.core.instrument.MeterRegistry registry) {
        props.put(METRICS_CONFIG, new io.filmwire.common.metrics.DeadLetterMetrics(registry));
    }

    /** The same for a {@link Properties}. */
    public static void install(Properties props, DlqEntry.Stage stage) {
        Map<String, Object> map = new java.util.HashMap<>();
        install(map, stage);
        props.putAll(map);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object stage = configs.get(DEFAULT_STAGE_CONFIG);
        if (stage != null) {
            defaultStage = DlqEntry.Stage.valueOf(stage.toString().toUpperCase(Locale.ROOT));
        }
        if (configs.get(METRICS_CONFIG) instanceof io.filmwire.common.metrics.DeadLetterMetrics m) {
            metrics = m;
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                               ConsumerRecord<byte[], byte[]> record, Exception exception) {
        DlqEntry.Stage stage = stageOf(record.topic());
        String reason = "cannot read the record on '" + record.topic() + "': " + firstLine(exception);
        DlqEntry.Coordinates at = new DlqEntry.Coordinates(record.topic(), record.partition(), record.offset());
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(stage, DlqEntry.Reason.UNREADABLE,
                record.key(), record.value(), reason, exception, at, record.headers())));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        DlqEntry.Stage stage = stageOf(context.processorNodeId());
        String reason = "processor '" + context.processorNodeId() + "' failed: " + firstLine(exception);
        DlqEntry.Coordinates at = new DlqEntry.Coordinates(context.topic(), context.partition(), context.offset());
        byte[] key = context.sourceRawKey() != null ? context.sourceRawKey()
                : record.key() == null ? null : record.key().toString().getBytes(StandardCharsets.UTF_8);
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(stage, DlqEntry.Reason.PROCESSING_FAILED,
                key, context.sourceRawValue(), reason, exception, at, context.headers())));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(DlqEntry.Stage stage, DlqEntry.Reason code, byte[] rawKey,
                                                             byte[] value, String reason, Exception cause,
                                                             DlqEntry.Coordinates at, Headers input) {
        String key = rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
        DlqEntry entry = DlqEntry.preview(stage, code, key, key, value, reason, cause, at, Instant.now());
        if (metrics != null) {
            metrics.count(entry);
        }
        LOG.warn("Record '{}' at {}/{}@{} sent to the dead-letter topic (stage {}, {}): {}", key, at.topic(),
                at.partition(), at.offset(), stage.id(), code.code(), reason);
        Headers headers = new RecordHeaders();
        // a dead letter of a replay keeps the replay's link and count, which limit further replays
        for (String name : List.of(io.filmwire.schema.RecordHeaders.REPLAY_OF, io.filmwire.schema.RecordHeaders.REPLAYS)) {
            io.filmwire.schema.RecordHeaders.set(headers, name, io.filmwire.schema.RecordHeaders.text(input, name));
        }
        byte[] bytes = Topics.PAGES_DLQ.valueSerde().serializer().serialize(Topics.PAGES_DLQ.name(), headers, entry);
        byte[] dlqKey = (key == null ? entry.id() : key).getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(Topics.PAGES_DLQ.name(), null, dlqKey, bytes, headers);
    }

    /** The stage a processor or topic name tells. */
    DlqEntry.Stage stageOf(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.contains("digest") || n.contains("dedup")) {
            return DlqEntry.Stage.DEDUP;
        }
        if (n.contains("overrides") || n.contains("reconcile")) {
            return n.endsWith("films.reconciled") || n.contains("publish") ? DlqEntry.Stage.PUBLISH : DlqEntry.Stage.RECONCILE;
        }
        if (n.contains("pages.raw") || n.contains("pages-raw")) {
            return DlqEntry.Stage.VALIDATE;
        }
        if (n.contains("analyze") || n.contains("clean")) {
            return DlqEntry.Stage.CLEAN;
        }
        return defaultStage;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
