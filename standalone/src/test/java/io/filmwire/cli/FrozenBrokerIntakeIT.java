package io.filmwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.TopicReader;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.schema.ChangeEvent;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topics;
import io.filmwire.standalone.Await;
import io.filmwire.standalone.Services;
import io.filmwire.standalone.StandaloneConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker frozen (SIGSTOP of its own JVM, not stopped: connections stay open and requests get
 * no answer) while film pages are posted to ingest-service, then thawed (SIGCONT). Every answer
 * is honest: a page answered 202 is published; a page answered 503 ("nothing was taken in") is
 * neither on pages.raw nor published; a page answered 504 ("outcome unknown, retry is safe") is
 * sent again until 202 and then is in exactly one film with exactly one change event, as is every
 * other page.
 */
class FrozenBrokerIntakeIT {

    private static final int SENDERS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    private ChildProcess broker;
    private Services services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        if (services != null) {
            services.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** One POST's answer. */
    private record Answer(int page, int status, String body) {
    }

    @Test
    void everyAnswerIsHonestWhileTheBrokerIsFrozen() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        broker = new ChildProcess("broker", List.of("-Xmx512m"), List.of("broker", "--port", "" + port, "--data-dir",
                dataDir.resolve("broker").toString()), dataDir.resolve("logs")).start();
        Map<String, String> settings = new HashMap<>();
        settings.put(StandaloneConfig.DATA_DIR, dataDir.resolve("services").toString());
        settings.put(StandaloneConfig.HTTP_PORT, "0");
        settings.put(KafkaSettings.BOOTSTRAP_SERVERS, "127.0.0.1:" + port);
        settings.put(KafkaSettings.TOPIC_PARTITIONS, "2");
        settings.put(IngestConfig.DELIVERY_TIMEOUT_MS, "2500");
        settings.put(IngestConfig.MAX_BLOCK_MS, "1000");
        // services start before the broker listens: they wait for it
        services = Services.start(Settings.of(settings), Services.Part.ALL);
        KafkaSettings kafka = services.kafka();

        List<RawPage> pages = BenchCommand.generate(400, 3 * 1024);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            Thread t = new Thread(() -> {
                while (sending.get()) {
                    int i = next.getAndIncrement();
                    if (i >= pages.size()) {
                        return;
                    }
                    answers.add(post(pages.get(i), i));
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "sender-" + s);
            t.start();
            senders.add(t);
        }
        Await.until(TIMEOUT, "pages accepted with the broker up", () -> count(answers, 202) >= 10 ? true : null);

        broker.freeze();
        int before = answers.size();
        try {
            Await.until(TIMEOUT, "503 or 504 answers while the broker is frozen", () ->
                    countSince(answers, before, a -> a.status() != 202) >= 2 * SENDERS ? true : null);
            Thread.sleep(2_000);
        } finally {
            broker.thaw();
        }
        int thawed = answers.size();
        Await.until(TIMEOUT, "pages accepted again after the broker is thawed", () ->
                countSince(answers, thawed, a -> a.status() == 202) >= 10 ? true : null);
        sending.set(false);
        for (Thread t : senders) {
            t.join(60_000);
        }

        List<Answer> all = List.copyOf(answers);
        assertThat(all).as("every page was answered 202, 503 or 504").allSatisfy(a ->
                assertThat(a.status()).as(a.toString()).isIn(202, 503, 504));
        Set<Integer> answered503 = pagesWith(all, 503);
        Set<Integer> answered504 = pagesWith(all, 504);
        assertThat(answered503.size() + answered504.size()).as("the freeze was felt").isPositive();
        assertThat(all).filteredOn(a -> a.status() == 504).allSatisfy(a ->
                assertThat(a.body()).contains("outcome unknown, retry is safe"));
        // the client does what a 504 says: it sends the same page again, until it is taken
        for (int i : answered504) {
            Await.until(TIMEOUT, "page " + i + " taken on its retry", () -> post(pages.get(i), i).status() == 202 ? true : null);
        }
        Set<Integer> taken = new HashSet<>(pagesWith(all, 202));
        taken.addAll(answered504);

        Map<String, Set<String>> filmsOfPage = new HashMap<>();
        Await.until(TIMEOUT, "every page answered 202 in a film on films.records", () -> {
            filmsOfPage.clear();
            filmsOfPage.putAll(filmsOfPage(kafka));
            return taken.stream().allMatch(i -> filmsOfPage.containsKey(pages.get(i).pageId())) ? true : null;
        });
        // a page taken twice would show a second film or change a little later
        Thread.sleep(5_000);
        filmsOfPage.clear();
        filmsOfPage.putAll(filmsOfPage(kafka));
        Map<String, Long> changesOfPage = TopicReader.readToEnd(kafka, Topics.FILMS_CHANGES.name()).stream()
                .map(r -> Topics.FILMS_CHANGES.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .filter(Objects::nonNull).map(ChangeEvent::causedBy).filter(Objects::nonNull)
                .map(ChangeEvent.Cause::pageId).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        Set<String> onRaw = TopicReader.readToEnd(kafka, Topics.PAGES_RAW.name()).stream()
                .map(r -> Topics.PAGES_RAW.valueSerde().deserializer().deserialize(r.topic(), r.value()).pageId())
                .collect(Collectors.toSet());

        for (int i : taken) {
            String id = pages.get(i).pageId();
            assertThat(filmsOfPage.get(id)).as("films of accepted page " + id).hasSize(1);
            assertThat(changesOfPage.get(id)).as("change events of accepted page " + id).isEqualTo(1L);
        }
        for (int i : answered503) {
            String id = pages.get(i).pageId();
            assertThat(onRaw).as("a 503 said nothing was taken in: " + id).doesNotContain(id);
            assertThat(filmsOfPage).as("a 503 page is never published: " + id).doesNotContainKey(id);
        }
        assertThat(filmsOfPage.keySet()).as("only pages answered 202 (at last) are published")
                .allSatisfy(id -> assertThat(taken.stream().map(i -> pages.get(i).pageId())).contains(id));
    }

    private Answer post(RawPage page, int i) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + services.httpPort()
                            + "/pages?url=" + URLEncoder.encode(page.url(), StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/html; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(page.body())).build(), HttpResponse.BodyHandlers.ofString());
            if ((r.statusCode() == 202 || r.statusCode() == 504)
                    && !Json.mapper().readTree(r.body()).path("pageId").asText().equals(page.pageId())) {
                return new Answer(i, -2, "another page id: " + r.body());
            }
            return new Answer(i, r.statusCode(), r.body());
        } catch (Exception e) {
            return new Answer(i, -1, e.toString());
        }
    }

    private static Map<String, Set<String>> filmsOfPage(KafkaSettings kafka) {
        Map<String, FilmRecord> latest = new HashMap<>();
        TopicReader.readToEnd(kafka, Topics.FILMS_RECORDS.name()).stream()
                .map(r -> Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .filter(Objects::nonNull)
                .forEach(f -> latest.merge(f.id(), f, (a, b) -> b.version() >= a.version() ? b : a));
        Map<String, Set<String>> out = new HashMap<>();
        latest.values().forEach(f -> f.sources().forEach(s -> out.computeIfAbsent(s.pageId(), k -> new HashSet<>()).add(f.id())));
        return out;
    }

    private static long count(List<Answer> answers, int status) {
        synchronized (answers) {
            return answers.stream().filter(a -> a.status() == status).count();
        }
    }

    /** Answers from index {@code from} on that match, read under the list's lock (the senders append meanwhile). */
    private static long countSince(List<Answer> answers, int from, java.util.function.Predicate<Answer> which) {
        synchronized (answers) {
            return answers.subList(from, answers.size()).stream().filter(which).count();
        }
    }

    private static Set<Integer> pagesWith(List<Answer> answers, int status) {
        return answers.stream().filter(a -> a.status() == status).map(Answer::page).collect(Collectors.toSet());
    }
}
