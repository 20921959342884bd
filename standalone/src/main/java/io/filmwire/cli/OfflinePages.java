package io.filmwire.cli;

import io.filmwire.enrich.offline.OfflinePipeline;
import io.filmwire.ingest.PageFiles;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Page files for the offline commands: each page's id is its file name, so output lines can be
 * matched to files; its canonical URL, when the page has one, stays its {@code url}.
 */
final class OfflinePages {

    /** Largest page file read offline. */
    static final long LIMIT = 24L * 1024 * 1024;

    private OfflinePages() {
    }

    /** The files of {@code inputs} (folders walked). */
    static List<Path> files(List<Path> inputs) throws IOException {
        List<Path> files = PageFiles.expand(inputs);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no page files (.html, .htm, .txt, .gz) in " + inputs);
        }
        return files;
    }

    /** The page in {@code file}, or null after saying on {@code err} why it cannot be read. */
    static RawPage read(Path file, Instant now, PrintStream err) {
        try {
            RawPage page = PageFiles.read(file, "file:" + file, LIMIT, now);
            return new RawPage(file.getFileName().toString(), page.url(), page.source(), page.contentType(),
                    page.fetchedAt(), page.receivedAt(), page.title(), page.body());
        } catch (IOException | IllegalArgumentException e) {
            err.println("skipped '" + file + "': " + e.getMessage());
            return null;
        }
    }

    /**
     * Reads the pages of {@code inputs} one by one, in order, and hands each to {@code step}, which
     * says whether it went well; a file that cannot be read counts as failed. Returns the progress,
     * for the caller's last line.
     */
    static Progress each(String task, List<Path> inputs, PrintStream err, Predicate<RawPage> step) throws IOException {
        List<Path> files = files(inputs);
        Progress progress = new Progress(task, files.size(), err);
        Instant now = Instant.now();
        for (Path file : files) {
            RawPage page = read(file, now, err);
            progress.step(page != null && step.test(page));
        }
        return progress;
    }

    /**
     * Shows every page of {@code inputs} to its site's profile before any is extracted, as a pipeline
     * that has seen them all would know the sites' templates. Unreadable files are skipped silently
     * here (the extraction pass reports them).
     */
    static void learnSites(List<Path> inputs, OfflinePipeline pipeline, PrintStream err) throws IOException {
        Instant now = Instant.now();
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        for (Path file : files(inputs)) {
            RawPage page = read(file, now, quiet);
            if (page != null) {
                pipeline.observe(page);
            }
        }
    }

    /** Says on {@code err} which pages the pipeline could not process, and why. */
    static void reportFailures(OfflinePipeline pipeline, PrintStream err) {
        for (OfflinePipeline.Failure failure : pipeline.failures()) {
            err.println("failed '" + failure.pageId() + "' at " + failure.stage() + ": " + failure.reason());
        }
    }

    /** All readable pages of {@code files}. */
    static List<RawPage> readAll(List<Path> files, PrintStream err) {
        Instant now = Instant.now();
        List<RawPage> pages = new ArrayList<>();
        for (Path file : files) {
            RawPage page = read(file, now, err);
            if (page != null) {
                pages.add(page);
            }
        }
        return pages;
    }
}
