package io.filmwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filmwire.schema.RawPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private Path gzip(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void foldersAreWalkedForPageFilesInNameOrder() throws Exception {
        write("b.html", "<html></html>");
        write("sub/a.txt", "text");
        write("sub/c.htm", "<html></html>");
        gzip("d.html.gz", "<html></html>");
        write("notes.md", "not a page");
        write(".hidden.html", "<html></html>");
        List<Path> files = PageFiles.expand(List.of(dir));
        assertThat(files).extracting(p -> dir.relativize(p).toString())
                .containsExactly("b.html", "d.html.gz", "sub/a.txt", "sub/c.htm");
    }

    @Test
    void aFileNamedExplicitlyIsTakenOnlyWhenItIsAPageFile() throws Exception {
        Path provenance = write("PROVENANCE.md", "# Where the pages come from\nSome text about sources.");
        assertThatThrownBy(() -> PageFiles.expand(List.of(write("ok.html", "<p>x</p>"), provenance)))
                .isInstanceOf(PageFiles.NotAPageFile.class).hasMessageContaining("PROVENANCE.md")
                .hasMessageContaining(".html");
        assertThat(PageFiles.expand(List.of(dir.resolve("ok.html")))).hasSize(1);
        Path pdf = dir.resolve("poster.txt");
        Files.write(pdf, new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 1, 2});
        assertThat(PageFiles.expand(List.of(pdf))).as("a page file by its name").hasSize(1);
        assertThatThrownBy(() -> PageFiles.read(pdf, "file", 1 << 20, Instant.EPOCH)).as("but not by its content")
                .isInstanceOf(PageFactory.UnsupportedContentException.class).hasMessageContaining("binary");
    }

    @Test
    void aMissingInputIsNamed() {
        assertThatThrownBy(() -> PageFiles.expand(List.of(dir.resolve("missing"))))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("missing");
    }

    @Test
    void gzippedPagesAreReadAndTypedByTheirInnerName() throws Exception {
        RawPage html = PageFiles.read(gzip("x.html.gz", "<p>hello</p>"), "file", 1 << 20, Instant.EPOCH);
        assertThat(html.contentType()).isEqualTo(RawPage.HTML);
        assertThat(html.body()).isEqualTo("<p>hello</p>");
        RawPage text = PageFiles.read(gzip("y.txt.gz", "plain"), "file", 1 << 20, Instant.EPOCH);
        assertThat(text.contentType()).isEqualTo(RawPage.TEXT);
    }

    @Test
    void aTextFileHoldingAnHtmlDocumentIsHtml() throws Exception {
        RawPage page = PageFiles.read(write("saved.txt", "<!doctype html><html><body>x</body></html>"), "file",
                1 << 20, Instant.EPOCH);
        assertThat(page.contentType()).isEqualTo(RawPage.HTML);
    }

    @Test
    void filesOverTheLimitAreRefusedEvenWhenCompressed() throws Exception {
        String big = "x".repeat(5000);
        assertThatThrownBy(() -> PageFiles.read(write("big.txt", big), "file", 1024, Instant.EPOCH))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("1024");
        assertThatThrownBy(() -> PageFiles.read(gzip("bomb.txt.gz", big), "file", 1024, Instant.EPOCH))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("decompressed");
    }
}
