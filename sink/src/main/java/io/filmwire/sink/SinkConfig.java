package io.filmwire.sink;

import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of the PostgreSQL sink, validated at start-up.
 *
 * @param kafka     where films.records is
 * @param jdbcUrl   {@code jdbc:postgresql://host:port/database}
 * @param user      database user, or empty for the driver's default
 * @param password  the user's password, or empty
 * @param table     the films table (created when missing)
 * @param name      connector name; the consumer group is {@code connect-<name>}
 * @param tasks     Connect tasks (at most one per partition of films.records is busy)
 * @param batchSize rows written per statement batch
 */
public record SinkConfig(KafkaSettings kafka, String jdbcUrl, String user, Password password, String table, String name,
                         int tasks, int batchSize) {

    public static final String JDBC_URL = "sink.jdbc.url";
    public static final String JDBC_USER = "sink.jdbc.user";
    public static final String JDBC_PASSWORD = "sink.jdbc.password";
    public static final String TABLE = "sink.table";
    public static final String NAME = "sink.name";
    public static final String TASKS = "sink.tasks";
    public static final String BATCH_SIZE = "sink.batch.size";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public static final ConfigDef DEF = new ConfigDef()
            .define(JDBC_URL, Type.STRING, "", Importance.HIGH,
                    "PostgreSQL the sink writes films to: jdbc:postgresql://HOST:PORT/DATABASE (required; `sink postgres --jdbc-url`).")
            .define(JDBC_USER, Type.STRING, "", Importance.HIGH,
                    "Database user of the sink (`--user`); it needs CREATE on the schema the first time, then INSERT, UPDATE and DELETE on the table.")
            .define(JDBC_PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                    "Its password: best from the environment or `--password-file`, not the command line.")
            .define(TABLE, Type.STRING, "films", Importance.MEDIUM,
                    "Table of film rows (one per film id), created when missing; lower-case letters, digits and _.")
            .define(NAME, Type.STRING, "filmwire-postgres", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Connector name; its consumer group on films.records is connect-NAME.")
            .define(TASKS, Type.INT, 1, Range.between(1, 64), Importance.LOW,
                    "Connect tasks writing to the database (more than the partitions of films.records idle).")
            .define(BATCH_SIZE, Type.INT, 500, Range.between(1, 100_000), Importance.LOW,
                    "Rows the sink writes in one batch at most.");

    /** Parsed and validated from {@code settings}; a bad value fails naming the key, the value and the fix. */
    public static SinkConfig from(Settings settings) {
        AbstractConfig c = new AbstractConfig(DEF, settings.asMap(), false);
        String url = c.getString(JDBC_URL).strip();
        if (url.isEmpty()) {
            throw new ConfigException(JDBC_URL, url, "the sink needs a database: give --jdbc-url jdbc:postgresql://HOST:PORT/DATABASE");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(JDBC_URL, url, "only PostgreSQL is supported: the URL starts with jdbc:postgresql://");
        }
        String table = c.getString(TABLE);
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new ConfigException(TABLE, table, "use lower-case letters, digits and _ (starting with a letter or _), at most 63");
        }
        Password password = c.getPassword(JDBC_PASSWORD);
        return new SinkConfig(KafkaSettings.from(settings), url, c.getString(JDBC_USER),
                password == null ? new Password("") : password, table,
                c.getString(NAME), c.getInt(TASKS), c.getInt(BATCH_SIZE));
    }

    @Override
    public String toString() {
        return "SinkConfig[" + PostgresSink.redacted(jdbcUrl) + ", user '" + user + "', table '" + table + "', connector '" + name + "', tasks "
                + tasks + "]";
    }
}
