package io.filmwire.cli;

import io.filmwire.enrich.clean.ArticleCleaner;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code filmwire clean PATH...}: the cleaned article of each page file, offline. */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Offline: prints the cleaned article of each page file (JSON lines), no Kafka needed.",
                "",
                "One object per page, in file-name order: pageId (the file name), url, site, title, author, "
                        + "publishedDate, language, text (the main text, paragraphs separated by blank lines) and "
                        + "segments (the text cut at its headings), as the Streams app writes them on pages.clean.",
                "",
                "Progress goes to stderr. A page that cannot be read or cleaned is reported there and left out; "
                        + "the exit status is 1 when no page could be cleaned."})
final class CleanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Page files or folders (.html, .htm, .txt, .gz).")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        PrintStream out = System.out;
        List<Path> files = OfflinePages.files(paths);
        ArticleCleaner cleaner = new ArticleCleaner();
        Progress progress = new Progress("clean", files.size(), err);
        Instant now = Instant.now();
        long chars = 0;
        for (Path file : files) {
            RawPage page = OfflinePages.read(file, now, err);
            CleanPage clean = null;
            if (page != null) {
                try {
                    clean = cleaner.cleanPage(page);
                } catch (RuntimeException | StackOverflowError e) {
                    // as in the Streams app, where such a page goes to pages.dlq: say why, go on
                    err.println("failed '" + page.pageId() + "': " + e.getMessage());
                }
            }
            if (clean != null) {
                out.println(Json.write(clean));
                chars += clean.text().length();
            }
            progress.step(clean != null);
        }
        out.flush();
        progress.finish(chars + " characters of main text");
        return progress.failed() == files.size() ? 1 : 0;
    }
}
