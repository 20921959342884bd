package io.filmwire.standalone;

import io.filmwire.common.TopicReader;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.TopicAdmin;
import io.filmwire.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @TempDir
    Path dataDir;

    private static KafkaSettings kafka(EmbeddedKafkaBroker broker) {
        return KafkaSettings.from(Settings.of(Map.of(KafkaSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                KafkaSettings.TOPIC_PARTITIONS, "2")));
    }

    @Test
    void aRealBrokerCreatesTheTopicsAndKeepsMessagesAcrossARestart() throws Exception {
        int port;
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0).start()) {
            port = broker.port();
            List<String> created = TopicAdmin.ensureTopics(kafka(broker), Duration.ofSeconds(30));
            assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(t -> t.name()).toList());
            try (Admin admin = Admin.create(kafka(broker).clientProperties(Map.of()))) {
                ConfigResource records = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FILMS_RECORDS.name());
                ConfigEntry policy = admin.describeConfigs(List.of(records)).all().get().get(records).get("cleanup.policy");
                assertThat(policy.value()).isEqualTo("compact");
            }
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka(broker).clientProperties(Map.of("acks", "all")),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.PAGES_RAW.name(), "k", "kept".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        assertThat(Files.exists(dataDir.resolve("kafka-logs").resolve("meta.properties"))).isTrue();

        try (EmbeddedKafkaBroker again = new EmbeddedKafkaBroker(dataDir, port).start()) {
            assertThat(TopicAdmin.ensureTopics(kafka(again), Duration.ofSeconds(30))).isEmpty();
            List<ConsumerRecord<String, byte[]>> read = TopicReader.readToEnd(kafka(again), Topics.PAGES_RAW.name());
            assertThat(read).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("k");
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("kept");
            });
        }
    }
}
