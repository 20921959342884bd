package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.PageFiles;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops while pages arrive by HTTP and in the watched folder, then comes back: every
 * page answered 202 or moved to processed/ is on pages.raw; every other one was answered 503 (never
 * handed to Kafka: it is not on pages.raw) or 504 "outcome unknown, retry is safe" with its page id
 * (both with Retry-After), or stayed in the folder until Kafka took it; a 504 page sent again
 * makes no second film or change: the retry is a refetch.
 */
class IntakeOutageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int SENDERS = 4;

    @TempDir
    Path dataDir;

    private IntakeHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** What one POST got, and the phase (broker up, down, back) when the answer came. */
    private record Outcome(String pageId, int status, String retryAfter, String phase, String body) {
    }

    @Test
    void nothingAcceptedIsLostWhileTheBrokerIsDown() throws Exception {
        Path drop = dataDir.resolve("drop");
        harness = IntakeHarness.start(dataDir, Map.of(
                IngestConfig.WATCH_DIRS, drop.toString(),
                IngestConfig.WATCH_INTERVAL_MS, "100",
                IngestConfig.WATCH_SETTLE_MS, "100",
                IngestConfig.DELIVERY_TIMEOUT_MS, "2500",
                IngestConfig.MAX_BLOCK_MS, "1000"));
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicReference<String> phase = new AtomicReference<>("up");
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            Thread t = new Thread(() -> {
                while (sending.get()) {
                    int n = next.incrementAndGet();
                    String url = "https://films.example/outage/" + n;
                    try {
                        HttpResponse<String> r = harness.post("/pages?url=" + url,
                                ("<html><body>Outage page " + n + "</body></html>").getBytes(StandardCharsets.UTF_8),
                                "Content-Type", "text/html");
                        String pageId = r.statusCode() == 202 || r.statusCode() == 504
                                ? Json.mapper().readTree(r.body()).path("pageId").asText() : url;
                        outcomes.add(new Outcome(pageId, r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                                phase.get(), r.body()));
                    } catch (Exception e) {
                        outcomes.add(new Outcome(url, -1, e.toString(), phase.get(), null));
                    }
                    try {
                        Thread.sleep(50); // after a failed request too: no tight loop
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "sender-" + s);
            t.start();
            senders.add(t);
        }

        try {
            outage(drop, outcomes, phase);
        } finally {
            // the senders stop however the outage went: left running, they would post until the JVM's heap is full
            sending.set(false);
            for (Thread t : senders) {
                t.join(30_000);
            }
        }
        Await.until(TIMEOUT, "the watched folder emptied", () -> pageFiles(drop).isEmpty() ? true : null);

        Set<String> onKafka = harness.pagesRaw().stream().map(RawPage::pageId).collect(Collectors.toSet());
        List<Outcome> all = List.copyOf(outcomes);
        assertThat(all).as("every request was answered 202, 503 or 504").allSatisfy(o ->
                assertThat(o.status()).as(o.toString()).isIn(202, 503, 504));
        assertThat(all).filteredOn(o -> o.status() == 503 || o.status() == 504).allSatisfy(o -> {
            assertThat(o.retryAfter()).isNotNull();
            assertThat(o.phase()).isNotEqualTo("up");
        });
        assertThat(all).filteredOn(o -> o.status() == 503).extracting(Outcome::pageId)
                .as("a 503 says nothing was taken in: true").allSatisfy(id -> assertThat(onKafka).doesNotContain(id));
        assertThat(all).filteredOn(o -> o.status() == 504).allSatisfy(o -> {
            assertThat(o.pageId()).startsWith("https://films.example/outage/");
            assertThat(o.body()).contains("outcome unknown, retry is safe");
        });
        assertThat(all).filteredOn(o -> o.status() == 202).extracting(Outcome::pageId)
                .allSatisfy(id -> assertThat(onKafka).as("answered 202").contains(id));
        List<Path> processed = pageFiles(drop.resolve("processed"));
        assertThat(processed).hasSize(8);
        for (Path file : processed) {
            String id = PageFiles.read(file, "check", 1 << 20, Instant.now()).pageId();
            assertThat(onKafka).as("moved to processed/: " + file.getFileName()).contains(id);
        }
        assertThat(pageFiles(drop.resolve("failed"))).isEmpty();
    }

    /** With the senders posting: the broker up, stopped, then back; fails if the intake does not answer as it should. */
    private void outage(Path drop, List<Outcome> outcomes, AtomicReference<String> phase) throws Exception {
        dropPages(drop, "before", 3);
        Await.until(TIMEOUT, "pages accepted with the broker up", () -> count(outcomes, 202) >= 8 ? true : null);

        phase.set("down");
        harness.stopBroker();
        dropPages(drop, "during", 5);
        Await.until(TIMEOUT, "a 503 or 504 while the broker is down", () ->
                count(outcomes, 503) + count(outcomes, 504) >= SENDERS ? true : null);
        List<Path> waiting = pageFiles(drop);
        assertThat(waiting).as("files stay in the folder while Kafka does not acknowledge")
                .extracting(p -> p.getFileName().toString()).contains("during-1.html", "during-5.html");
        assertThat(pageFiles(drop.resolve("failed"))).isEmpty();

        phase.set("back");
        harness.startBroker();
        long acceptedBeforeBack = count(outcomes, 202);
        Await.until(TIMEOUT, "pages accepted again after the broker is back", () ->
                count(outcomes, 202) - acceptedBeforeBack >= 8 ? true : null);
    }

    private static long count(List<Outcome> outcomes, int status) {
        synchronized (outcomes) {
            return outcomes.stream().filter(o -> o.status() == status).count();
        }
    }

    private static void dropPages(Path drop, String prefix, int n) throws Exception {
        for (int i = 1; i <= n; i++) {
            Files.writeString(drop.resolve(prefix + "-" + i + ".html"),
                    "<!doctype html><html><body>Dropped " + prefix + " " + i + "</body></html>", StandardCharsets.UTF_8);
            Thread.sleep(100);
        }
    }

    private static List<Path> pageFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(PageFiles::isPageFile).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
