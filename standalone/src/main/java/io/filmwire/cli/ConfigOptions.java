package io.filmwire.cli;

import io.filmwire.common.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes to configure it: a properties file and single settings. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (default: $FILMWIRE_CONFIG). See the README's configuration table.")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "One setting, beating the file and FILMWIRE_* environment variables (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** Settings from the file, the environment and the options, plus {@code fromCommand} (which win). */
    Settings settings(Map<String, String> fromCommand) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(fromCommand);
        return Settings.load(configFile, System.getenv(), all);
    }
}
