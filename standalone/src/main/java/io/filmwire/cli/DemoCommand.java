package io.filmwire.cli;

import io.filmwire.common.Settings;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.Topics;
import io.filmwire.standalone.PipelineProbe;
import io.filmwire.standalone.Standalone;
import io.filmwire.standalone.StandaloneConfig;
import io.filmwire.common.TopicReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code filmwire demo}: the whole pipeline on an embedded broker over the bundled sample pages. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline once over the bundled sample pages and prints their film records.",
                "Starts an embedded Kafka broker and all services, ingests the sample pages, waits for their",
                "film records on films.records, prints them (JSON lines on stdout), stops and exits."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the broker's data here (default: a temporary folder, deleted at exit).")
    Path dataDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up when the records are not there after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        long t0 = System.nanoTime();
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("filmwire-demo-");
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put(StandaloneConfig.DATA_DIR, dir.toString());
        fixed.put(StandaloneConfig.BROKER_PORT, "0");
        Settings settings = config.settings(fixed);
        try (Standalone standalone = Standalone.start(settings, false)) {
            err.printf(Locale.ROOT, "demo: broker and services up on %s in %.1f s%n", standalone.bootstrapServers(),
                    (System.nanoTime() - t0) / 1e9);
            List<RawPage> pages = SamplePages.load(Instant.now());
            for (RawPage page : pages) {
                standalone.services().intake().submit(page).get();
            }
            err.printf(Locale.ROOT, "demo: %d sample pages acknowledged on %s; waiting for their film records%n",
                    pages.size(), Topics.PAGES_RAW.name());
            try (PipelineProbe probe = standalone.services().probe()) {
                if (!probe.awaitIdle(Duration.ofSeconds(timeoutSeconds))) {
                    err.println("demo: the pipeline did not finish within " + timeoutSeconds + " s (lag "
                            + probe.lag() + "); printing what is there");
                }
            }
            Map<String, FilmRecord> latest = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> r : TopicReader.readToEnd(standalone.kafka(), Topics.FILMS_RECORDS.name())) {
                FilmRecord film = Topics.FILMS_RECORDS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                if (film == null) {
                    latest.remove(r.key());
                } else {
                    latest.put(r.key(), film);
                }
            }
            for (FilmRecord film : latest.values()) {
                System.out.println(Json.write(film));
            }
            System.out.flush();
            long dead = TopicReader.readToEnd(standalone.kafka(), Topics.PAGES_DLQ.name()).size();
            err.printf(Locale.ROOT, "demo: %d film records from %d pages (%d dead letters) in %.1f s; stopping%n",
                    latest.size(), pages.size(), dead, (System.nanoTime() - t0) / 1e9);
        } finally {
            if (dataDir == null) {
                deleteRecursively(dir);
            }
        }
        return 0;
    }

    static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("demo: could not remove the temporary folder '" + dir + "': " + e.getMessage());
        }
    }
}
