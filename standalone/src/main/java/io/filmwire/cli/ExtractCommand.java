package io.filmwire.cli;

import io.filmwire.enrich.offline.OfflinePipeline;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import java.io.PrintStream;
import java.nio.file.Path;
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
        OfflinePipeline pipeline = new OfflinePipeline(Analyzers.standard());
        Progress progress = OfflinePages.each("extract", paths, err, page -> pipeline.add(page) != null);
        OfflinePages.reportFailures(pipeline, err);
        List<FilmRecord> films = pipeline.films();
        for (FilmRecord film : films) {
            System.out.println(Json.write(film));
        }
        System.out.flush();
        progress.finish(films.size() + " film records");
        return progress.failed() == progress.total() ? 1 : 0;
    }
}
