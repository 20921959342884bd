package io.filmwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void entriesComeBackInOrderAndBadLinesAreSkipped() throws Exception {
        Path file = dir.resolve("sub").resolve("j.jsonl");
        try (Journal journal = new Journal(file)) {
            journal.append(List.of(Map.of("n", 1), Map.of("n", 2)));
        }
        Files.writeString(file, "not json\n[1]\n{\"n\":3}\n{\"n\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Journal journal = new Journal(file)) {
            assertThat(journal.read()).extracting(n -> n.get("n").asInt()).containsExactly(1, 2, 3);
            assertThat(journal.lines()).isEqualTo(3);
        }
    }

    @Test
    void aRewriteReplacesTheFileAndAppendsGoOnAfterIt() {
        Path file = dir.resolve("j.jsonl");
        try (Journal journal = new Journal(file)) {
            journal.append(Map.of("n", 1));
            journal.append(Map.of("n", 2));
            journal.rewrite(List.of(Map.of("n", 9)));
            journal.append(Map.of("n", 10));
            List<JsonNode> read = journal.read();
            assertThat(read).extracting(n -> n.get("n").asInt()).containsExactly(9, 10);
        }
        assertThat(Files.exists(dir.resolve("j.jsonl.tmp"))).isFalse();
    }
}
