package io.filmwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.SchemaValidator;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code clean} command over page files on disk. */
class CleanCommandTest {

    private static final String PROSE = "The restored print of the film returns to cinemas this winter, with a new score"
            + " and an introduction by its director, who had not seen it in forty years.";

    @TempDir
    Path dir;

    @Test
    void printsOneValidCleanPagePerFileNamedByTheFile() throws Exception {
        Files.writeString(dir.resolve("a.html"), "<html><head><title>Restored</title></head><body><nav><a href=\"/\">Home"
                + "</a></nav><article><h1>Restored</h1><p>" + PROSE + "</p></article></body></html>");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.html.gz")))) {
            out.write(("<html><body><p>" + PROSE + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("c.txt"), "A list of films\n\nFirst Film\n\n" + PROSE + "\n");

        ExtractCommandTest.Run run = ExtractCommandTest.run("clean", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).extracting(l -> l.path("pageId").asText()).containsExactly("a.html", "b.html.gz", "c.txt");
        for (JsonNode page : run.lines()) {
            assertThat(SchemaValidator.get().violations(MessageSchema.CLEAN_PAGE, page)).as(page.toString()).isEmpty();
        }
        assertThat(run.lines().get(0).path("text").asText()).isEqualTo(PROSE);
        assertThat(run.lines().get(0).path("title").asText()).isEqualTo("Restored");
        assertThat(run.lines().get(1).path("text").asText()).isEqualTo(PROSE);
        assertThat(run.lines().get(2).path("segments").get(1).path("heading").asText()).isEqualTo("First Film");
        assertThat(run.err()).contains("clean: 3/3 pages, 0 failed");
    }

    @Test
    void aMissingPathIsAnErrorAndAnUnreadableFileIsReported() throws Exception {
        ExtractCommandTest.Run missing = ExtractCommandTest.run("clean", dir.resolve("nope.html").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");

        Files.write(dir.resolve("binary.html"), new byte[] {0, 1, 2, 3, 0, 0});
        Files.writeString(dir.resolve("ok.html"), "<p>" + PROSE + "</p>");
        ExtractCommandTest.Run partly = ExtractCommandTest.run("clean", dir.toString());
        assertThat(partly.exitCode()).isZero();
        assertThat(partly.lines()).hasSize(1);
        assertThat(partly.err()).contains("skipped").contains("binary.html").contains("1 failed");
    }
}
