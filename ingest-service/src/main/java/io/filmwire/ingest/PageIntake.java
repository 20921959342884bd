package io.filmwire.ingest;

import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes pages to pages.raw, keyed by page id, with an idempotent producer and {@code acks=all}.
 * A page counts as taken in only when its future completes: that is Kafka's acknowledgement.
 * Thread-safe (one producer shared by all callers).
 */
public final class PageIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageIntake.class);

    private final KafkaProducer<String, RawPage> producer;
    private final Counter accepted;
    private final Counter failed;

    public PageIntake(IngestConfig config, MeterRegistry registry) {
        Map<String, Object> props = config.kafka().clientProperties(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 * 1024 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, config.deliveryTimeoutMs(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(config.deliveryTimeoutMs() - 10, 30_000),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(config.deliveryTimeoutMs(), 10_000),
                ProducerConfig.CLIENT_ID_CONFIG, "filmwire-ingest"));
        @SuppressWarnings("unchecked")
        Serializer<RawPage> values = (Serializer<RawPage>) Topics.PAGES_RAW.valueSerde().serializer();
        this.producer = new KafkaProducer<>(props, Topics.PAGES_RAW.keySerde().serializer(), values);
        this.accepted = Counter.builder("filmwire.ingest.pages").tag("result", "acknowledged")
                .description("Pages written to pages.raw").register(registry);
        this.failed = Counter.builder("filmwire.ingest.pages").tag("result", "refused")
                .description("Pages Kafka did not acknowledge").register(registry);
    }

    public PageIntake(IngestConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    /** Sends {@code page}; completes with its position once Kafka acknowledged it, exceptionally if not. */
    public CompletableFuture<RecordMetadata> submit(RawPage page) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.PAGES_RAW.name(), page.pageId(), page), (meta, error) -> {
                if (error != null) {
                    failed.increment();
                    LOG.warn("Page '{}' not acknowledged by Kafka: {}", page.pageId(), error.toString());
                    result.completeExceptionally(error);
                } else {
                    accepted.increment();
                    result.complete(meta);
                }
            });
        } catch (RuntimeException e) {
            failed.increment();
            LOG.warn("Page '{}' not sent to Kafka: {}", page.pageId(), e.toString());
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Waits until every page sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
