package io.filmwire.standalone;

import io.filmwire.common.Settings;
import io.filmwire.common.http.HttpConfig;
import java.nio.file.Path;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Configuration of the standalone (one JVM: embedded broker plus the services), validated at start-up.
 *
 * @param dataDir    broker logs and Streams state; a restart with the same directory keeps everything
 * @param brokerHost the embedded broker's address
 * @param brokerPort the embedded broker's port (0: a free one)
 * @param httpHost   the HTTP server's address
 * @param httpPort   the HTTP server's port (0: a free one)
 */
public record StandaloneConfig(Path dataDir, String brokerHost, int brokerPort, String httpHost, int httpPort,
                               int httpThreads) {

    // the HTTP settings live in HttpConfig (every service has them); these names stay for the callers

    public static final String DATA_DIR = "data.dir";
    public static final String BROKER_HOST = "broker.host";
    public static final String BROKER_PORT = "broker.port";
    public static final String HTTP_HOST = HttpConfig.HOST;
    public static final String HTTP_PORT = HttpConfig.PORT;
    public static final String HTTP_HEALTH_PORT = HttpConfig.HEALTH_PORT;
    public static final String HTTP_THREADS = HttpConfig.THREADS;

    public static final ConfigDef DEF = new ConfigDef()
            .define(DATA_DIR, Type.STRING, "data", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Where the standalone keeps the broker's logs and the Streams state; a restart reuses it.")
            .define(BROKER_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Address the embedded broker listens on and advertises.")
            .define(BROKER_PORT, Type.INT, 9092, Range.between(0, 65535), Importance.MEDIUM,
                    "Port of the embedded broker (0: any free port).");

    /** Parsed and validated from {@code settings}. */
    public static StandaloneConfig from(Settings settings) {
        AbstractConfig c = new AbstractConfig(DEF, settings.asMap(), false);
        HttpConfig http = HttpConfig.from(settings);
        return new StandaloneConfig(Path.of(c.getString(DATA_DIR)), c.getString(BROKER_HOST), c.getInt(BROKER_PORT),
                http.host(), http.port(), http.threads());
    }
}
