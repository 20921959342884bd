package io.filmwire.ingest;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Configuration of ingest-service, validated at start-up.
 *
 * @param maxPageBytes      pages larger than this are refused (HTTP 413, file moved to failed/)
 * @param deliveryTimeoutMs how long a page may wait for Kafka's acknowledgement before it is refused
 */
public record IngestConfig(KafkaSettings kafka, long maxPageBytes, int deliveryTimeoutMs) {

    public static final String MAX_PAGE_BYTES = "ingest.max.page.bytes";
    public static final String DELIVERY_TIMEOUT_MS = "ingest.delivery.timeout.ms";

    public static final ConfigDef DEF = new ConfigDef()
            .define(MAX_PAGE_BYTES, Type.LONG, 10L * 1024 * 1024, Range.between(1024, 24L * 1024 * 1024), Importance.MEDIUM,
                    "Largest page accepted, in bytes (after decompression). Larger pages are refused with 413.")
            .define(DELIVERY_TIMEOUT_MS, Type.INT, 30_000, Range.between(1_000, 600_000), Importance.MEDIUM,
                    "How long a page may wait for Kafka's acknowledgement before it is refused (HTTP 503).");

    /** Parsed and validated from {@code settings}. */
    public static IngestConfig from(Settings settings) {
        AbstractConfig c = new AbstractConfig(DEF, settings.asMap(), false);
        return new IngestConfig(KafkaSettings.from(settings), c.getLong(MAX_PAGE_BYTES), c.getInt(DELIVERY_TIMEOUT_MS));
    }
}
