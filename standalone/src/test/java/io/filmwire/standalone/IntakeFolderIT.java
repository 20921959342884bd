package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.PageFiles;
import io.filmwire.schema.Json;
import io.filmwire.schema.PageIds;
import io.filmwire.schema.RawPage;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watched folder on the embedded broker: real files in, processed/ and failed/ out, restarts. */
class IntakeFolderIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private static Path drop;
    private static IntakeHarness harness;

    @BeforeAll
    static void start() {
        drop = dataDir.resolve("drop");
        harness = IntakeHarness.start(dataDir, Map.of(
                IngestConfig.WATCH_DIRS, drop.toString(),
                IngestConfig.WATCH_INTERVAL_MS, "100",
                IngestConfig.WATCH_SETTLE_MS, "300",
                IngestConfig.MAX_PAGE_BYTES, "4096"));
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static Path write(String name, String content) throws Exception {
        Path file = drop.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static Path writeGzip(String name, String content) throws Exception {
        Path file = drop.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void awaitFile(Path file) {
        Await.until(TIMEOUT, "'" + file + "'", () -> Files.exists(file) ? file : null);
    }

    private static long copiesOnPagesRaw(String pageId) {
        return harness.pagesRaw().stream().filter(p -> p.pageId().equals(pageId)).count();
    }

    private static String html(String marker) {
        return "<!doctype html><html><body><h1>" + marker + "</h1></body></html>";
    }

    @Test
    void pageFilesDroppedInAreOnPagesRawAndMovedToProcessed() throws Exception {
        String m = UUID.randomUUID().toString();
        write("a-" + m + ".html", html("A " + m));
        write("b-" + m + ".htm", html("B " + m));
        write("c-" + m + ".txt", "C " + m + " plain text");
        writeGzip("d-" + m + ".html.gz", html("D " + m));
        write("sub/e-" + m + ".html", html("E " + m));

        Path processed = drop.resolve("processed");
        for (String name : List.of("a-" + m + ".html", "b-" + m + ".htm", "c-" + m + ".txt", "d-" + m + ".html.gz",
                "sub/e-" + m + ".html")) {
            awaitFile(processed.resolve(name));
            assertThat(drop.resolve(name)).doesNotExist();
            RawPage page = PageFiles.read(processed.resolve(name), "check", 1 << 20, Instant.now());
            assertThat(copiesOnPagesRaw(page.pageId())).as(name).isEqualTo(1);
        }
        RawPage a = harness.pagesRaw().stream().filter(p -> p.body().contains("A " + m)).findFirst().orElseThrow();
        assertThat(a.source()).isEqualTo("folder:" + drop.toAbsolutePath().resolve("a-" + m + ".html"));
        assertThat(a.contentType()).isEqualTo(RawPage.HTML);
        RawPage c = harness.pagesRaw().stream().filter(p -> p.body().contains("C " + m)).findFirst().orElseThrow();
        assertThat(c.contentType()).isEqualTo(RawPage.TEXT);
    }

    @Test
    void filesThatAreNotPagesGoToFailedWithTheReasonAndTemporaryOnesAreLeftAlone() throws Exception {
        String m = UUID.randomUUID().toString();
        Files.write(drop.resolve("binary-" + m + ".html"), new byte[] {'<', 'h', 't', 'm', 'l', '>', 0, 0, 1});
        write("notes-" + m + ".pdf", "%PDF-1.7 not taken");
        write("big-" + m + ".html", html("x".repeat(5000)));
        Files.write(drop.resolve("broken-" + m + ".html.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        Path partial = write("copying-" + m + ".html.part", html("partial"));
        Path hidden = write(".hidden-" + m + ".html", html("hidden"));

        Map<String, String> reasons = Map.of(
                "binary-" + m + ".html", "binary",
                "notes-" + m + ".pdf", "not a page file",
                "big-" + m + ".html", "over the limit of 4096 bytes",
                "broken-" + m + ".html.gz", "cannot be read as a page");
        Path failed = drop.resolve("failed");
        for (Map.Entry<String, String> e : reasons.entrySet()) {
            Path error = failed.resolve(e.getKey() + ".error.txt");
            awaitFile(error);
            assertThat(failed.resolve(e.getKey())).exists();
            assertThat(drop.resolve(e.getKey())).doesNotExist();
            assertThat(Files.readString(error)).contains("reason: ").contains(e.getValue()).contains("to retry:");
        }
        assertThat(partial).exists();
        assertThat(hidden).exists();
        assertThat(harness.pagesRaw()).noneMatch(p -> p.body().contains("partial") || p.body().contains("hidden"));
    }

    @Test
    void aFileStillBeingWrittenWaitsUntilItSettles() throws Exception {
        String m = UUID.randomUUID().toString();
        Path file = write("growing-" + m + ".html", html("Growing " + m));
        // a modification time in the future: the file is "still being written" for an hour
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(3600)));
        Thread.sleep(1_500); // fifteen scans
        assertThat(file).exists();
        assertThat(harness.pagesRaw()).noneMatch(p -> p.body().contains("Growing " + m));

        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(5)));
        awaitFile(drop.resolve("processed").resolve("growing-" + m + ".html"));
    }

    @Test
    void aSecondFileOfTheSameNameIsKeptBesideTheFirst() throws Exception {
        String m = UUID.randomUUID().toString();
        String name = "same-" + m + ".html";
        write(name, html("First " + m));
        awaitFile(drop.resolve("processed").resolve(name));
        write(name, html("Second " + m));
        Path second = drop.resolve("processed").resolve("same-" + m + "-2.html");
        awaitFile(second);
        assertThat(Files.readString(second)).contains("Second " + m);
        assertThat(Files.readString(drop.resolve("processed").resolve(name))).contains("First " + m);
    }

    @Test
    void aRestartNeitherLosesNorRepeatsFiles() throws Exception {
        String m = UUID.randomUUID().toString();
        Path before = write("before-" + m + ".html", html("Before " + m));
        awaitFile(drop.resolve("processed").resolve(before.getFileName()));
        String beforeId = PageIds.contentId(html("Before " + m));

        harness.stopServices();
        write("while-down-" + m + ".html", html("While down " + m));
        // a file Kafka acknowledged just before a crash, not yet moved: the journal remembers it
        Path acked = write("acked-" + m + ".html", html("Acked " + m));
        Files.setLastModifiedTime(acked, FileTime.from(Instant.now().minusSeconds(60)));
        Files.writeString(drop.resolve(".filmwire-acknowledged.jsonl"), Json.write(Map.of(
                "file", acked.getFileName().toString(),
                "size", Files.size(acked),
                "modified", Files.getLastModifiedTime(acked).toMillis(),
                "pageId", PageIds.contentId(html("Acked " + m)))) + "\n");
        harness.startServices();

        awaitFile(drop.resolve("processed").resolve("while-down-" + m + ".html"));
        awaitFile(drop.resolve("processed").resolve(acked.getFileName()));
        assertThat(copiesOnPagesRaw(PageIds.contentId(html("While down " + m)))).isEqualTo(1);
        assertThat(copiesOnPagesRaw(PageIds.contentId(html("Acked " + m)))).as("not sent again").isZero();
        assertThat(copiesOnPagesRaw(beforeId)).as("not taken again after the restart").isEqualTo(1);
    }
}
