package io.filmwire.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration as layered key/value settings. Later layers win: built-in defaults (each service's
 * {@code ConfigDef}), then a properties file, then {@code FILMWIRE_*} environment variables
 * ({@code FILMWIRE_HTTP_PORT} is {@code http.port}), then command-line options. Keys starting with
 * {@code kafka.} are passed, without that prefix, to every Kafka client (for security settings, say).
 * Immutable.
 */
public final class Settings {

    /** The environment variable naming a properties file to load. */
    public static final String CONFIG_FILE_ENV = "FILMWIRE_CONFIG";
    private static final String ENV_PREFIX = "FILMWIRE_";
    /** Prefix of pass-through Kafka client properties. */
    public static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Settings of exactly these values. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    /**
     * File, then environment, then {@code overrides}.
     *
     * @param file a properties file, or null to use {@code FILMWIRE_CONFIG} when set
     */
    public static Settings load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>();
        Path configFile = file != null ? file
                : env.containsKey(CONFIG_FILE_ENV) ? Path.of(env.get(CONFIG_FILE_ENV)) : null;
        if (configFile != null) {
            merged.putAll(readProperties(configFile));
        }
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && !name.equals(CONFIG_FILE_ENV)) {
                merged.put(envToKey(name), value);
            }
        });
        merged.putAll(overrides);
        return new Settings(merged);
    }

    /** {@code FILMWIRE_HTTP_PORT} -> {@code http.port}. */
    public static String envToKey(String envName) {
        return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** {@code http.port} -> {@code FILMWIRE_HTTP_PORT}. */
    public static String keyToEnv(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file '" + file + "' does not exist or is not a file;"
                    + " give an existing properties file with --config or " + CONFIG_FILE_ENV);
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read configuration file '" + file + "': " + e.getMessage());
        }
        Map<String, String> out = new TreeMap<>();
        props.forEach((k, v) -> out.put(k.toString().strip(), v.toString().strip()));
        return out;
    }

    /** All values, as given (no defaults). */
    public Map<String, String> asMap() {
        return values;
    }

    /** This plus {@code more} (which wins). */
    public Settings with(Map<String, String> more) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(more);
        return new Settings(merged);
    }

    /** This plus one value. */
    public Settings with(String key, String value) {
        return with(Map.of(key, value));
    }

    /** The value of {@code key}, or {@code fallback}. */
    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** The {@code kafka.*} pass-through properties, prefix removed. */
    public Map<String, Object> kafkaClientOverrides() {
        Map<String, Object> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX)) {
                out.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        return out;
    }
}
