package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.common.Settings;
import io.filmwire.common.TopicReader;
import io.filmwire.publish.ops.DeadLetters;
import io.filmwire.schema.Json;
import io.filmwire.schema.RecordHeaders;
import io.filmwire.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operators' API and page on the standalone: topics, dead letters and their replay, changes, conflicts. */
class OpsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private static Standalone standalone;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        standalone = Standalone.start(Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                StandaloneConfig.BROKER_PORT, "0",
                StandaloneConfig.HTTP_PORT, "0",
                "enrich.max.page.chars", "4000")), true);
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standalone.services().httpPort() + path));
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null, null);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    /** The JSON answer, or null while the service answers otherwise (starting, rebalancing). */
    private JsonNode poll(String path) {
        try {
            HttpResponse<String> r = send("GET", path, null, null);
            return r.statusCode() == 200 ? Json.mapper().readTree(r.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String film(String title, int minutes, String filler) {
        return "<html><head><title>" + title + " (2001)</title><script type=\"application/ld+json\">{\"@type\":\"Movie\","
                + "\"name\":\"" + title + "\",\"datePublished\":\"2001\",\"duration\":\"PT" + minutes + "M\"}</script></head>"
                + "<body><article><h1>" + title + "</h1><p>" + filler + "</p></article></body></html>";
    }

    @Test
    void theOpsPageAndTopicFiguresAnswer() throws Exception {
        HttpResponse<String> page = send("GET", "/", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("/ops.js").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(send("GET", "/ops.js", null, null).body()).contains("/api/topics").contains("/api/dlq")
                .contains("Authorization");
        JsonNode topics = getJson("/api/topics").path("topics");
        assertThat(StreamSupport.stream(topics.spliterator(), false).map(t -> t.path("name").asText()))
                .containsAll(Topics.ALL.stream().map(t -> t.name()).toList());
    }

    @Test
    void aDeadLetterIsListedAndItsReplayPutsTheSameInputBackOnItsTopic() throws Exception {
        // over the 16 KiB a dead letter keeps: the entry holds a preview, the replay reads the whole back
        String tooLong = film("Overlong Page", 90, "words ".repeat(4000));
        HttpResponse<String> accepted = send("POST", "/pages?url=https://ops.example/long", "text/html", tooLong);
        assertThat(accepted.statusCode()).isEqualTo(202);

        JsonNode dead = Await.until(TIMEOUT, "the page on /api/dlq", () -> {
            JsonNode list = poll("/api/dlq");
            for (JsonNode e : list == null ? Json.mapper().createArrayNode() : list.path("entries")) {
                if ("https://ops.example/long".equals(e.path("pageId").asText())) {
                    return e;
                }
            }
            return null;
        });
        assertThat(dead.path("stage").asText()).isEqualTo("clean");
        assertThat(dead.path("reason").asText()).contains("enrich.max.page.chars");
        String id = dead.path("id").asText();
        assertThat(getJson("/api/dlq/" + id).path("input").asText()).contains("Overlong Page");

        HttpResponse<String> replayed = send("POST", "/api/dlq/" + id + "/replay", "application/json", "{}");
        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(Json.mapper().readTree(replayed.body()).path("topic").asText()).isEqualTo(Topics.PAGES_RAW.name());
        List<ConsumerRecord<String, byte[]>> raw = TopicReader.readToEnd(standalone.kafka(), Topics.PAGES_RAW.name());
        ConsumerRecord<String, byte[]> copy = raw.stream()
                .filter(r -> id.equals(RecordHeaders.text(r.headers(), DeadLetters.REPLAY_HEADER))).findFirst().orElseThrow();
        io.filmwire.schema.DlqEntry entry = new DeadLetters(standalone.kafka()).find(id).orElseThrow();
        assertThat(entry.truncated()).as("a preview, not a copy of the input").isTrue();
        assertThat(entry.inputBytes().length).isLessThanOrEqualTo(io.filmwire.schema.DlqEntry.PREVIEW_BYTES);
        ConsumerRecord<String, byte[]> original = raw.stream().filter(r -> r.partition() == entry.inputPartition()
                && r.offset() == entry.inputOffset()).findFirst().orElseThrow();
        assertThat(copy.value()).as("the whole input, read back from its coordinates").isEqualTo(original.value());
        assertThat(copy.value().length).isEqualTo(entry.inputSize().intValue());
        assertThat(RecordHeaders.text(copy.headers(), RecordHeaders.SCHEMA)).isEqualTo(Topics.schemaHeader(Topics.PAGES_RAW.name()));
        // still too long: the pipeline sends it back to the dead letters, a second time
        Await.until(TIMEOUT, "the replayed page dead-lettered again", () -> new DeadLetters(standalone.kafka()).latest(100)
                .stream().filter(e -> "https://ops.example/long".equals(e.pageId())).count() >= 2 ? true : null);
        // the same failure again and again: each replay of the last dead letter makes a new one, up to the limit
        for (int n = 2; n <= DeadLetters.MAX_REPLAYS; n++) {
            int entries = n + 1;
            assertThat(send("POST", "/api/dlq/" + newestOf("https://ops.example/long").id() + "/replay", "application/json",
                    "{}").statusCode()).isEqualTo(202);
            Await.until(TIMEOUT, entries + " dead letters of the page", () -> new DeadLetters(standalone.kafka()).latest(100)
                    .stream().filter(e -> "https://ops.example/long".equals(e.pageId())).count() >= entries ? true : null);
        }
        HttpResponse<String> refused = send("POST", "/api/dlq/" + newestOf("https://ops.example/long").id() + "/replay",
                "application/json", "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("at most " + DeadLetters.MAX_REPLAYS + " replays");
        assertThat(send("POST", "/api/dlq/no-such-id/replay", "application/json", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadOverrideIsFilteredByStageAndCodeAndReplaysToFilmsOverridesAloneOrInBulk() throws Exception {
        String filmId = "film-bad-override-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                standalone.kafka().clientProperties(Map.of("acks", "all")), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.FILMS_OVERRIDES.name(), filmId,
                    "{\"filmId\": \"x\", \"filmId\": \"y\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
        }
        JsonNode dead = Await.until(TIMEOUT, "the override on /api/dlq?stage=reconcile", () -> {
            JsonNode list = poll("/api/dlq?stage=reconcile&code=duplicate-key");
            for (JsonNode e : list == null ? Json.mapper().createArrayNode() : list.path("entries")) {
                if (e.path("inputTopic").asText().endsWith("overrides-in-repartition")) {
                    return e;
                }
            }
            return null;
        });
        assertThat(dead.path("code").asText()).isEqualTo("duplicate-key");
        assertThat(poll("/api/dlq?stage=clean&code=duplicate-key").path("entries")).isEmpty();

        HttpResponse<String> replayed = send("POST", "/api/dlq/" + dead.path("id").asText() + "/replay", "application/json", "{}");
        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(Json.mapper().readTree(replayed.body()).path("topic").asText()).as("back to the stage it failed at")
                .isEqualTo(Topics.FILMS_OVERRIDES.name());

        assertThat(send("POST", "/api/dlq-replay", "application/json", "{}").statusCode()).as("no filter").isEqualTo(400);
        HttpResponse<String> bulk = send("POST", "/api/dlq-replay?stage=reconcile&code=duplicate-key", "application/json", "{}");
        assertThat(bulk.statusCode()).isEqualTo(202);
        assertThat(Json.mapper().readTree(bulk.body()).path("count").asInt()).isGreaterThanOrEqualTo(1);
        List<ConsumerRecord<String, byte[]>> overrides = TopicReader.readToEnd(standalone.kafka(), Topics.FILMS_OVERRIDES.name());
        assertThat(overrides).filteredOn(r -> filmId.equals(r.key())
                        && dead.path("id").asText().equals(RecordHeaders.text(r.headers(), DeadLetters.REPLAY_HEADER)))
                .as("the single and the bulk replay, each linked to the original").hasSizeGreaterThanOrEqualTo(2);
    }

    private io.filmwire.schema.DlqEntry newestOf(String pageId) {
        List<io.filmwire.schema.DlqEntry> all = new DeadLetters(standalone.kafka()).latest(100).stream()
                .filter(e -> pageId.equals(e.pageId())).toList();
        return all.get(all.size() - 1);
    }

    @Test
    void changesAndConflictsOfPublishedFilmsAreListed() throws Exception {
        assertThat(send("POST", "/pages?url=https://a.example/lantern", "text/html",
                film("The Lantern Keeper", 95, "A quiet film about a keeper.")).statusCode()).isEqualTo(202);
        assertThat(send("POST", "/pages?url=https://b.example/lantern", "text/html",
                film("The Lantern Keeper", 102, "Another review of a quiet film.")).statusCode()).isEqualTo(202);

        JsonNode conflicted = Await.until(TIMEOUT, "the film in /api/conflicts", () -> {
            JsonNode list = poll("/api/conflicts");
            for (JsonNode f : list == null ? Json.mapper().createArrayNode() : list.path("films")) {
                if (f.path("title").asText().equals("The Lantern Keeper")) {
                    return f;
                }
            }
            return null;
        });
        assertThat(conflicted.path("conflicts").has("runtimeMinutes")).isTrue();
        JsonNode changes = Await.until(TIMEOUT, "two change events", () -> {
            JsonNode c = poll("/api/changes");
            long n = c == null ? 0 : StreamSupport.stream(c.path("changes").spliterator(), false)
                    .filter(x -> x.path("filmId").asText().equals(conflicted.path("id").asText())).count();
            return n >= 2 ? c : null;
        });
        assertThat(changes.path("changes").get(0).path("time").asText()).isNotEmpty();
        assertThat(new String(send("GET", "/api/changes?limit=1", null, null).body().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).contains("\"changes\"");
    }

    @Test
    void filmsAreFoundByTitleOrPersonAccentsAsideWithATotalAndPaging() throws Exception {
        String[] titles = {"Nausicaä Harbour", "Second Harbour Tale", "Third Harbour Tale"};
        for (int i = 0; i < titles.length; i++) {
            String html = "<html><head><title>" + titles[i] + "</title><script type=\"application/ld+json\">{\"@type\":\"Movie\","
                    + "\"name\":\"" + titles[i] + "\",\"datePublished\":\"199" + i + "\",\"director\":{\"@type\":\"Person\","
                    + "\"name\":\"Björk Sævarsdóttir\"}}</script></head><body><article><h1>" + titles[i]
                    + "</h1><p>A film.</p></article></body></html>";
            assertThat(send("POST", "/pages?url=https://search.example/" + i, "text/html", html).statusCode()).isEqualTo(202);
        }
        JsonNode all = Await.until(TIMEOUT, "three films by their director", () -> {
            JsonNode r = poll("/api/films?q=bjork%20saevarsdottir&limit=2");
            return r != null && r.path("total").asInt() == 3 ? r : null;
        });
        assertThat(all.path("count").asInt()).isEqualTo(2);
        assertThat(all.path("films").size()).isEqualTo(2);
        JsonNode rest = getJson("/api/films?q=BJORK&limit=2&offset=2");
        assertThat(rest.path("total").asInt()).isEqualTo(3);
        assertThat(rest.path("offset").asInt()).isEqualTo(2);
        assertThat(rest.path("films").size()).isEqualTo(1);
        assertThat(rest.path("films").get(0).path("id").asText())
                .isNotIn(all.path("films").get(0).path("id").asText(), all.path("films").get(1).path("id").asText());
        JsonNode accent = getJson("/api/films?q=nausicaa");
        assertThat(accent.path("films").get(0).path("title").asText()).isEqualTo("Nausicaä Harbour");
        assertThat(send("GET", "/api/films?offset=-1", null, null).statusCode()).isEqualTo(400);
    }
}
