package io.filmwire.standalone;

import io.filmwire.common.TopicReader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.cli.FilmwireCli;
import io.filmwire.common.Settings;
import io.filmwire.schema.ChangeEvent;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation on the embedded broker with every service running: pages about one film arriving
 * over time give increasing versions and matching change events; an editor's override (HTTP and
 * CLI) survives later pages; a copy of a page changes nothing; restarting the Streams apps, with
 * their state kept or wiped (restored from the changelogs), keeps every id.
 */
class ReconcileIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String title = "Reconcile Film " + UUID.randomUUID().toString().substring(0, 8);
    private Standalone standalone;

    private void start() {
        standalone = Standalone.start(Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                StandaloneConfig.BROKER_PORT, "0",
                StandaloneConfig.HTTP_PORT, "0")), true);
    }

    @AfterEach
    void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    /** A film page: JSON-LD with the title, year and running time, and an article long enough to be deduplicated. */
    private String page(String film, int year, int minutes, String article) {
        return "<!doctype html><html><head><title>" + film + " - Test Films</title>"
                + "<script type=\"application/ld+json\">{\"@type\":\"Movie\",\"name\":\"" + film
                + "\",\"datePublished\":\"" + year + "-05-01\",\"duration\":\"PT" + minutes + "M\"}</script></head>"
                + "<body><nav>Home | Films | Reviews</nav><article><h1>" + film + "</h1><p>" + article
                + "</p></article></body></html>";
    }

    /** An article of its own for each {@code seed}: 80 pseudo-random words, so no two pages are near-duplicates. */
    private static String article(String seed) {
        java.util.Random random = new java.util.Random(seed.hashCode());
        StringBuilder text = new StringBuilder("Review (" + seed + "):");
        for (int i = 0; i < 80; i++) {
            text.append(' ').append(Integer.toString(100_000 + random.nextInt(1 << 24), 36));
        }
        return text.append('.').toString();
    }

    private String post(String url, String html) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/pages?url=" + url))
                .header("Content-Type", "text/html; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(html)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return Json.mapper().readTree(r.body()).path("pageId").asText();
    }

    private String base() {
        return "http://127.0.0.1:" + standalone.services().httpPort();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic) {
        return TopicReader.readToEnd(standalone.kafka(), topic);
    }

    /** Every version of every film published on films.records, in order (null: tombstone). */
    private List<FilmRecord> versionsOf(String filmId) {
        return read(Topics.FILMS_RECORDS.name()).stream().filter(r -> filmId.equals(r.key()))
                .map(r -> Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize(r.topic(), r.value())).toList();
    }

    private List<ChangeEvent> changesOf(String filmId) {
        return read(Topics.FILMS_CHANGES.name()).stream().filter(r -> filmId.equals(r.key()))
                .map(r -> Topics.FILMS_CHANGES.valueSerde().deserializer().deserialize(r.topic(), r.value())).toList();
    }

    private FilmRecord awaitVersion(String filmId, long version) {
        return Await.until(TIMEOUT, "version " + version + " of '" + filmId + "' on films.records", () -> {
            List<FilmRecord> all = versionsOf(filmId);
            FilmRecord last = all.isEmpty() ? null : all.get(all.size() - 1);
            return last != null && last.version() >= version ? last : null;
        });
    }

    private FilmRecord awaitFirst(String filmTitle) {
        return Await.until(TIMEOUT, "a record titled '" + filmTitle + "'", () -> read(Topics.FILMS_RECORDS.name()).stream()
                .map(r -> Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .filter(Objects::nonNull).filter(f -> f.title().equals(filmTitle)).findFirst().orElse(null));
    }

    /** Film id -> title of every film on films.records whose latest message is a record. */
    private Map<String, String> liveIds() {
        Map<String, FilmRecord> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : read(Topics.FILMS_RECORDS.name())) {
            latest.put(r.key(), Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        }
        return latest.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().title(), (a, b) -> a, LinkedHashMap::new));
    }

    private double duplicatesCounted() throws Exception {
        String metrics = send(HttpRequest.newBuilder(URI.create(base() + "/metrics"))).body();
        return metrics.lines().filter(l -> l.startsWith("filmwire_enrich_dedup_pages_total") && l.contains("verdict=\"duplicate\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static int cli(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            return FilmwireCli.commandLine().execute(args);
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void pagesOverTimeRaiseVersionsAnOverrideSurvivesLaterPagesAndRestartsKeepEveryId() throws Exception {
        start();
        String p1 = post("https://one.example/films/lighthouse", page(title, 2001, 100, article("first review")));
        FilmRecord v1 = awaitFirst(title);
        String id = v1.id();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.runtimeMinutes()).isEqualTo(100);

        String p2 = post("https://two.example/lighthouse", page(title, 2001, 102, article("second review")));
        FilmRecord v2 = awaitVersion(id, 2);
        String p3 = post("https://three.example/lighthouse", page(title, 2001, 100, article("third review")));
        FilmRecord v3 = awaitVersion(id, 3);
        assertThat(v2.sources()).hasSize(2);
        assertThat(v3.sources()).extracting(FilmRecord.SourceRef::pageId).containsExactly(p1, p2, p3);
        assertThat(v3.runtimeMinutes()).isEqualTo(100);
        assertThat(v3.conflicts().get("runtimeMinutes").values()).extracting(v -> v.value().asInt()).containsExactly(100, 102);
        assertThat(versionsOf(id)).extracting(FilmRecord::version).containsExactly(1L, 2L, 3L);

        List<ChangeEvent> events = Await.until(TIMEOUT, "three change events", () -> {
            List<ChangeEvent> all = changesOf(id);
            return all.size() >= 3 ? all : null;
        });
        assertThat(events).extracting(ChangeEvent::type)
                .containsExactly(ChangeEvent.CREATED, ChangeEvent.UPDATED, ChangeEvent.UPDATED);
        assertThat(events).extracting(ChangeEvent::version).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(e -> e.causedBy().pageId()).containsExactly(p1, p2, p3);
        assertThat(events.get(1).changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("sources");
            assertThat(c.oldValue()).hasSize(1);
            assertThat(c.newValue()).hasSize(2);
        });

        // an editor corrects the running time over HTTP
        HttpResponse<String> set = send(HttpRequest.newBuilder(URI.create(base() + "/api/films/" + id + "/overrides"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"field\":\"runtimeMinutes\",\"value\":95,\"reason\":\"theatrical cut\",\"editor\":\"ann\"}")));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(202);
        FilmRecord v4 = awaitVersion(id, 4);
        assertThat(v4.runtimeMinutes()).isEqualTo(95);
        assertThat(v4.provenance().get("runtimeMinutes")).singleElement()
                .satisfies(e -> assertThat(e.layer()).isEqualTo("override"));
        ChangeEvent byOverride = Await.until(TIMEOUT, "the override's change event", () -> changesOf(id).stream()
                .filter(e -> e.version() == 4).findFirst().orElse(null));
        assertThat(byOverride.causedBy().override()).isEqualTo("ann: theatrical cut (runtimeMinutes)");
        assertThat(byOverride.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("runtimeMinutes");
            assertThat(c.oldValue().asInt()).isEqualTo(100);
            assertThat(c.newValue().asInt()).isEqualTo(95);
        });
        String bad = send(HttpRequest.newBuilder(URI.create(base() + "/api/films/" + id + "/overrides"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"field\":\"year\",\"value\":\"soon\",\"reason\":\"x\",\"editor\":\"ann\"}"))).body();
        assertThat(Json.mapper().readTree(bad).path("error").asText()).isEqualTo("bad_override");

        // and from the command line, on the same broker
        assertThat(cli("override", id, "genres", "[\"Drama\"]", "--reason", "house style", "--editor", "bo",
                "--bootstrap-servers", standalone.bootstrapServers())).isZero();
        assertThat(cli("override", id, "year", "next year", "--reason", "x",
                "--bootstrap-servers", standalone.bootstrapServers())).isEqualTo(2);
        FilmRecord v5 = awaitVersion(id, 5);
        assertThat(v5.genres()).containsExactly("Drama");
        assertThat(v5.runtimeMinutes()).isEqualTo(95);

        // a later page does not undo the override
        String p4 = post("https://four.example/lighthouse", page(title, 2001, 100, article("fourth review")));
        FilmRecord v6 = awaitVersion(id, 6);
        assertThat(v6.sources()).extracting(FilmRecord.SourceRef::pageId).contains(p4);
        assertThat(v6.runtimeMinutes()).isEqualTo(95);
        assertThat(v6.genres()).containsExactly("Drama");

        // a copy of the first page under another URL, with other navigation and whitespace, changes nothing
        double before = duplicatesCounted();
        post("https://mirror.example/lighthouse?id=3", page(title, 2001, 100, article("first review"))
                .replace("Home | Films | Reviews", "Start | News").replace(". ", ".   "));
        Await.until(TIMEOUT, "the copy counted as a duplicate", () -> {
            try {
                return duplicatesCounted() > before ? Boolean.TRUE : null;
            } catch (Exception e) {
                return null;
            }
        });
        assertThat(versionsOf(id)).hasSize(6);

        JsonNode history = Json.mapper().readTree(send(HttpRequest.newBuilder(URI.create(base() + "/api/films/" + id
                + "/history"))).body());
        assertThat(history.path("events")).hasSize(6);
        assertThat(history.path("events").get(3).path("causedBy").path("override").asText()).startsWith("ann:");

        Map<String, String> ids = liveIds();
        assertThat(ids).containsEntry(id, title);

        // restart everything: state kept on disk
        standalone.close();
        start();
        post("https://five.example/lighthouse", page(title, 2001, 100, article("fifth review")));
        FilmRecord v7 = awaitVersion(id, 7);
        assertThat(v7.runtimeMinutes()).isEqualTo(95);
        String other = title + " II";
        post("https://one.example/films/lighthouse-2", page(other, 2004, 90, article("a sequel")));
        String otherId = awaitFirst(other).id();
        assertThat(otherId).isNotEqualTo(id);

        // restart with the Streams state wiped: restored from the changelogs, same ids
        standalone.close();
        standalone = null;
        try (Stream<Path> files = Files.walk(dataDir.resolve("streams"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        start();
        post("https://six.example/lighthouse", page(title, 2001, 100, article("sixth review")));
        post("https://six.example/lighthouse-2", page(other, 2004, 90, article("sequel review")));
        FilmRecord v8 = awaitVersion(id, 8);
        assertThat(v8.sources()).hasSize(6);
        assertThat(awaitVersion(otherId, 2).sources()).hasSize(2);

        Map<String, String> after = liveIds();
        assertThat(after).containsAllEntriesOf(ids).containsEntry(otherId, other);
        Set<String> ofThisTest = after.entrySet().stream().filter(e -> e.getValue().startsWith(title))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(ofThisTest).containsExactlyInAnyOrder(id, otherId);
    }
}
