package io.filmwire.standalone;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same pipeline contract against Kafka in a container (the broker image of the same Kafka
 * version). Skipped where Docker is absent; {@link EmbeddedPipelineIT} checks the same on the
 * embedded broker.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineIT extends PipelineContract {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1");

    @TempDir
    static Path dataDir;

    private static Services services;

    @BeforeAll
    static void start() {
        services = Services.start(Settings.of(Map.of(
                KafkaSettings.BOOTSTRAP_SERVERS, KAFKA.getBootstrapServers(),
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                StandaloneConfig.HTTP_PORT, "0")), true);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Override
    Services services() {
        return services;
    }
}
