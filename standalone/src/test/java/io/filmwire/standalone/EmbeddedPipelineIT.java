package io.filmwire.standalone;

import io.filmwire.common.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline contract on the standalone: embedded KRaft broker, all services, HTTP. */
class EmbeddedPipelineIT extends PipelineContract {

    @TempDir
    static Path dataDir;

    private static Standalone standalone;

    @BeforeAll
    static void start() {
        standalone = Standalone.start(Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                StandaloneConfig.BROKER_PORT, "0",
                StandaloneConfig.HTTP_PORT, "0")), true);
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Override
    Services services() {
        return standalone.services();
    }
}
