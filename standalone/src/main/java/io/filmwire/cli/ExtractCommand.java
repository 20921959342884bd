package io.filmwire.cli;

import io.filmwire.enrich.offline.OfflinePipeline;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code filmwire extract PATH...}: film records of page files, offline. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Offline: prints the film records of page files (JSON lines), no Kafka needed.",
                "Cleans, extracts and reconciles the pages given (files or folders of .html, .htm, .txt, .gz)",
                "with the same code as the Streams app: one film record per line for all pages together."})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Page files or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        List<Path> files = OfflinePages.files(paths);
        OfflinePipeline pipeline = new OfflinePipeline(Analyzers.standard());
        Progress progress = new Progress("extract", files.size(), err);
        Instant now = Instant.now();
        for (Path file : files) {
            RawPage page = OfflinePages.read(file, now, err);
            progress.step(page != null && pipeline.add(page) != null);
        }
        for (OfflinePipeline.Failure failure : pipeline.failures()) {
            err.println("failed '" + failure.pageId() + "' at " + failure.stage() + ": " + failure.reason());
        }
        List<FilmRecord> films = pipeline.films();
        for (FilmRecord film : films) {
            System.out.println(Json.write(film));
        }
        System.out.flush();
        progress.finish(films.size() + " film records");
        return progress.failed() == files.size() ? 1 : 0;
    }
}
