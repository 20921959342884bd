package io.filmwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code dedup} command over the bundled sample pages (see samples/PROVENANCE.md) and copies of
 * them made here: the three pages about "Little Pyongyang" are different articles, a copy with
 * other line breaks and promotion lines is a duplicate.
 */
class DedupCommandTest {

    @TempDir
    Path dir;

    private static String sample(String name) throws Exception {
        return new String(DedupCommandTest.class.getResourceAsStream("/samples/" + name).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void printsOneVerdictPerPageAndFindsTheCopies() throws Exception {
        String guide = sample("001_ac972f7504336ea1.txt");
        Files.writeString(dir.resolve("a_festival.txt"), sample("000_0680c27c9aea9b38.txt"));
        Files.writeString(dir.resolve("b_guide.txt"), guide);
        Files.writeString(dir.resolve("c_production.txt"), sample("002_984db3d3408101b5.txt"));
        Files.writeString(dir.resolve("d_guide_copy.txt"), "Advertisement\n\nSign up for our newsletter.\n\n"
                + guide.replace("\n", "\r\n\r\n").replace(". ", ".  ") + "\n\nShare this article: Facebook, Email\n");
        Files.writeString(dir.resolve("e_guide_again.txt"), guide);

        ExtractCommandTest.Run run = ExtractCommandTest.run("dedup", dir.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).extracting(l -> l.path("pageId").asText())
                .containsExactly("a_festival.txt", "b_guide.txt", "c_production.txt", "d_guide_copy.txt", "e_guide_again.txt");
        for (JsonNode line : lines.subList(0, 3)) {
            assertThat(line.get("duplicateOf").isNull()).as(line.toString()).isTrue();
        }
        assertThat(lines.get(3).path("duplicateOf").asText()).isEqualTo("b_guide.txt");
        assertThat(lines.get(3).path("similarity").asDouble()).isBetween(0.6, 1.0);
        assertThat(lines.get(4).path("duplicateOf").asText()).isEqualTo("b_guide.txt");
        assertThat(lines.get(4).path("similarity").asDouble()).isEqualTo(1.0);
        assertThat(lines).allSatisfy(l -> assertThat(l.size()).isEqualTo(3));
        assertThat(run.err()).contains("dedup: 5/5 pages, 0 failed").contains("2 duplicates");
    }

    @Test
    void aMissingPathIsABadUsage() throws Exception {
        ExtractCommandTest.Run run = ExtractCommandTest.run("dedup", dir.resolve("nope").toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("nope");
    }
}
