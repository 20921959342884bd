package io.filmwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.Json;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.SchemaValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code extract} command over files on disk (the bundled sample pages, see samples/PROVENANCE.md). */
class ExtractCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, List<JsonNode> lines, String err) {
    }

    static Run run(String... args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = FilmwireCli.commandLine().execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(Json.mapper().readTree(line));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new AssertionError("stdout holds a line that is not JSON: " + line, e);
                }
            }
        }
        return new Run(code, lines, stderr.toString(StandardCharsets.UTF_8));
    }

    private Path samples() throws Exception {
        Path seeds = dir.resolve("seeds");
        Files.createDirectories(seeds);
        for (String name : new String(ExtractCommandTest.class.getResourceAsStream("/samples/index.txt").readAllBytes(),
                StandardCharsets.UTF_8).strip().split("\n")) {
            Files.write(seeds.resolve(name), ExtractCommandTest.class.getResourceAsStream("/samples/" + name).readAllBytes());
        }
        return seeds;
    }

    @Test
    void printsOneValidFilmRecordPerLineForAFolderOfPages() throws Exception {
        Run run = run("extract", samples().toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).isNotEmpty();
        for (JsonNode film : run.lines()) {
            assertThat(SchemaValidator.get().violations(MessageSchema.FILM_RECORD, film)).as(film.toString()).isEmpty();
        }
        assertThat(run.lines()).extracting(f -> f.path("title").asText()).contains("Little Pyongyang");
        assertThat(run.err()).contains("extract: 5/5 pages, 0 failed");
    }

    @Test
    void readsGzippedPagesAndNamesMissingPaths() throws Exception {
        Path gz = dir.resolve("page.html.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("<html><head><title>Zipped Film (1970)</title></head><body><p>Director: Ann Example</p>"
                    + "<p>Running time: 95 min</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Run run = run("extract", gz.toString());
        assertThat(run.lines()).singleElement().satisfies(f -> {
            assertThat(f.path("title").asText()).isEqualTo("Zipped Film");
            assertThat(f.path("sources").get(0).path("pageId").asText()).isEqualTo("page.html.gz");
        });

        Run missing = run("extract", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file or folder").contains("nope");
    }
}
