package io.filmwire.ingest;

import io.filmwire.common.metrics.DeadLetterMetrics;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topic;
import io.filmwire.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes pages to pages.raw (and what intake could not take to pages.dlq), keyed by page id, with
 * an idempotent producer and {@code acks=all}. A page counts as taken in only when its future
 * completes: that is Kafka's acknowledgement. While Kafka is unreachable a page fails after
 * {@code ingest.delivery.timeout.ms} (or {@code ingest.max.block.ms} when the producer has no
 * metadata), with an error {@link #isRetriable} says is worth sending again later.
 * Thread-safe (one producer shared by all callers).
 */
public final class PageIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageIntake.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Duration ackTimeout;
    private final Counter accepted;
    private final Counter failed;
    private final DeadLetterMetrics deadLetters;
    private final KafkaClientMetrics producerMetrics;
    private volatile long lastAckNanos = System.nanoTime();
    private volatile long lastFailureNanos;
    private volatile String lastFailure;

    public PageIntake(IngestConfig config, MeterRegistry registry) {
        int delivery = config.deliveryTimeoutMs();
        int linger = 5;
        Map<String, Object> props = config.kafka().clientProperties(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, linger,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 * 1024 * 1024,
                // the producer requires delivery >= linger + request timeout
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(delivery - linger, 30_000),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlockMs(),
                ProducerConfig.CLIENT_ID_CONFIG, "filmwire-ingest"));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.ackTimeout = config.ackTimeout();
        this.accepted = Counter.builder("filmwire.ingest.pages").tag("result", "acknowledged")
                .description("Pages written to pages.raw").register(registry);
        this.failed = Counter.builder("filmwire.ingest.pages").tag("result", "refused")
                .description("Pages Kafka did not acknowledge").register(registry);
        this.deadLetters = new DeadLetterMetrics(registry);
        deadLetters.register(DlqEntry.Stage.INGEST);
        // the producer's own metrics (record rates, errors, buffer) beside Filmwire's
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
    }

    public PageIntake(IngestConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    /** Sends {@code page} to pages.raw; completes with its position once Kafka acknowledged it, exceptionally if not. */
    public CompletableFuture<RecordMetadata> submit(RawPage page) {
        return submit(page, Map.of());
    }

    /**
     * Sends {@code page} to pages.raw with the record headers {@code headers} (a replay's
     * {@code filmwire.replay.of} and {@code filmwire.replays}); as {@link #submit(RawPage)}.
     */
    public CompletableFuture<RecordMetadata> submit(RawPage page, Map<String, String> headers) {
        CompletableFuture<RecordMetadata> result = send(Topics.PAGES_RAW, page.pageId(), page, headers);
        return result.whenComplete((meta, error) -> {
            if (error == null) {
                accepted.increment();
                lastAckNanos = System.nanoTime();
            } else {
                failed.increment();
                lastFailureNanos = System.nanoTime();
                lastFailure = describe(error);
                LOG.warn("Page '{}' not acknowledged by Kafka: {}", page.pageId(), error.toString());
            }
        });
    }

    /** Sends {@code entry} to pages.dlq, keyed by its page id; completes once Kafka acknowledged it. */
    public CompletableFuture<RecordMetadata> deadLetter(DlqEntry entry) {
        return deadLetter(entry, Map.of());
    }

    /** Sends {@code entry} to pages.dlq with the record headers {@code headers}; as {@link #deadLetter(DlqEntry)}. */
    public CompletableFuture<RecordMetadata> deadLetter(DlqEntry entry, Map<String, String> headers) {
        return send(Topics.PAGES_DLQ, entry.pageId(), entry, headers).whenComplete((meta, error) -> {
            if (error == null) {
                deadLetters.count(entry);
            } else {
                LOG.warn("Dead letter of '{}' not acknowledged by Kafka: {}", entry.pageId(), error.toString());
            }
        });
    }

    private <V> CompletableFuture<RecordMetadata> send(Topic<String, V> topic, String key, V value,
                                                       Map<String, String> extra) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            Headers headers = new RecordHeaders();
            extra.forEach((name, text) -> io.filmwire.schema.RecordHeaders.set(headers, name, text));
            byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), headers, value);
            producer.send(new ProducerRecord<>(topic.name(), null, key, bytes, headers), (meta, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(meta);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(new NotSentException(e));
        }
        return result;
    }

    /** The producer refused a record before it was handed to Kafka: certainly not written. */
    public static final class NotSentException extends org.apache.kafka.common.KafkaException {
        NotSentException(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * True when a failed send certainly wrote nothing: the producer refused the record before
     * handing it to a broker (it threw, or it never learned where the topic lives within
     * {@code ingest.max.block.ms}). A delivery timeout or an acknowledgement not awaited in time is
     * not certain: the broker may have written the record; the answer is then "outcome unknown".
     */
    public static boolean surelyNotWritten(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof NotSentException) {
            return true;
        }
        return e instanceof org.apache.kafka.common.errors.TimeoutException && e.getMessage() != null && e.getMessage().contains("not present in metadata");
    }

    /**
     * Waits for a future of {@link #submit} or {@link #deadLetter}: its position once acknowledged.
     *
     * @throws ExecutionException with Kafka's error as the cause; {@link #isRetriable} tells whether to try again
     */
    public RecordMetadata await(CompletableFuture<RecordMetadata> sent) throws ExecutionException, InterruptedException {
        try {
            return sent.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ExecutionException(new org.apache.kafka.common.errors.TimeoutException(
                    "no answer from Kafka within " + ackTimeout.toMillis() + " ms"));
        }
    }

    /**
     * True when sending failed for a passing reason (Kafka unreachable, timed out, leader moving):
     * the same page may be sent again later. False for errors the page itself causes (too large).
     */
    public static boolean isRetriable(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof RetriableException || e instanceof TimeoutException || e instanceof InterruptedException;
    }

    /** The message of the root of a send error, for logs and answers. */
    public static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The producer's health entry: not ready while its last page failed and none was acknowledged
     * since (Kafka away, or refusing writes).
     */
    public io.filmwire.common.Health.Status health() {
        long failure = lastFailureNanos;
        if (lastFailure != null && failure - lastAckNanos > 0) {
            return io.filmwire.common.Health.Status.notReady("the last page was not acknowledged: " + lastFailure);
        }
        return io.filmwire.common.Health.Status.up("pages acknowledged: " + (long) accepted.count() + ", refused: "
                + (long) failed.count());
    }

    /** Waits until every page sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producerMetrics.close();
        producer.close(Duration.ofSeconds(10));
    }
}
