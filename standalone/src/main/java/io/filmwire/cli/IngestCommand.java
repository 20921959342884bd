package io.filmwire.cli;

import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.PageFiles;
import io.filmwire.ingest.PageIntake;
import io.filmwire.ingest.fetch.FetchException;
import io.filmwire.ingest.fetch.PoliteFetcher;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filmwire ingest PATH|URL...}: pushes page files and fetched pages into a running pipeline. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Writes pages to pages.raw of a running pipeline: files, folders (.html, .htm, .txt, .gz)",
                "and http(s) URLs, which are fetched (robots.txt obeyed, per-host delay, limits of ingest.fetch.*;",
                "internal hosts need --set ingest.fetch.allow.hosts=HOST:PORT; IRIs are taken).",
                "Shows count, rate and failures on stderr as it goes; exits 1 when any page failed."})
final class IngestCommand implements Callable<Integer> {

    /** Futures waited for in one go. */
    private static final int WINDOW = 100;

    @Mixin
    ClusterOptions cluster;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL", description = "Page files, folders, or http(s) URLs of pages.")
    List<String> inputs;


    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        IngestConfig ingest = IngestConfig.from(cluster.settings());
        List<String> urls = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (String input : inputs) {
            String lower = input.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                urls.add(input);
            } else {
                paths.add(Path.of(input));
            }
        }
        List<Path> files = PageFiles.expand(paths);
        if (files.isEmpty() && urls.isEmpty()) {
            throw new IllegalArgumentException("no page files (.html, .htm, .txt, .gz) in " + paths);
        }
        Progress progress = new Progress("ingest", files.size() + urls.size(), err);
        try (PageIntake intake = new PageIntake(ingest)) {
            Window window = new Window(intake, progress, err);
            for (Path file : files) {
                try {
                    window.add(file.toString(), intake.submit(PageFiles.read(file, "file:" + file.toAbsolutePath(),
                            ingest.maxPageBytes(), Instant.now())));
                } catch (IOException | IllegalArgumentException e) {
                    window.failed(file.toString(), e.getMessage());
                }
                if (window.kafkaDown) {
                    break;
                }
            }
            if (!urls.isEmpty() && !window.kafkaDown) {
                try (PoliteFetcher fetcher = new PoliteFetcher(ingest.fetch())) {
                    for (String url : urls) {
                        try {
                            RawPage page = fetcher.fetchPage(url, "fetch", null, ingest.maxPageBytes());
                            window.add(url, intake.submit(page));
                        } catch (FetchException e) {
                            window.failed(url, e.getMessage());
                        }
                        if (window.kafkaDown) {
                            break;
                        }
                    }
                }
            }
            window.drain();
            if (window.kafkaDown) {
                err.println("ingest: stopped: Kafka at " + ingest.kafka().bootstrapServers() + " does not acknowledge ("
                        + window.kafkaError + "); is the pipeline running (./filmwire run)?");
            }
        }
        progress.finish("written to pages.raw on " + ingest.kafka().bootstrapServers());
        return progress.failed() > 0 || progress.done() < files.size() + urls.size() ? 1 : 0;
    }

    /** Pages sent and not yet acknowledged: waited for {@value #WINDOW} at a time, each counted once. */
    private static final class Window {
        private final PageIntake intake;
        private final Progress progress;
        private final PrintStream err;
        private final List<String> labels = new ArrayList<>();
        private final List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
        boolean kafkaDown;
        String kafkaError;

        Window(PageIntake intake, Progress progress, PrintStream err) {
            this.intake = intake;
            this.progress = progress;
            this.err = err;
        }

        void add(String label, CompletableFuture<RecordMetadata> future) throws InterruptedException {
            labels.add(label);
            futures.add(future);
            // sending blocks up to ingest.max.block.ms without Kafka: one such failure stops the run
            if (future.isCompletedExceptionally() || futures.size() >= WINDOW) {
                drain();
            }
        }

        void failed(String label, String reason) {
            err.println("failed '" + label + "': " + reason);
            progress.step(false);
        }

        void drain() throws InterruptedException {
            for (int i = 0; i < futures.size(); i++) {
                try {
                    intake.await(futures.get(i));
                    progress.step(true);
                } catch (ExecutionException e) {
                    failed(labels.get(i), "not acknowledged by Kafka: " + PageIntake.describe(e));
                    if (PageIntake.isRetriable(e)) {
                        kafkaDown = true;
                        kafkaError = PageIntake.describe(e);
                    }
                }
            }
            labels.clear();
            futures.clear();
        }
    }
}
