package io.filmwire.sink;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.schema.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code filmwire sink postgres}: the command line of the sink, run from {@code filmwire-sink.jar} in a
 * JVM of its own ({@code ./filmwire sink ...} starts it). Logs go to stderr; exit 0 when stopped,
 * 1 when the connector failed, 2 for bad usage.
 */
@Command(name = "filmwire sink", mixinStandardHelpOptions = true, version = "Filmwire sink 0.1.0",
        description = "Film records into other systems through Kafka Connect.",
        subcommands = {SinkCli.Postgres.class, CommandLine.HelpCommand.class})
public final class SinkCli implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkCli.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a sink: postgres");
    }

    /** {@code sink postgres}: films.records into a PostgreSQL table until stopped. */
    @Command(name = "postgres", mixinStandardHelpOptions = true,
            description = {"Keeps a PostgreSQL table of films in step with films.records (Kafka Connect in this JVM with"
                    + " Debezium's JDBC sink): one row per film, upserted by id, deleted on a tombstone.",
                    "Runs until Ctrl-C; exits 1 when the connector fails."})
    static final class Postgres implements Callable<Integer> {

        @Option(names = "--jdbc-url", paramLabel = "URL", description = "jdbc:postgresql://HOST:PORT/DATABASE (sink.jdbc.url).")
        String jdbcUrl;

        @Option(names = "--user", paramLabel = "NAME", description = "Database user (sink.jdbc.user).")
        String user;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "File holding the password (else sink.jdbc.password, e.g. $FILMWIRE_SINK_JDBC_PASSWORD).")
        Path passwordFile;

        @Option(names = "--table", paramLabel = "NAME", description = "Table name (sink.table; default films).")
        String table;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                description = "Kafka (bootstrap.servers; default: localhost:9092, the standalone's broker).")
        String bootstrapServers;

        @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (default: $FILMWIRE_CONFIG).")
        Path configFile;

        @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "One setting (repeatable).")
        Map<String, String> overrides = new LinkedHashMap<>();

        @Override
        public Integer call() throws Exception {
            SinkConfig config = SinkConfig.from(settings());
            PostgresSink sink = PostgresSink.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sink.close();
                stopped.countDown();
            }, "sink-shutdown"));
            System.err.println("sink postgres: " + Topics.FILMS_RECORDS.name() + " -> table '" + config.table() + "' at "
                    + PostgresSink.redacted(config.jdbcUrl()) + ". Ctrl-C stops.");
            String lastState = null;
            while (!stopped.await(2, TimeUnit.SECONDS)) {
                String failure = sink.failure();
                if (failure != null) {
                    LOG.error("Sink '{}' failed; stopping: {}", config.name(), failure);
                    return 1;
                }
                String state = sink.isRunning() ? "RUNNING" : "starting";
                if (!state.equals(lastState)) {
                    LOG.info("Sink '{}' is {}", config.name(), state);
                    lastState = state;
                }
            }
            return 0;
        }

        Settings settings() throws IOException {
            Map<String, String> fixed = new LinkedHashMap<>(overrides);
            if (bootstrapServers != null) {
                fixed.put(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers);
            }
            if (jdbcUrl != null) {
                fixed.put(SinkConfig.JDBC_URL, jdbcUrl);
            }
            if (user != null) {
                fixed.put(SinkConfig.JDBC_USER, user);
            }
            if (table != null) {
                fixed.put(SinkConfig.TABLE, table);
            }
            if (passwordFile != null) {
                fixed.put(SinkConfig.JDBC_PASSWORD, Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
            }
            return Settings.load(configFile, System.getenv(), fixed);
        }
    }

    /** The command line, configured: errors as one line, exit 2 for bad usage, 1 for failures. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SinkCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable shown = e;
            while (shown.getMessage() == null && shown.getCause() != null) {
                shown = shown.getCause();
            }
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": "
                    + (shown.getMessage() == null ? shown.toString() : shown.getMessage()));
            if (System.getenv("FILMWIRE_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.statusListenerClass") == null) {
            System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        }
        System.exit(commandLine().execute(args));
    }
}
