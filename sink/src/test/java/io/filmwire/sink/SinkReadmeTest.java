package io.filmwire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.standalone.ConfigTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README lists the sink's settings as the code defines them, and the command that starts it. */
class SinkReadmeTest {

    @Test
    void theConfigurationTableHasTheSinkRows() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = ConfigTable.markdown(Map.of("sink", SinkConfig.DEF));
        table.lines().skip(2).forEach(row -> assertThat(readme).as("README configuration table row").contains(row));
        assertThat(readme).contains("./filmwire sink postgres --jdbc-url");
    }
}
