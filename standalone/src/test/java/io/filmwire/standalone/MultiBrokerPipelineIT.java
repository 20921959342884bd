package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.schema.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline contract on three brokers in this JVM (Kafka's cluster test kit), configured as
 * docker-compose configures its cluster: topics replicated three times, two in-sync replicas
 * required, exactly-once transactions across brokers. docker-compose itself needs Docker; this is
 * the same cluster shape without it.
 */
class MultiBrokerPipelineIT extends PipelineContract {

    @TempDir
    static Path dataDir;

    private static KafkaClusterTestKit cluster;
    private static Services services;

    @BeforeAll
    static void start() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setNumBrokerNodes(3)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build())
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("transaction.state.log.num.partitions", "3")
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("message.max.bytes", String.valueOf(32 * 1024 * 1024))
                .setConfigProp("replica.fetch.max.bytes", String.valueOf(32 * 1024 * 1024))
                .setConfigProp("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024))
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        services = Services.start(Settings.of(Map.of(
                KafkaSettings.BOOTSTRAP_SERVERS, cluster.bootstrapServers(),
                KafkaSettings.TOPIC_REPLICATION_FACTOR, "3",
                KafkaSettings.TOPIC_PARTITIONS, "3",
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                StandaloneConfig.HTTP_PORT, "0")), true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (services != null) {
            services.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    Services services() {
        return services;
    }

    @Test
    void everyTopicIsReplicatedOnAllThreeBrokers() throws Exception {
        try (Admin admin = Admin.create(services.kafka().clientProperties(Map.of()))) {
            List<String> names = Topics.ALL.stream().map(t -> t.name()).toList();
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
            assertThat(topics).hasSize(names.size());
            topics.values().forEach(t -> t.partitions().forEach(p -> {
                assertThat(p.replicas()).as(t.name()).hasSize(3);
                assertThat(p.isr()).as(t.name()).hasSize(3);
            }));
        }
    }
}
