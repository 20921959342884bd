package io.filmwire.standalone;

import io.filmwire.common.TopicReader;
import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topics;
import io.filmwire.standalone.Services.Part;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real embedded KRaft broker and ingest-service (with HTTP, watched folders and feeds as
 * configured) on it, for the intake ITs: the broker can be stopped and started again on the same
 * port and data, the services restarted on the same state.
 */
final class IntakeHarness implements AutoCloseable {

    private final Path dataDir;
    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedKafkaBroker broker;
    private int brokerPort;
    private Services services;

    private IntakeHarness(Path dataDir, Map<String, String> settings) {
        this.dataDir = dataDir;
        this.settings = new HashMap<>(settings);
    }

    /** Starts the broker and ingest-service with HTTP; {@code settings} add to (and beat) the test defaults. */
    static IntakeHarness start(Path dataDir, Map<String, String> settings) {
        IntakeHarness h = new IntakeHarness(dataDir, settings);
        h.startBroker();
        h.startServices();
        return h;
    }

    void startBroker() {
        broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), "127.0.0.1", brokerPort, Map.of()).start();
        brokerPort = broker.port();
    }

    void stopBroker() {
        broker.close();
    }

    void startServices() {
        Map<String, String> all = new HashMap<>();
        all.put(StandaloneConfig.DATA_DIR, dataDir.toString());
        all.put(StandaloneConfig.HTTP_PORT, "0");
        all.put(KafkaSettings.TOPIC_PARTITIONS, "2");
        all.putAll(settings);
        all.put(KafkaSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        services = Services.start(Settings.of(all), EnumSet.of(Part.INGEST, Part.HTTP));
    }

    void stopServices() {
        services.close();
    }

    Services services() {
        return services;
    }

    KafkaSettings kafka() {
        return services.kafka();
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Every raw page on pages.raw. */
    List<RawPage> pagesRaw() {
        return TopicReader.readToEnd(kafka(), Topics.PAGES_RAW.name()).stream()
                .map(r -> Topics.PAGES_RAW.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .toList();
    }

    /** Every dead letter on pages.dlq. */
    List<DlqEntry> deadLetters() {
        return TopicReader.readToEnd(kafka(), Topics.PAGES_DLQ.name()).stream()
                .map(r -> Topics.PAGES_DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .toList();
    }

    /** POSTs {@code body} to {@code pathAndQuery}; {@code headers} are name, value pairs. */
    HttpResponse<String> post(String pathAndQuery, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + services.httpPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path}. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + services.httpPort() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
