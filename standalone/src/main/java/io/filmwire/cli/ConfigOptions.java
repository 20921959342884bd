package io.filmwire.cli;

import io.filmwire.common.Settings;
import io.filmwire.standalone.ConfigTable;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every command takes to configure it: a properties file and single settings. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (default: $FILMWIRE_CONFIG). See the README's configuration table.")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "One setting, beating the file and FILMWIRE_* environment variables (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** Settings from the file, the environment and the options, plus {@code fromCommand} (which win). */
    Settings settings(Map<String, String> fromCommand) {
        for (String key : overrides.keySet()) {
            String problem = unknownKey(key);
            if (problem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), problem);
            }
        }
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(fromCommand);
        return Settings.load(configFile, System.getenv(), all);
    }

    /** Why {@code key} is no setting (with the nearest one), or null when it is one. */
    static String unknownKey(String key) {
        if (key.startsWith(Settings.KAFKA_PREFIX) && key.length() > Settings.KAFKA_PREFIX.length()) {
            return null;
        }
        List<String> keys = ConfigTable.keys();
        if (keys.contains(key)) {
            return null;
        }
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String k : keys) {
            int d = distance(key, k);
            if (d < best) {
                best = d;
                nearest = k;
            }
        }
        String hint = nearest != null && best <= Math.max(3, key.length() / 4) ? "; did you mean " + nearest + "?" : "";
        return "--set " + key + ": no such setting" + hint + " (`filmwire config` lists them all; kafka.* keys go to"
                + " the Kafka clients)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
