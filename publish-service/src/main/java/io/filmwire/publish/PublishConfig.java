package io.filmwire.publish;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.StreamsRecovery;
import java.nio.file.Path;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Configuration of publish-service, validated at start-up.
 *
 * @param recovery static membership, session and transaction timeouts, standby replicas
 */
public record PublishConfig(KafkaSettings kafka, String applicationId, Path stateDir, StreamsRecovery recovery) {

    /** A configuration with the default recovery settings. */
    public PublishConfig(KafkaSettings kafka, String applicationId, Path stateDir) {
        this(kafka, applicationId, stateDir, StreamsRecovery.defaults());
    }

    /** Prefix of the recovery settings ({@link StreamsRecovery}). */
    public static final String RECOVERY_PREFIX = "publish.";

    public static final String APPLICATION_ID = "publish.application.id";
    public static final String STATE_DIR = "publish.state.dir";

    public static final ConfigDef DEF = StreamsRecovery.define(new ConfigDef()
            .define(APPLICATION_ID, Type.STRING, "filmwire-publish", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Kafka Streams application id of publish-service.")
            .define(STATE_DIR, Type.STRING, "", Importance.MEDIUM,
                    "State store directory of publish-service (default: <data.dir>/streams)."), RECOVERY_PREFIX, "publish-service");

    /** Parsed from settings; {@code defaultStateDir} when none is set. */
    public static PublishConfig from(Settings settings, Path defaultStateDir) {
        AbstractConfig c = new AbstractConfig(DEF, settings.asMap(), false);
        String dir = c.getString(STATE_DIR);
        return new PublishConfig(KafkaSettings.from(settings), c.getString(APPLICATION_ID),
                dir.isBlank() ? defaultStateDir : Path.of(dir), StreamsRecovery.from(c, RECOVERY_PREFIX));
    }
}
