package io.filmwire.enrich.streams;

import io.filmwire.common.DeadLetterHandler;
import io.filmwire.common.Health;
import io.filmwire.common.StreamsHealth;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.schema.DlqEntry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link EnrichTopology} in a {@link KafkaStreams} instance with exactly-once processing.
 * Start with {@link #start}; {@link #close} stops it and waits.
 */
public final class EnrichStreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichStreamsApp.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metricsBinder;
    private final StreamsHealth health;

    private EnrichStreamsApp(KafkaStreams streams, KafkaStreamsMetrics metricsBinder, StreamsHealth health) {
        this.streams = streams;
        this.metricsBinder = metricsBinder;
        this.health = health;
    }

    /** Kafka Streams properties of enrich-streams. */
    public static Properties streamsProperties(EnrichConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka().clientProperties(Map.of()));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafka().replicationFactor());
        // larger batches, lz4: ~2x the exactly-once throughput of the defaults on this pipeline's pages
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 32 * 1024 * 1024);
        // bounded memory whatever the pages' size (ingest.max.page.bytes each, however well they
        // compressed): a poll brings at most 2 records and a partition pauses past 2 buffered, so a few
        // pages per partition are held at once; extraction (~30 pages/s) sets the pace anyway
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), 16 * 1024 * 1024);
        props.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 2);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // a record no serde can read (any topic, internal ones included) or a processor's exception: pages.dlq, go on
        DeadLetterHandler.install(props, DlqEntry.Stage.RECONCILE);
        // a restarted instance is the same static member (its tasks back at once, its open transaction fenced)
        config.recovery().apply(props, config.stateDir(), config.applicationId());
        Properties out = new Properties();
        out.putAll(props);
        return out;
    }

    /** Builds the topology and starts it. */
    public static EnrichStreamsApp start(EnrichConfig config, MeterRegistry registry) {
        Properties props = streamsProperties(config);
        DeadLetterHandler.countIn(props, registry);
        KafkaStreams streams = new KafkaStreams(
                EnrichTopology.build(config, Analyzers::standard, new EnrichMetrics(registry)), props);
        StreamsHealth health = StreamsHealth.watch("enrich-streams", streams).bindTo(registry);
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(registry);
        streams.start();
        LOG.info("enrich-streams started (application id '{}', state in '{}')", config.applicationId(), config.stateDir());
        return new EnrichStreamsApp(streams, binder, health);
    }

    /** The Streams state (RUNNING once partitions are assigned). */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** True when processing: running, or rebalancing towards running. */
    public boolean isHealthy() {
        KafkaStreams.State s = streams.state();
        return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
    }

    /** Its health entry: state, thread replacements. */
    public Health.Status health() {
        return health.status();
    }

    @Override
    public void close() {
        health.closing();
        metricsBinder.close();
        // leave the group now: a restarted instance then gets its partitions at once, not after the session timeout
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        LOG.info("enrich-streams stopped");
    }
}
