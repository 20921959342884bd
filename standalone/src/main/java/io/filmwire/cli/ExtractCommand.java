package io.filmwire.cli;

import io.filmwire.enrich.extract.PageExtractor;
import io.filmwire.enrich.extract.works.TitleVote;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.offline.OfflinePipeline;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filmwire extract PATH...}: film records of page files, offline. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Offline: prints the film records of page files (JSON lines), no Kafka needed.",
                "Cleans, extracts and reconciles the pages given (files or folders of .html, .htm, .txt, .gz)",
                "with the same code as the Streams app: one film record per line for all pages together.",
                "The pages given together also teach each site's template (title affixes, repeated blocks)."})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Page files or folders.")
    List<Path> paths;

    @Option(names = "--explain", description = "Per page, how it was read instead of the records: its kind, "
            + "the title candidates and why one won, the works found, their facts and evidence.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        OfflinePipeline pipeline = new OfflinePipeline(Analyzers.standard());
        OfflinePages.learnSites(paths, pipeline, err);
        if (explain) {
            PrintStream out = System.out;
            Progress progress = OfflinePages.each("explain", paths, err, page -> {
                try {
                    print(page.pageId(), pipeline.explain(page), out);
                    return true;
                } catch (RuntimeException e) {
                    err.println("failed '" + page.pageId() + "': " + e);
                    return false;
                }
            });
            out.flush();
            progress.finish("pages explained");
            return progress.failed() == progress.total() ? 1 : 0;
        }
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

    private static void print(String pageId, PageExtractor.Reading reading, PrintStream out) {
        out.println("== " + pageId);
        out.println("kind: " + reading.kind());
        for (String note : reading.notes()) {
            out.println("note: " + note);
        }
        List<TitleVote.Candidate> candidates = reading.titleCandidates();
        if (!candidates.isEmpty()) {
            out.println("title candidates (score: where stated):");
            for (TitleVote.Candidate c : candidates.subList(0, Math.min(8, candidates.size()))) {
                out.printf("  %5.2f  %s  [%s]%s%n", c.score(), c.title(), String.join(", ", c.support()),
                        c == candidates.get(0) ? "  <- winner" : "");
            }
        }
        out.println("works: " + reading.works().size() + ", published: " + reading.mentions().size());
        for (PageExtractor.WorkReading w : reading.works()) {
            out.println("  - " + (w.published() ? "FILM " : "not published ") + "'" + w.title() + "' (" + w.source() + ")");
            if (w.evidence().isEmpty()) {
                out.println("      no evidence that it is a film");
            }
            for (Fact<String> e : w.evidence()) {
                out.println("      evidence [" + e.layer() + "] " + e.evidence());
            }
            FilmMention m = w.mention();
            if (m != null) {
                fact(out, "year", m.year());
                fact(out, "runtime", m.runtimeMinutes());
                fact(out, "rating", m.rating());
                for (Fact<String> l : m.languages()) {
                    fact(out, "language", l);
                }
                for (var c : m.credits()) {
                    out.println("      credit " + c.value().role() + ": " + c.value().name() + "  [" + c.layer() + "] "
                            + c.evidence());
                }
            }
        }
    }

    private static void fact(PrintStream out, String name, Fact<?> f) {
        if (f != null) {
            out.println("      " + name + " " + f.value() + "  [" + f.layer() + "] " + f.evidence());
        }
    }
}
