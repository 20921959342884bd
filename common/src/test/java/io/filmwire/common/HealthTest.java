package io.filmwire.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.http.HttpService;
import io.filmwire.common.http.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** /health and /ready from the components' states, over HTTP on loopback; a Streams app's entry. */
class HealthTest {

    @Test
    void readyNeedsEveryComponentReadyAndHealthOnlyAlive() throws Exception {
        AtomicReference<Health.Status> producer = new AtomicReference<>(Health.Status.up("ok"));
        try (Health health = new Health()) {
            health.add("intake-producer", producer::get);
            health.add("feed-poller", () -> Health.Status.up("1 feed"));
            Router router = new Router();
            health.routes(router);
            try (HttpService http = HttpService.start("127.0.0.1", 0, router, 2)) {
                HttpClient client = HttpClient.newHttpClient();
                java.util.function.Function<String, HttpResponse<String>> get = path -> {
                    try {
                        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                };
                assertThat(get.apply("/ready").statusCode()).isEqualTo(200);
                assertThat(get.apply("/health").body()).contains("\"status\":\"UP\"").contains("\"feed-poller\"");

                producer.set(Health.Status.notReady("Kafka away"));
                HttpResponse<String> ready = get.apply("/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("\"NOT_READY\"").contains("Kafka away");
                HttpResponse<String> alive = get.apply("/health");
                assertThat(alive.statusCode()).isEqualTo(200);
                assertThat(alive.body()).startsWith("{\"status\":\"DEGRADED\"");

                producer.set(Health.Status.down("thread died"));
                assertThat(get.apply("/health").statusCode()).isEqualTo(503);
                health.add("broken", () -> {
                    throw new IllegalStateException("no idea");
                });
                assertThat(health.statuses().get("broken").alive()).as("a check that throws is a dead part").isFalse();
            }
        }
    }

    @Test
    void aStreamsAppIsReadyOnlyRunningAndCountsReplacedThreads() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "health-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/health-test-" + System.nanoTime());
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        try {
            StreamsHealth health = StreamsHealth.watch("enrich-streams", streams);
            assertThat(health.status().ready()).as("CREATED is not RUNNING").isFalse();
            assertThat(health.status().alive()).isTrue();
            assertThat(health.threadFailed(new IllegalStateException("poison"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            assertThat(health.replacements()).isEqualTo(1);
            assertThat(health.status().detail()).contains("1 thread replaced").contains("poison");
            assertThat(health.status().alive()).as("one replaced thread is no failure yet").isTrue();
            for (int i = 1; i < StreamsHealth.DYING_THREADS; i++) {
                health.threadFailed(new IllegalStateException("poison again"));
            }
            assertThat(health.status().alive()).as("threads that keep dying are a health failure").isFalse();
            assertThat(health.status().detail()).contains("keep dying");
        } finally {
            streams.close();
        }
    }
}
