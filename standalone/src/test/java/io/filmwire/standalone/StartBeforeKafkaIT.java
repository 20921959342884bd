package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.TopicAdmin;
import io.filmwire.common.TopicReader;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.Topics;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * publish-service started before its broker: it waits, saying what for, and once the broker is up
 * it creates the topics and publishes.
 */
class StartBeforeKafkaIT {

    @TempDir
    Path dataDir;

    private EmbeddedKafkaBroker broker;
    private CompletableFuture<Services> starting;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(TopicAdmin.class)).detachAppender(logged);
        if (starting != null) {
            starting.get(60, TimeUnit.SECONDS).close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void publishServiceStartedBeforeTheBrokerWorksOnceTheBrokerIsUp() throws Exception {
        logged.start();
        ((Logger) LoggerFactory.getLogger(TopicAdmin.class)).addAppender(logged);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Settings settings = Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                KafkaSettings.TOPIC_PARTITIONS, "1",
                KafkaSettings.BOOTSTRAP_SERVERS, "127.0.0.1:" + port));
        starting = CompletableFuture.supplyAsync(() -> Services.start(settings, EnumSet.of(Services.Part.PUBLISH)));

        Await.until(Duration.ofSeconds(30), "a log line saying publish-service waits for Kafka", () ->
                logged.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("Waiting for Kafka at '127.0.0.1:" + port)
                        && e.getFormattedMessage().contains(Topics.FILMS_RECORDS.name())) ? true : null);
        assertThat(starting).as("still waiting, not exited").isNotDone();

        broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), port).start();
        Services services = starting.get(60, TimeUnit.SECONDS);

        FilmRecord film = new FilmRecord("film-late-2020", "Late", List.of(), 2020, 90, null, List.of("English"), List.of(),
                List.of(new FilmRecord.Credit("director", "Di Example")),
                List.of(new FilmRecord.SourceRef("p1", "https://a.example/late", "a.example", null)),
                Map.of(), Map.of(), 1, List.of(), Instant.parse("2026-01-01T00:00:00Z"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                services.kafka().clientProperties(Map.of("acks", "all")), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.FILMS_RECONCILED.name(), film.id(),
                    Json.write(film).getBytes(StandardCharsets.UTF_8))).get();
        }
        FilmRecord published = Await.until(Duration.ofSeconds(60), "the film on films.records", () ->
                TopicReader.readToEnd(services.kafka(), Topics.FILMS_RECORDS.name()).stream()
                        .map(r -> Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                        .filter(Objects::nonNull)
                        .filter(f -> f.id().equals(film.id()))
                        .findFirst().orElse(null));
        assertThat(published.title()).isEqualTo("Late");
    }
}
