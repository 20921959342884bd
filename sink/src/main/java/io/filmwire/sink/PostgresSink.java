package io.filmwire.sink;

import io.filmwire.schema.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.NoneConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * films.records kept in a PostgreSQL table by a Kafka Connect worker in this JVM (standalone mode)
 * running Debezium's JDBC sink connector: an upsert per film id, a delete per tombstone (a film merged
 * away or left without pages), so the table holds one row per live film. Values are read by
 * {@link FilmRowConverter}, keys by {@link FilmKeyConverter}; consumers read committed transactions only.
 *
 * <p>The worker has no REST server: nothing else can add connectors to it (Connect's REST API has no
 * authentication of its own). Its position is the consumer group {@code connect-<sink.name>} in
 * Kafka, so a restart goes on where it stopped; rows are written at least once, and an upsert of the
 * same version again changes nothing. Topics in: films.records. Thread-safe.
 */
public final class PostgresSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSink.class);
    static final String CONNECTOR_CLASS = "io.debezium.connector.jdbc.JdbcSinkConnector";

    private final SinkConfig config;
    private final StandaloneHerder herder;
    private final Path offsetsFile;

    private PostgresSink(SinkConfig config, StandaloneHerder herder, Path offsetsFile) {
        this.config = config;
        this.herder = herder;
        this.offsetsFile = offsetsFile;
    }

    /**
     * Starts the worker and the connector; returns once the connector is configured (its task may still
     * be connecting to the database: see {@link #status()}).
     */
    public static PostgresSink start(SinkConfig config) {
        Path offsets;
        try {
            // required by a standalone worker, never written by a sink (sinks keep their offsets in Kafka)
            offsets = Files.createTempFile("filmwire-sink-", ".offsets");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the worker's offsets file", e);
        }
        Map<String, String> workerProps = workerProperties(config, offsets);
        Plugins plugins = new Plugins(workerProps);
        ClassLoader saved = plugins.compareAndSwapWithDelegatingLoader();
        StandaloneHerder herder = null;
        try {
            StandaloneConfig workerConfig = new StandaloneConfig(workerProps);
            // the connector's clients take the worker's settings; it may override none of them
            ConnectorClientConfigOverridePolicy policy = new NoneConnectorClientConfigOverridePolicy();
            JsonConverter offsetConverter = new JsonConverter();
            offsetConverter.configure(Map.of("schemas.enable", "false"), true);
            FileOffsetBackingStore offsetStore = new FileOffsetBackingStore(offsetConverter);
            offsetStore.configure(workerConfig);
            Worker worker = new Worker("filmwire-sink", Time.SYSTEM, plugins, workerConfig, offsetStore, policy);
            herder = new StandaloneHerder(worker, workerConfig.kafkaClusterId(), policy);
            herder.start();
            FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
            herder.putConnectorConfig(config.name(), connectorProperties(config), true, created);
            created.get(60, TimeUnit.SECONDS);
            LOG.info("Sink '{}' started: {} -> table '{}' at {}", config.name(), Topics.FILMS_RECORDS.name(), config.table(),
                    redacted(config.jdbcUrl()));
            return new PostgresSink(config, herder, offsets);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (herder != null) {
                herder.stop();
            }
            deleteQuietly(offsets);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("the sink did not start: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting the sink", e);
        } finally {
            Plugins.compareAndSwapLoaders(saved);
        }
    }

    /** The worker's settings: where Kafka is, how records are read, nothing for a REST server. */
    static Map<String, String> workerProperties(SinkConfig config, Path offsetsFile) {
        Map<String, String> props = new LinkedHashMap<>();
        config.kafka().clientOverrides().forEach((key, value) -> {
            props.put(key, String.valueOf(value));
            props.put("consumer." + key, String.valueOf(value));
            props.put("admin." + key, String.valueOf(value));
        });
        props.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        props.put(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, FilmKeyConverter.class.getName());
        props.put(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, FilmRowConverter.class.getName());
        props.put(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, offsetsFile.toString());
        // plugins from META-INF/services only: scanning every class of the classpath takes seconds
        props.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        // Filmwire writes its topics in transactions: an aborted write must never reach the table
        props.put("consumer.isolation.level", "read_committed");
        props.put("consumer.auto.offset.reset", "earliest");
        props.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "5000");
        return props;
    }

    /** Debezium's JDBC sink: upsert by film id, tombstones delete, the table made and widened as needed. */
    static Map<String, String> connectorProperties(SinkConfig config) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("name", config.name());
        props.put("connector.class", CONNECTOR_CLASS);
        props.put("tasks.max", String.valueOf(config.tasks()));
        props.put("topics", Topics.FILMS_RECORDS.name());
        props.put("key.converter", FilmKeyConverter.class.getName());
        props.put("value.converter", FilmRowConverter.class.getName());
        props.put("connection.url", config.jdbcUrl());
        props.put("connection.username", config.user());
        props.put("connection.password", config.password().value());
        props.put("insert.mode", "upsert");
        props.put("delete.enabled", "true");
        props.put("primary.key.mode", "record_key");
        props.put("primary.key.fields", "id");
        props.put("schema.evolution", "basic");
        props.put("collection.name.format", config.table());
        props.put("batch.size", String.valueOf(config.batchSize()));
        props.put("use.time.zone", "UTC");
        return props;
    }

    /** The connector's and its tasks' states, as Connect reports them. */
    public ConnectorStateInfo status() {
        return herder.connectorStatus(config.name());
    }

    /** True when the connector and all its tasks are RUNNING. */
    public boolean isRunning() {
        ConnectorStateInfo status = status();
        return "RUNNING".equals(status.connector().state()) && !status.tasks().isEmpty()
                && status.tasks().stream().allMatch(t -> "RUNNING".equals(t.state()));
    }

    /** The trace of the connector or a task that FAILED, or null while none did. */
    public String failure() {
        ConnectorStateInfo status = status();
        if ("FAILED".equals(status.connector().state())) {
            return status.connector().trace();
        }
        List<ConnectorStateInfo.TaskState> tasks = status.tasks();
        return tasks.stream().filter(t -> "FAILED".equals(t.state())).map(ConnectorStateInfo.TaskState::trace)
                .findFirst().orElse(null);
    }

    /** The configuration it runs with. */
    public SinkConfig config() {
        return config;
    }

    /** Stops the connector and the worker (committing the offsets of what was written). */
    @Override
    public void close() {
        herder.stop();
        deleteQuietly(offsetsFile);
        LOG.info("Sink '{}' stopped", config.name());
    }

    /** The JDBC URL without its query, where a password may be. */
    static String redacted(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?...";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", file, e.toString());
        }
    }
}
