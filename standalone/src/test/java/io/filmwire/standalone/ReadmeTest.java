package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README stays true: its configuration table and topic list match the code. */
class ReadmeTest {

    private static String readme() throws Exception {
        Path file = Path.of("..", "README.md");
        if (!Files.exists(file)) {
            file = Path.of("README.md");
        }
        return Files.readString(file);
    }

    @Test
    void theConfigurationTableIsTheOneTheCodeDefines() throws Exception {
        String readme = readme();
        for (String row : ConfigTable.markdown().split("\n")) {
            assertThat(readme).as("README configuration table row").contains(row);
        }
    }

    @Test
    void everyTopicIsListedAndTheTwoCommandsAreThere() throws Exception {
        String readme = readme();
        Topics.ALL.forEach(t -> assertThat(readme).contains("| `" + t.name() + "` |"));
        assertThat(readme).contains("./filmwire demo").contains("\nmvn verify\n");
        assertThat(Files.readString(Path.of("..", ".ci", "run"))).contains("\nmvn verify\n");
    }
}
