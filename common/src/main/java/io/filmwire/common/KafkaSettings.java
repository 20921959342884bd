package io.filmwire.common;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The Kafka settings every service shares: where the cluster is and how topics are created.
 *
 * @param bootstrapServers  {@code host:port,...}
 * @param partitions        partitions of each topic Filmwire creates
 * @param replicationFactor replication factor of the topics Filmwire creates
 * @param clientOverrides   {@code kafka.*} pass-through client properties
 */
public record KafkaSettings(String bootstrapServers, int partitions, short replicationFactor,
                            Map<String, Object> clientOverrides) {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";

    /** Definitions with defaults and documentation (the README's configuration table lists them). */
    public static final ConfigDef DEF = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka bootstrap servers (host:port,...). The standalone sets it to its embedded broker.")
            .define(TOPIC_PARTITIONS, Type.INT, 3, Range.between(1, 1000), Importance.MEDIUM,
                    "Partitions of each topic Filmwire creates when it is missing.")
            .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, Range.between(1, 32), Importance.MEDIUM,
                    "Replication factor of the topics Filmwire creates (3 on a production cluster).");

    public KafkaSettings {
        clientOverrides = Map.copyOf(clientOverrides);
    }

    /** Parsed and validated from {@code settings}; a bad value fails naming the key and the value. */
    public static KafkaSettings from(Settings settings) {
        AbstractConfig config = new AbstractConfig(DEF, settings.asMap(), false);
        return new KafkaSettings(config.getString(BOOTSTRAP_SERVERS), config.getInt(TOPIC_PARTITIONS),
                config.getShort(TOPIC_REPLICATION_FACTOR), settings.kafkaClientOverrides());
    }

    /** Client properties: bootstrap servers plus the pass-through overrides, then {@code extra}. */
    public Map<String, Object> clientProperties(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.putAll(clientOverrides);
        props.putAll(extra);
        return props;
    }
}
