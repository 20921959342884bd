package io.filmwire.ingest.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.Journal;
import io.filmwire.ingest.PageFiles;
import io.filmwire.ingest.PageIntake;
import io.filmwire.ingest.TooLargeException;
import io.filmwire.ingest.Worker;
import io.filmwire.schema.RawPage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watched folder: page files dropped in it (or in its subfolders) -> pages.raw (page id -> raw
 * page, source {@code folder:<path>}). A file is taken once it has not been modified for
 * {@code ingest.watch.settle.ms}; once Kafka acknowledged its page it moves to {@code processed/};
 * a file that is not a page (wrong kind, binary, too large, corrupt gzip) or that Kafka refuses
 * moves to {@code failed/} beside a {@code NAME.error.txt} that says why. While Kafka does not
 * acknowledge, files stay where they are and are tried again at a later scan.
 * <p>
 * Between Kafka's acknowledgement and the move, the acknowledged files are written to a journal
 * ({@code .filmwire-acknowledged.jsonl} in the folder, forced to disk): after a crash in between,
 * the restart moves them without sending them again. So a restart neither loses nor repeats a file.
 * Temporary names ({@code .part}, {@code .tmp}, {@code .crdownload}, {@code ~}, hidden files) are
 * left alone.
 * <p>
 * Threading: one thread of its own; the public methods are thread-safe.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    /** Subfolder of done files. */
    public static final String PROCESSED = "processed";
    /** Subfolder of failed files and their {@code .error.txt}. */
    public static final String FAILED = "failed";
    static final String JOURNAL = ".filmwire-acknowledged.jsonl";
    private static final int BATCH = 32;
    private static final List<String> TEMPORARY = List.of(".part", ".partial", ".tmp", ".temp", ".crdownload",
            ".download", ".swp", "~");
    private static final List<String> PAGE_SUFFIXES = List.of(".html.gz", ".htm.gz", ".txt.gz", ".html", ".htm", ".txt",
            ".gz");

    private final Path dir;
    private final Path processed;
    private final Path failed;
    private final IngestConfig config;
    private final PageIntake intake;
    private final Journal journal;
    private final Counter processedCount;
    private final Counter failedCount;
    private final Worker worker;
    private boolean kafkaDown;

    /** A watcher of {@code dir} (created when missing, with its processed/ and failed/). Call {@link #start}. */
    public FolderWatcher(Path dir, IngestConfig config, PageIntake intake, MeterRegistry registry) {
        this.dir = dir.toAbsolutePath().normalize();
        this.processed = this.dir.resolve(PROCESSED);
        this.failed = this.dir.resolve(FAILED);
        this.config = config;
        this.intake = intake;
        try {
            Files.createDirectories(processed);
            Files.createDirectories(failed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the watched folder '" + this.dir + "' (" + IngestConfig.WATCH_DIRS
                    + "): " + e.getMessage(), e);
        }
        this.journal = new Journal(this.dir.resolve(JOURNAL));
        this.processedCount = Counter.builder("filmwire.ingest.folder.files").tag("result", "processed")
                .description("Watched-folder files written to pages.raw and moved to processed/").register(registry);
        this.failedCount = Counter.builder("filmwire.ingest.folder.files").tag("result", "failed")
                .description("Watched-folder files moved to failed/").register(registry);
        this.worker = new Worker("folder-watcher-" + this.dir.getFileName(), this::run);
    }

    /** The watched folder. */
    public Path dir() {
        return dir;
    }

    /** Finishes what a crash interrupted, then starts watching. */
    public FolderWatcher start() {
        recover();
        worker.start();
        LOG.info("Watching '{}' for page files (.html, .htm, .txt, .gz); done files go to '{}', failed ones to '{}'",
                dir, processed, failed);
        return this;
    }

    /** True while the watching thread runs. */
    public boolean isHealthy() {
        return worker.isAlive();
    }

    private void run() {
        try {
            while (worker.running()) {
                try {
                    scan();
                } catch (UncheckedIOException e) {
                    LOG.warn("Scanning '{}' failed ({}); trying again", dir, e.getMessage());
                }
                long pause = (kafkaDown ? config.ackTimeout().dividedBy(4) : config.watch().interval()).toMillis();
                worker.pause(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The watcher of '{}' stopped on an unexpected error; files are not taken until a restart", dir, e);
            worker.ended();
        }
    }

    /** One pass: takes every settled page file, in name order. */
    void scan() throws InterruptedException {
        if (!Files.isDirectory(processed) || !Files.isDirectory(failed)) {
            try {
                Files.createDirectories(processed);
                Files.createDirectories(failed);
                LOG.warn("The watched folder '{}' or its processed/ or failed/ had gone; created them again", dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create '" + processed + "' and '" + failed + "': " + e.getMessage(), e);
            }
        }
        List<Path> ready = new ArrayList<>();
        long settled = System.currentTimeMillis() - config.watch().settle().toMillis();
        for (Path file : candidates()) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException e) {
                LOG.warn("Cannot read '{}': {}; tried again at the next scan", file, e.getMessage());
                continue;
            }
            if (!attrs.isRegularFile() || attrs.lastModifiedTime().toMillis() > settled || isTemporary(file)) {
                continue;
            }
            if (!PageFiles.isPageFile(file)) {
                fail(file, "not a page file: a watched folder takes .html, .htm and .txt files, and those gzipped (.gz)");
                continue;
            }
            ready.add(file);
        }
        for (int from = 0; from < ready.size() && worker.running(); from += BATCH) {
            if (!take(ready.subList(from, Math.min(ready.size(), from + BATCH)))) {
                return;
            }
        }
    }

    /** The files of the folder and its subfolders, in name order; processed/, failed/ and hidden ones not entered. */
    private List<Path> candidates() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    boolean skip = d.equals(processed) || d.equals(failed) || !d.equals(dir) && isHidden(d);
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !isHidden(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // vanished while walking, or unreadable: the next scan sees it again
                    LOG.debug("Cannot look at '{}': {}", file, e.toString());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list '" + dir + "': " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return TEMPORARY.stream().anyMatch(name::endsWith);
    }

    /** A file read and sent, with what identifies the version that was sent. */
    private record Sent(Path file, long size, long modified, String pageId, CompletableFuture<RecordMetadata> ack) {
    }

    /**
     * Sends a batch and waits for Kafka: acknowledged files are journalled, then moved to processed/.
     * Returns false when Kafka did not acknowledge (the rest waits for a later scan).
     */
    private boolean take(List<Path> files) throws InterruptedException {
        List<Sent> sent = new ArrayList<>();
        for (Path file : files) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                RawPage page = PageFiles.read(file, "folder:" + file, config.maxPageBytes(), Instant.now());
                sent.add(new Sent(file, attrs.size(), attrs.lastModifiedTime().toMillis(), page.pageId(), intake.submit(page)));
            } catch (NoSuchFileException e) {
                LOG.debug("'{}' vanished before it was read", file);
            } catch (TooLargeException e) {
                fail(file, e.getMessage() + " (" + IngestConfig.MAX_PAGE_BYTES + ")");
            } catch (IOException | IllegalArgumentException e) {
                fail(file, "cannot be read as a page: " + e.getMessage());
            }
        }
        List<Sent> acknowledged = new ArrayList<>();
        Throwable transientError = null;
        for (Sent s : sent) {
            try {
                intake.await(s.ack());
                acknowledged.add(s);
            } catch (ExecutionException e) {
                if (PageIntake.isRetriable(e)) {
                    transientError = e;
                } else {
                    fail(s.file(), "Kafka refused the page: " + PageIntake.describe(e));
                }
            }
        }
        journal.append(acknowledged.stream().map(this::entry).toList());
        for (Sent s : acknowledged) {
            moveAcknowledged(s.file(), s.size(), s.modified());
        }
        if (!acknowledged.isEmpty()) {
            journal.rewrite(List.of());
        }
        if (transientError != null) {
            if (!kafkaDown) {
                LOG.warn("Kafka does not acknowledge ({}); files stay in '{}' and are tried again",
                        PageIntake.describe(transientError), dir);
            }
            kafkaDown = true;
            return false;
        }
        if (kafkaDown && !acknowledged.isEmpty()) {
            LOG.info("Kafka acknowledges again; taking the files of '{}'", dir);
            kafkaDown = false;
        }
        return true;
    }

    private Map<String, Object> entry(Sent s) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("file", dir.relativize(s.file()).toString());
        e.put("size", s.size());
        e.put("modified", s.modified());
        e.put("pageId", s.pageId());
        return e;
    }

    /** Moves files acknowledged before a crash (journalled, not yet moved) without sending them again. */
    private void recover() {
        List<JsonNode> entries = journal.read();
        if (entries.isEmpty()) {
            return;
        }
        for (JsonNode e : entries) {
            Path file = dir.resolve(e.path("file").asText());
            if (Files.isRegularFile(file)) {
                LOG.info("'{}' was acknowledged by Kafka (page '{}') before a restart; moving it to processed/ without"
                        + " sending it again", file, e.path("pageId").asText());
                moveAcknowledged(file, e.path("size").asLong(-1), e.path("modified").asLong(-1));
            }
        }
        journal.rewrite(List.of());
    }

    /** Moves a file Kafka acknowledged to processed/, unless it changed since it was read (then it is taken again). */
    private void moveAcknowledged(Path file, long size, long modified) {
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
            if (now.size() != size || now.lastModifiedTime().toMillis() != modified) {
                LOG.info("'{}' changed after it was sent; it is taken again", file);
                return;
            }
            move(file, processed);
            processedCount.increment();
        } catch (NoSuchFileException e) {
            LOG.info("'{}' was removed after Kafka acknowledged it", file);
        } catch (IOException e) {
            LOG.warn("'{}' is on pages.raw but could not be moved to '{}': {}", file, processed, e.getMessage());
        }
    }

    /** Moves {@code file} to failed/ and writes why beside it. */
    private void fail(Path file, String reason) {
        try {
            Path target = move(file, failed);
            String report = "file: " + file + "\n"
                    + "failed at: " + Instant.now() + "\n"
                    + "reason: " + reason + "\n"
                    + "to retry: fix the file and drop it in '" + dir + "' again\n";
            Files.writeString(target.resolveSibling(target.getFileName() + ".error.txt"), report, StandardCharsets.UTF_8);
            failedCount.increment();
            LOG.warn("'{}' not taken in: {}; moved to '{}'", file, reason, target);
        } catch (NoSuchFileException e) {
            LOG.debug("'{}' vanished before it could be moved to failed/", file);
        } catch (IOException e) {
            LOG.warn("'{}' not taken in ({}) and could not be moved to '{}': {}", file, reason, failed, e.getMessage());
        }
    }

    /** Moves {@code file} under {@code targetRoot} at its relative path, renamed when that name is taken. */
    private Path move(Path file, Path targetRoot) throws IOException {
        Path target = targetRoot.resolve(dir.relativize(file).toString());
        Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String suffix = PAGE_SUFFIXES.stream().filter(lower::endsWith).findFirst().orElse("");
        String base = name.substring(0, name.length() - suffix.length());
        // a rename replaces an existing file silently on Linux: find a free name first (one thread moves)
        for (int n = 2; Files.exists(target) || Files.exists(target.resolveSibling(target.getFileName() + ".error.txt")); n++) {
            if (n > 10_000) {
                throw new IOException("too many files named '" + name + "' in '" + target.getParent() + "'");
            }
            target = target.resolveSibling(base + "-" + n + suffix);
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target);
        }
        return target;
    }

    /** Stops watching after the batch in hand (its files are moved or stay), and closes the journal. */
    @Override
    public void close() {
        worker.stop(config.ackTimeout().plusSeconds(5));
        journal.close();
    }
}
