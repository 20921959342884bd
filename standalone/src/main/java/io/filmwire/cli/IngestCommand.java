package io.filmwire.cli;

import io.filmwire.common.KafkaSettings;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.PageFiles;
import io.filmwire.ingest.PageIntake;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filmwire ingest PATH...}: pushes page files into a running pipeline. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Writes pages (files or folders of .html, .htm, .txt, .gz) to pages.raw of a running pipeline.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Page files or folders.")
    List<Path> paths;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka to write to (bootstrap.servers; default: localhost:9092, the standalone's broker).")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        Map<String, String> fixed = new LinkedHashMap<>();
        if (bootstrapServers != null) {
            fixed.put(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        IngestConfig ingest = IngestConfig.from(config.settings(fixed));
        List<Path> files = PageFiles.expand(paths);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no page files (.html, .htm, .txt, .gz) in " + paths);
        }
        Progress progress = new Progress("ingest", files.size(), err);
        try (PageIntake intake = new PageIntake(ingest)) {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            List<Path> pendingFiles = new ArrayList<>();
            for (Path file : files) {
                RawPage page;
                try {
                    page = PageFiles.read(file, "file:" + file.toAbsolutePath(), ingest.maxPageBytes(), Instant.now());
                } catch (IOException | IllegalArgumentException e) {
                    err.println("skipped '" + file + "': " + e.getMessage());
                    progress.step(false);
                    continue;
                }
                pending.add(intake.submit(page));
                pendingFiles.add(file);
                if (pending.size() >= 100) {
                    drain(pending, pendingFiles, progress, err);
                }
            }
            drain(pending, pendingFiles, progress, err);
        }
        progress.finish("written to pages.raw on " + ingest.kafka().bootstrapServers());
        return progress.failed() > 0 ? 1 : 0;
    }

    private static void drain(List<CompletableFuture<?>> pending, List<Path> files, Progress progress, PrintStream err)
            throws InterruptedException {
        for (int i = 0; i < pending.size(); i++) {
            try {
                pending.get(i).get();
                progress.step(true);
            } catch (ExecutionException e) {
                err.println("not acknowledged '" + files.get(i) + "': " + e.getCause().getMessage());
                progress.step(false);
            }
        }
        pending.clear();
        files.clear();
    }
}
