package io.filmwire.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filmwire.common.Settings;
import io.filmwire.schema.ChangeEvent;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topics;
import io.filmwire.standalone.Standalone;
import io.filmwire.standalone.StandaloneConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code filmwire bench}: end-to-end throughput and latency on the embedded broker. Generates
 * distinct film pages (each a different film with text of its own made-up words, so no page is a
 * near-duplicate of another and every one reaches reconciliation), writes them to pages.raw
 * as fast as Kafka acknowledges, and times each page from its acknowledgement to the change event
 * it causes on films.changes (committed, so after both Streams apps' transactions).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures end-to-end throughput and latency on the embedded broker.",
                "Writes generated film pages to pages.raw and times each one until its film's change event is on",
                "films.changes. Prints a JSON summary on stdout, progress on stderr."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--pages", defaultValue = "2000", description = "Pages to send (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--page-kb", defaultValue = "30", description = "Approximate size of each page in KB (default: ${DEFAULT-VALUE}).")
    int pageKb;

    @Option(names = "--rate", defaultValue = "0",
            description = "Pages per second to send (0, the default: as fast as Kafka takes them, which measures"
                    + " throughput; a rate below it measures latency without queueing).")
    double rate;

    @Option(names = "--timeout", defaultValue = "600", description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (pages < 1 || pageKb < 1) {
            throw new IllegalArgumentException("--pages and --page-kb must be at least 1");
        }
        PrintStream err = System.err;
        Path dir = Files.createTempDirectory("filmwire-bench-");
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put(StandaloneConfig.DATA_DIR, dir.toString());
        fixed.put(StandaloneConfig.BROKER_PORT, "0");
        Settings settings = config.settings(fixed);
        List<RawPage> corpus = generate(pages, pageKb * 1024);
        Map<String, Long> acked = new ConcurrentHashMap<>();
        Map<String, Long> done = new ConcurrentHashMap<>();
        try (Standalone standalone = Standalone.start(settings, false)) {
            err.printf(Locale.ROOT, "bench: %d pages of ~%d KB, embedded broker on %s%n", pages, pageKb,
                    standalone.bootstrapServers());
            AtomicBoolean stop = new AtomicBoolean();
            Thread watcher = new Thread(() -> watchChanges(standalone, done, stop), "bench-changes");
            watcher.start();
            long start = System.nanoTime();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                RawPage page = corpus.get(i);
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                sends.add(standalone.services().intake().submit(page)
                        .thenRun(() -> acked.put(page.pageId(), System.nanoTime())));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
            long sent = System.nanoTime();
            err.printf(Locale.ROOT, "bench: %d pages acknowledged in %.1f s (%.0f pages/s into pages.raw)%n", pages,
                    (sent - start) / 1e9, pages / ((sent - start) / 1e9));
            long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (done.size() < pages && System.nanoTime() < deadline) {
                Thread.sleep(500);
                err.printf(Locale.ROOT, "bench: %d/%d pages through the pipeline%n", done.size(), pages);
            }
            stop.set(true);
            watcher.join();
            long end = done.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
            double[] latencies = done.entrySet().stream().filter(e -> acked.containsKey(e.getKey()))
                    .mapToDouble(e -> (e.getValue() - acked.get(e.getKey())) / 1e6).sorted().toArray();
            ObjectNode summary = Json.mapper().createObjectNode();
            summary.put("pages", pages);
            summary.put("pageBytes", corpus.stream().mapToInt(p -> p.body().length()).sum() / pages);
            summary.put("completed", done.size());
            summary.put("seconds", (end - start) / 1e9);
            summary.put("pagesPerSecond", done.size() / ((end - start) / 1e9));
            summary.put("latencyMsP50", percentile(latencies, 50));
            summary.put("latencyMsP95", percentile(latencies, 95));
            summary.put("latencyMsP99", percentile(latencies, 99));
            summary.put("latencyMsMax", latencies.length == 0 ? 0 : latencies[latencies.length - 1]);
            summary.put("rate", rate);
            summary.put("cores", Runtime.getRuntime().availableProcessors());
            System.out.println(summary);
            err.printf(Locale.ROOT, "bench: %d/%d pages end to end in %.1f s: %.0f pages/s; latency p50 %.0f ms,"
                            + " p95 %.0f ms, p99 %.0f ms%n", done.size(), pages, (end - start) / 1e9,
                    summary.get("pagesPerSecond").asDouble(), percentile(latencies, 50), percentile(latencies, 95),
                    percentile(latencies, 99));
        } finally {
            DemoCommand.deleteRecursively(dir);
        }
        return done.size() == pages ? 0 : 1;
    }

    private static void watchChanges(Standalone standalone, Map<String, Long> done, AtomicBoolean stop) {
        Map<String, Object> props = standalone.kafka().clientProperties(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FILMS_CHANGES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    ChangeEvent change = Topics.FILMS_CHANGES.valueSerde().deserializer().deserialize(r.topic(), r.value());
                    if (change != null && change.causedBy() != null && change.causedBy().pageId() != null) {
                        done.putIfAbsent(change.causedBy().pageId(), System.nanoTime());
                    }
                }
            }
        }
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static final String[] NAMES = {"Anne Moreau", "Tom Hardwick", "Ida Sorensen", "Lars Berg", "Mia Holt",
            "Omar Haddad", "Lina Benali", "Jonas Berg", "Mia Cohen", "Paul Mercer", "Ana Ruiz", "Idris Malik"};
    private static final String LETTERS = "abcdefghiklmnoprstuvy";

    /** A made-up word: pages built from them share no text, so none is a near-duplicate of another. */
    private static String word(Random random) {
        StringBuilder w = new StringBuilder();
        int length = 3 + random.nextInt(7);
        for (int i = 0; i < length; i++) {
            w.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return w.toString();
    }

    /** Distinct film pages: each its own title, year, director and cast, with article text to the size asked. */
    static List<RawPage> generate(int count, int bytes) {
        Random random = new Random(7);
        List<RawPage> out = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String title = "Bench Film " + Integer.toString(i, 36).toUpperCase(Locale.ROOT) + " " + word(random);
            int year = 1950 + random.nextInt(75);
            String director = NAMES[random.nextInt(NAMES.length)];
            StringBuilder body = new StringBuilder("<!doctype html><html><head><title>").append(title).append(" (")
                    .append(year).append(") - Bench Films</title><script type=\"application/ld+json\">")
                    .append("{\"@type\":\"Movie\",\"name\":\"").append(title).append("\",\"datePublished\":\"").append(year)
                    .append("\",\"duration\":\"PT").append(70 + random.nextInt(90)).append("M\",\"director\":{\"@type\":\"Person\",")
                    .append("\"name\":\"").append(director).append("\"}}</script></head><body><nav><a href=\"/\">Home</a></nav>")
                    .append("<article><h1>").append(title).append("</h1><table class=\"infobox\"><tr><th>Directed by</th><td>")
                    .append(director).append("</td></tr><tr><th>Starring</th><td>")
                    .append(String.join(", ", Arrays.copyOfRange(NAMES, i % 6, i % 6 + 3))).append("</td></tr></table>");
            while (body.length() < bytes) {
                body.append("<p>");
                for (int w = 0; w < 60; w++) {
                    body.append(word(random)).append(w % 12 == 11 ? ". " : " ");
                }
                body.append("</p>");
            }
            body.append("</article><footer>Bench Films</footer></body></html>");
            String url = "https://bench.example/films/" + i;
            out.add(new RawPage(url, url, "bench", RawPage.HTML, now, now, null, body.toString()));
        }
        return out;
    }
}
