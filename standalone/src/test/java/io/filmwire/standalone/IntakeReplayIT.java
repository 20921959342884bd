package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.common.Settings;
import io.filmwire.common.TopicReader;
import io.filmwire.common.http.BearerToken;
import io.filmwire.common.http.HttpConfig;
import io.filmwire.common.http.Role;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.TestSite;
import io.filmwire.publish.ops.DeadLetters;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.RecordHeaders;
import io.filmwire.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An intake dead letter replays into a record, on the standalone (embedded broker, all three
 * services, tokens on): a feed item whose site answers 500 past the retries is dead-lettered at
 * stage ingest; once the site is fixed, an operator's replay (refused without the token) asks
 * ingest-service to fetch it again through pages.fetch, and the page becomes a film on films.records.
 * A URL that keeps failing makes a new dead letter per replay, up to the replay limit.
 */
class IntakeReplayIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String OPS = BearerToken.generate();

    @TempDir
    static Path dataDir;

    private static TestSite site;
    private static Standalone standalone;
    private static final AtomicBoolean fixed = new AtomicBoolean();
    private static final AtomicInteger brokenCalls = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        site = TestSite.start();
        site.page("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        site.handle("/feed.xml", ex -> TestSite.send(ex, 200, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\">"
                + "<channel><title>Desk</title><item><title>The Tidewater Archive</title><link>" + site.url("/films/tidewater")
                + "</link></item><item><title>Gone</title><link>" + site.url("/films/broken") + "</link></item>"
                + "</channel></rss>"));
        site.handle("/films/tidewater", ex -> {
            if (fixed.get()) {
                TestSite.send(ex, 200, "text/html; charset=utf-8", "<html><head><title>The Tidewater Archive (2019)</title>"
                        + "<script type=\"application/ld+json\">{\"@type\":\"Movie\",\"name\":\"The Tidewater Archive\","
                        + "\"datePublished\":\"2019\",\"duration\":\"PT88M\",\"director\":{\"@type\":\"Person\","
                        + "\"name\":\"Ines Calloway\"}}</script></head><body><article><h1>The Tidewater Archive</h1>"
                        + "<p>A documentary about a harbour's records.</p></article></body></html>");
            } else {
                TestSite.send(ex, 500, "text/plain", "the database is down");
            }
        });
        site.page("/films/after-garbage", "text/html", "<html><head><title>After the garbage</title></head><body>"
                + "<p>A page.</p></body></html>");
        site.handle("/films/broken", ex -> {
            brokenCalls.incrementAndGet();
            TestSite.send(ex, 503, "text/plain", "still down");
        });
        standalone = Standalone.start(Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                StandaloneConfig.BROKER_PORT, "0",
                StandaloneConfig.HTTP_PORT, "0",
                HttpConfig.AUTH_TOKENS, BearerToken.of("ops", EnumSet.of(Role.OPERATOR), OPS).entry(),
                IngestConfig.FEEDS, site.url("/feed.xml"),
                IngestConfig.FEED_MAX_ATTEMPTS, "1",
                IngestConfig.FETCH_ALLOW_HOSTS, "127.0.0.1:" + site.port(),
                IngestConfig.FETCH_HOST_DELAY_MS, "0",
                IngestConfig.RETRY_TIMEOUT_MS, "800",
                IngestConfig.RETRY_BACKOFF_MS, "100")), true);
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
        if (site != null) {
            site.close();
        }
    }

    private HttpResponse<String> replay(String id, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standalone.services().httpPort()
                        + "/api/dlq/" + id + "/replay"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<DlqEntry> deadLettersOf(String url) {
        return new DeadLetters(standalone.kafka()).latest(200).stream().filter(e -> url.equals(e.pageId())).toList();
    }

    private DlqEntry firstDeadLetterOf(String url) {
        return Await.until(TIMEOUT, "the dead letter of the feed item " + url, () -> {
            List<DlqEntry> all = deadLettersOf(url);
            return all.isEmpty() ? null : all.get(0);
        });
    }

    private List<ConsumerRecord<String, byte[]>> recordsFrom(String url) {
        return TopicReader.readToEnd(standalone.kafka(), Topics.FILMS_RECORDS.name()).stream().filter(r -> {
            if (r.value() == null) {
                return false;
            }
            FilmRecord film = Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            return film.sources().stream().anyMatch(s -> url.equals(s.url()));
        }).toList();
    }

    @Test
    void aFeedItemThatFailedIsFetchedAgainOnReplayAndBecomesAFilm() throws Exception {
        String url = site.url("/films/tidewater");
        DlqEntry dead = firstDeadLetterOf(url);
        assertThat(dead.stage()).isEqualTo("ingest");
        assertThat(dead.code()).isEqualTo("not-taken-in");
        assertThat(dead.reason()).contains("HTTP 500");
        assertThat(site.requests("/films/tidewater").size()).as("retried with backoff before the dead letter").isGreaterThan(1);
        assertThat(recordsFrom(url)).isEmpty();

        assertThat(replay(dead.id(), null).statusCode()).as("nothing writes without the right").isEqualTo(401);
        assertThat(TopicReader.readToEnd(standalone.kafka(), Topics.PAGES_FETCH.name())).isEmpty();

        fixed.set(true);
        HttpResponse<String> replayed = replay(dead.id(), OPS);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        JsonNode answer = Json.mapper().readTree(replayed.body());
        assertThat(answer.path("topic").asText()).as("back to the stage it failed at: a fetch").isEqualTo(Topics.PAGES_FETCH.name());

        List<ConsumerRecord<String, byte[]>> films = Await.until(TIMEOUT, "a film record from the fetched page", () -> {
            List<ConsumerRecord<String, byte[]>> found = recordsFrom(url);
            return found.isEmpty() ? null : found;
        });
        FilmRecord film = Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize(Topics.FILMS_RECORDS.name(),
                films.get(0).value());
        assertThat(film.title()).isEqualTo("The Tidewater Archive");
        assertThat(film.runtimeMinutes()).isEqualTo(88);
        ConsumerRecord<String, byte[]> page = TopicReader.readToEnd(standalone.kafka(), Topics.PAGES_RAW.name()).stream()
                .filter(r -> url.equals(r.key())).findFirst().orElseThrow();
        assertThat(RecordHeaders.text(page.headers(), RecordHeaders.REPLAY_OF)).isEqualTo(dead.id());
        assertThat(RecordHeaders.text(page.headers(), RecordHeaders.REPLAYS)).isEqualTo("1");
        assertThat(Topics.PAGES_RAW.valueSerde().deserializer().deserialize(page.topic(), page.value()).source())
                .as("written as the feed's page").isEqualTo("feed:" + site.url("/feed.xml"));
        assertThat(deadLettersOf(url)).as("no new dead letter").hasSize(1);
    }

    @Test
    void aUrlThatKeepsFailingMakesANewDeadLetterPerReplayUpToTheLimit() throws Exception {
        String url = site.url("/films/broken");
        DlqEntry first = firstDeadLetterOf(url);
        DlqEntry last = first;
        for (int n = 1; n <= DeadLetters.MAX_REPLAYS; n++) {
            int calls = brokenCalls.get();
            assertThat(replay(last.id(), OPS).statusCode()).isEqualTo(202);
            int entries = n + 1;
            List<DlqEntry> all = Await.until(TIMEOUT, entries + " dead letters of " + url, () -> {
                List<DlqEntry> found = deadLettersOf(url);
                return found.size() >= entries ? found : null;
            });
            last = all.get(all.size() - 1);
            assertThat(last.stage()).isEqualTo("ingest");
            assertThat(last.inputTopic()).as("the request, replayable from its coordinates").isEqualTo(Topics.PAGES_FETCH.name());
            assertThat(last.reason()).contains("HTTP 503").contains("attempts within ingest.retry.timeout.ms");
            assertThat(brokenCalls.get()).as("fetched again, with retries").isGreaterThan(calls + 1);
        }
        HttpResponse<String> refused = replay(last.id(), OPS);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("at most " + DeadLetters.MAX_REPLAYS + " replays");
    }

    @Test
    void aRecordOnPagesFetchThatIsNoRequestIsDeadLetteredAndTheNextOneFetched() throws Exception {
        String url = site.url("/films/after-garbage");
        try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer =
                     new org.apache.kafka.clients.producer.KafkaProducer<>(standalone.kafka().clientProperties(Map.of("acks", "all")),
                             new org.apache.kafka.common.serialization.StringSerializer(),
                             new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.PAGES_FETCH.name(), "garbage",
                    "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
            byte[] request = Topics.PAGES_FETCH.valueSerde().serializer().serialize(Topics.PAGES_FETCH.name(),
                    new io.filmwire.schema.FetchRequest(url, "fetch", null, java.time.Instant.now()));
            // the same partition as the garbage: it is taken only if the garbage does not stop the consumer
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.PAGES_FETCH.name(), "garbage",
                    request)).get();
        }
        DlqEntry garbage = Await.until(TIMEOUT, "the garbage on pages.dlq", () -> new DeadLetters(standalone.kafka())
                .latest(200).stream().filter(e -> "garbage".equals(e.pageId())).findFirst().orElse(null));
        assertThat(garbage.stage()).isEqualTo("ingest");
        assertThat(garbage.code()).as("a lasting failure, dead-lettered at once").isEqualTo("unreadable");
        assertThat(garbage.inputTopic()).isEqualTo(Topics.PAGES_FETCH.name());
        Await.until(TIMEOUT, "the next request's page on pages.raw", () -> TopicReader.readToEnd(standalone.kafka(),
                Topics.PAGES_RAW.name()).stream().filter(r -> url.equals(r.key())).findFirst().orElse(null));
    }
}
