package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.common.Health;
import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.http.HttpConfig;
import io.filmwire.schema.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Health tells the truth about Kafka: the three services on an embedded broker report ready;
 * with the broker stopped /ready turns 503 within 15 s (saying Kafka does not answer) and a log
 * line says so; with the broker back it is 200 again.
 */
class ReadinessIT {

    @TempDir
    Path dataDir;

    private EmbeddedKafkaBroker broker;
    private Services services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(Health.class)).detachAppender(logged);
        if (services != null) {
            services.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private HttpResponse<String> ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + services.healthPort() + "/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("/ready did not answer: " + e, e);
        }
    }

    @Test
    void readyTurnsFalseWhileTheBrokerIsAwayAndBackAfter() throws Exception {
        logged.start();
        ((Logger) LoggerFactory.getLogger(Health.class)).addAppender(logged);
        broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), 0).start();
        int brokerPort = broker.port();
        services = Services.start(Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                HttpConfig.PORT, "0",
                KafkaSettings.TOPIC_PARTITIONS, "1",
                KafkaSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers())), Services.Part.ALL);
        Await.until(Duration.ofSeconds(90), "/ready 200 with everything running", () -> ready().statusCode() == 200 ? true : null);
        JsonNode up = Json.mapper().readTree(ready().body()).path("components");
        assertThat(up.fieldNames()).toIterable().contains("kafka", "enrich-streams", "publish-service", "intake-producer");
        assertThat(up.path("enrich-streams").path("detail").asText()).startsWith("RUNNING");

        broker.close();
        long stopped = System.nanoTime();
        HttpResponse<String> down = Await.until(Duration.ofSeconds(20), "/ready 503 with the broker stopped", () -> {
            HttpResponse<String> r = ready();
            return r.statusCode() == 503 ? r : null;
        });
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(15));
        JsonNode kafka = Json.mapper().readTree(down.body()).path("components").path("kafka");
        assertThat(kafka.path("status").asText()).isEqualTo("NOT_READY");
        assertThat(kafka.path("detail").asText()).contains("did not answer");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + services.healthPort()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("alive, so not restarted for an outage").isEqualTo(200);
        assertThat(Json.mapper().readTree(health.body()).path("status").asText()).isEqualTo("DEGRADED");
        Await.until(Duration.ofSeconds(10), "a log line saying Kafka is away", () -> logged.list.stream()
                .anyMatch(e -> e.getFormattedMessage().contains("'kafka' is NOT_READY")) ? true : null);

        broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), brokerPort).start();
        Await.until(Duration.ofSeconds(90), "/ready 200 again with the broker back", () -> ready().statusCode() == 200 ? true : null);
        Await.until(Duration.ofSeconds(10), "a log line saying Kafka is back", () -> logged.list.stream()
                .anyMatch(e -> e.getFormattedMessage().contains("'kafka' is UP again")) ? true : null);
    }
}
