package io.filmwire.standalone;

import io.filmwire.common.TopicReader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.SchemaValidator;
import io.filmwire.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * What the running pipeline must do, whatever the cluster: the embedded broker
 * ({@link EmbeddedPipelineIT}) or a Kafka container ({@link ContainerPipelineIT}).
 */
abstract class PipelineContract {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    /** The services under test, started with HTTP. */
    abstract Services services();

    static String moviePage(String title, int year, String director) {
        return "<!doctype html><html><head><title>" + title + " (" + year + ") - Test Films</title>"
                + "<script type=\"application/ld+json\">{\"@type\":\"Movie\",\"name\":\"" + title
                + "\",\"datePublished\":\"" + year + "-01-01\",\"duration\":\"PT1H40M\"}</script></head>"
                + "<body><article><h1>" + title + "</h1><p>A film directed by " + director + ".</p></article></body></html>";
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + services().httpPort() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + services().httpPort() + path)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    FilmRecord awaitRecord(String title) {
        return Await.until(TIMEOUT, "a film record titled '" + title + "' on films.records", () ->
                TopicReader.readToEnd(services().kafka(), Topics.FILMS_RECORDS.name()).stream()
                        .map(r -> Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                        .filter(Objects::nonNull)
                        .filter(f -> f.title().equals(title))
                        .findFirst().orElse(null));
    }

    @Test
    void aPagePostedOverHttpComesOutOnFilmsRecords() throws Exception {
        String title = "Posted Film " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> accepted = post("/pages?url=https://films.example/posted/" + title.hashCode(),
                "text/html; charset=utf-8", moviePage(title, 2001, "Ann Example"));
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode answer = Json.mapper().readTree(accepted.body());
        assertThat(answer.path("pageId").asText()).startsWith("https://films.example/posted/");

        FilmRecord film = awaitRecord(title);
        assertThat(film.year()).isEqualTo(2001);
        assertThat(film.runtimeMinutes()).isEqualTo(100);
        assertThat(film.sources()).extracting(FilmRecord.SourceRef::pageId).contains(answer.path("pageId").asText());
        assertThat(SchemaValidator.strict().violations(MessageSchema.FILM_RECORD, film)).isEmpty();

        HttpResponse<String> api = Await.until(TIMEOUT, "the film in the API", () -> {
            try {
                HttpResponse<String> r = get("/api/films/" + film.id());
                return r.statusCode() == 200 ? r : null;
            } catch (Exception e) {
                return null;
            }
        });
        assertThat(Json.mapper().readTree(api.body()).path("title").asText()).isEqualTo(title);
    }

    @Test
    void aPostedPageComesOutCleanedOnPagesClean() throws Exception {
        String paragraph = "The festival's closing film is a patient portrait of a family of fishermen, shot over four"
                + " winters on the same stretch of coast, and it was met with a long ovation.";
        String page = "<html><head><title>Closing night | Test News</title></head><body><nav><a href=\"/\">Home</a>"
                + " <a href=\"/films\">Films</a></nav><article><h1>Closing night</h1><p>" + paragraph + "</p>"
                + "<div class=\"share\"><a href=\"#\">Share</a></div></article><footer>Copyright Test News</footer>"
                + "</body></html>";
        HttpResponse<String> accepted = post("/pages?url=https://news.example/closing-" + UUID.randomUUID(), "text/html",
                page);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String pageId = Json.mapper().readTree(accepted.body()).path("pageId").asText();

        JsonNode clean = Await.until(TIMEOUT, "the page on pages.clean", () ->
                TopicReader.readToEnd(services().kafka(), Topics.PAGES_CLEAN.name()).stream()
                        .filter(r -> pageId.equals(r.key()))
                        .map(r -> {
                            try {
                                return Json.mapper().readTree(r.value());
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })
                        .findFirst().orElse(null));
        assertThat(SchemaValidator.strict().violations(MessageSchema.CLEAN_PAGE, clean)).isEmpty();
        assertThat(clean.path("text").asText()).isEqualTo(paragraph);
        assertThat(clean.path("title").asText()).isEqualTo("Closing night");
        assertThat(clean.path("language").asText()).isEqualTo("en");
    }

    @Test
    void aCorruptMessageLandsInTheDeadLetterTopicAndTheNextPageStillFlows() throws Exception {
        String key = "corrupt-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                services().kafka().clientProperties(Map.of("acks", "all")), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.PAGES_RAW.name(), key, new byte[] {'{', 0x01, (byte) 0xfe})).get();
        }
        String title = "After The Corrupt One " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/pages", "text/html", moviePage(title, 1999, "Bo Example")).statusCode()).isEqualTo(202);

        DlqEntry dead = Await.until(TIMEOUT, "the corrupt message on pages.dlq", () ->
                TopicReader.readToEnd(services().kafka(), Topics.PAGES_DLQ.name()).stream()
                        .filter(r -> key.equals(r.key()))
                        .map(r -> Topics.PAGES_DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                        .findFirst().orElse(null));
        assertThat(dead.stage()).isEqualTo("validate");
        assertThat(dead.inputTopic()).isEqualTo(Topics.PAGES_RAW.name());
        assertThat(dead.inputBytes()).containsExactly('{', 0x01, (byte) 0xfe);
        assertThat(awaitRecord(title).year()).isEqualTo(1999);
    }

    @Test
    void garbageOnTheInternalDigestTopicIsADeadLetterAndReconciliationGoesOn() throws Exception {
        String digests = io.filmwire.enrich.streams.EnrichConfig.from(services().settings(), java.nio.file.Path.of("unused"))
                .applicationId() + "-" + io.filmwire.enrich.streams.EnrichTopology.DIGESTS_REPARTITION + "-repartition";
        assertGarbageIsDeadLetteredAndPagesFlow(digests, "dedup", "unreadable");
    }

    @Test
    void garbageOnFilmOverridesIsADeadLetterAndReconciliationGoesOn() throws Exception {
        assertGarbageIsDeadLetteredAndPagesFlow(Topics.FILMS_OVERRIDES.name(), "reconcile", "not-json");
    }

    /** Writes garbage to {@code topic}, then a page: the garbage is on pages.dlq with its code, the page is reconciled. */
    private void assertGarbageIsDeadLetteredAndPagesFlow(String topic, String stage, String code) throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                services().kafka().clientProperties(Map.of("acks", "all")), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, new byte[] {'{', 0x02, (byte) 0xfd, 'x'})).get();
        }
        String title = "After Garbage " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/pages", "text/html", moviePage(title, 2004, "Cy Example")).statusCode()).isEqualTo(202);

        DlqEntry dead = Await.until(TIMEOUT, "the garbage of '" + topic + "' on pages.dlq", () ->
                TopicReader.readToEnd(services().kafka(), Topics.PAGES_DLQ.name()).stream()
                        .filter(r -> key.equals(r.key()))
                        .map(r -> Topics.PAGES_DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                        .findFirst().orElse(null));
        assertThat(dead.stage()).isEqualTo(stage);
        assertThat(dead.code()).isEqualTo(code);
        assertThat(dead.inputTopic()).as("the coordinates of the record read").isNotNull();
        assertThat(dead.inputPartition()).isNotNull();
        assertThat(dead.inputOffset()).isNotNull();
        assertThat(dead.inputBytes()).containsExactly('{', 0x02, (byte) 0xfd, 'x');
        assertThat(awaitRecord(title).year()).isEqualTo(2004);
        assertThat(services().health().alive()).as("health after the poison").isTrue();
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        HttpResponse<String> health = Await.until(TIMEOUT, "a healthy /health", () -> {
            try {
                HttpResponse<String> r = get("/health");
                return r.statusCode() == 200 ? r : null;
            } catch (Exception e) {
                return null;
            }
        });
        assertThat(Json.mapper().readTree(health.body()).path("status").asText()).isEqualTo("UP");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("filmwire_ingest_pages_total").contains("jvm_memory_used_bytes");
    }

    @Test
    void badRequestsAreRefusedWithJsonThatSaysWhy() throws Exception {
        HttpResponse<String> malformed = post("/pages", "application/json", "{\"url\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(malformed.body()).path("error").asText()).isEqualTo("malformed_json");
        HttpResponse<String> binary = post("/pages", "application/pdf", "%PDF-1.4");
        assertThat(binary.statusCode()).isEqualTo(415);
        assertThat(get("/api/films/film-does-not-exist").statusCode()).isIn(404, 503);
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    /** Keeps the records of a topic in a readable form for failure messages. */
    static String describe(ConsumerRecord<String, byte[]> r) {
        return r.key() + " -> " + (r.value() == null ? "null" : new String(r.value(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
