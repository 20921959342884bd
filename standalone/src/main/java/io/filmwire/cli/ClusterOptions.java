package io.filmwire.cli;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that talk to a running cluster: the configuration, and where Kafka is. */
final class ClusterOptions {

    @Mixin
    ConfigOptions config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka (bootstrap.servers; default: localhost:9092, the standalone's broker).")
    String bootstrapServers;

    /** The settings, with {@code --bootstrap-servers} and then {@code fromCommand} beating the rest. */
    Settings settings(Map<String, String> fromCommand) {
        Map<String, String> fixed = new LinkedHashMap<>();
        if (bootstrapServers != null) {
            fixed.put(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        fixed.putAll(fromCommand);
        return config.settings(fixed);
    }

    /** The settings without command-specific additions. */
    Settings settings() {
        return settings(Map.of());
    }
}
