package io.filmwire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.cli.FilmwireCli;
import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.standalone.Await;
import io.filmwire.standalone.Standalone;
import io.filmwire.standalone.StandaloneConfig;
import io.filmwire.standalone.TestPages;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * films.records into a real PostgreSQL (the Debian package's server, started in a temporary folder)
 * through Kafka Connect and Debezium's JDBC sink, with the whole pipeline on the embedded broker in
 * front: pages ingested become rows; a later page that changes a field changes the row; two films
 * merged leave one row; an editor's override shows in the row. Counts are printed.
 */
class PostgresSinkIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path pipelineDir;
    @TempDir
    Path postgresDir;

    private LocalPostgres postgres;
    private Standalone standalone;
    private PostgresSink sink;

    @AfterEach
    void stop() throws Exception {
        if (sink != null) {
            sink.close();
        }
        if (standalone != null) {
            standalone.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    /** Film id -> its row (column -> value; arrays as lists), every row of the table; empty before it exists. */
    private Map<String, Map<String, Object>> rows() {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM films ORDER BY id")) {
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    Object value = r.getObject(i);
                    row.put(r.getMetaData().getColumnName(i), value instanceof Array a ? Arrays.asList((Object[]) a.getArray())
                            : value == null ? null : value.toString());
                }
                rows.put(r.getString("id"), row);
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return rows; // no table yet: the sink creates it with its first row
            }
            throw new AssertionError(e);
        }
        return rows;
    }

    /** The rows once {@code done} holds for them. */
    private Map<String, Map<String, Object>> awaitRows(String what, Predicate<Map<String, Map<String, Object>>> done) {
        return Await.until(TIMEOUT, what, () -> {
            String failure = sink.failure();
            if (failure != null) {
                throw new AssertionError("the sink failed waiting for " + what + ": " + failure);
            }
            Map<String, Map<String, Object>> rows = rows();
            return done.test(rows) ? rows : null;
        });
    }

    private static String version(Map<String, Map<String, Object>> rows, String id) {
        return rows.containsKey(id) ? String.valueOf(rows.get(id).get("version")) : null;
    }

    @Test
    void filmsBecomeRowsThatFollowChangesMergesAndOverrides() throws Exception {
        postgres = LocalPostgres.start(postgresDir);
        standalone = Standalone.start(Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, pipelineDir.toString(),
                StandaloneConfig.BROKER_PORT, "0",
                StandaloneConfig.HTTP_PORT, "0")), true);
        sink = PostgresSink.start(SinkConfig.from(Settings.of(Map.of(
                KafkaSettings.BOOTSTRAP_SERVERS, standalone.bootstrapServers(),
                SinkConfig.JDBC_URL, postgres.jdbcUrl(),
                SinkConfig.JDBC_USER, LocalPostgres.USER,
                SinkConfig.JDBC_PASSWORD, LocalPostgres.PASSWORD))));

        // three films ingested -> three rows
        TestPages.post(standalone, "https://es.example/tiempos", TestPages.movie("Tiempos violentos", 1994, 154,
                TestPages.director("Quentin Tarantino"), "es"));
        TestPages.post(standalone, "https://en.example/pulp", TestPages.movie("Pulp Fiction", 1994, 154, "", "en"));
        TestPages.post(standalone, "https://one.example/lighthouse", TestPages.movie("Lighthouse Keepers", 2001, 100,
                TestPages.director("Ann Example") + ",\"actor\":[{\"@type\":\"Person\",\"name\":\"Bo Actor\"}]", "one"));
        String tiempos = "film-tiempos-violentos-1994";
        String pulp = "film-pulp-fiction-1994";
        String lighthouse = "film-lighthouse-keepers-2001";
        Map<String, Map<String, Object>> ingested = awaitRows("three rows", r -> r.keySet().containsAll(List.of(tiempos, pulp, lighthouse)));
        System.out.printf("PostgresSinkIT: %d rows after 3 films ingested%n", ingested.size());
        assertThat(ingested).hasSize(3);
        Map<String, Object> row = ingested.get(lighthouse);
        assertThat(row).containsEntry("title", "Lighthouse Keepers").containsEntry("year", "2001")
                .containsEntry("runtime_minutes", "100").containsEntry("version", "1").containsEntry("genres", List.of());
        assertThat(row.get("rating_value")).isNull();
        assertThat(row.get("credits").toString()).contains("\"name\": \"Ann Example\"").contains("\"role\": \"director\"");
        assertThat(sink.isRunning()).isTrue();

        // a later page about one of them adds a genre and a rating -> its row changes
        TestPages.post(standalone, "https://two.example/lighthouse", TestPages.movie("Lighthouse Keepers", 2001, 100,
                ",\"genre\":[\"Drama\"],"
                + "\"aggregateRating\":{\"@type\":\"AggregateRating\",\"ratingValue\":7.5,\"bestRating\":10,\"ratingCount\":39}", "two"));
        Map<String, Map<String, Object>> changed = awaitRows("the lighthouse row at version 2", r -> "2".equals(version(r, lighthouse)));
        System.out.printf("PostgresSinkIT: %d rows after a later page; '%s' now genres %s, rating %s%n", changed.size(),
                lighthouse, changed.get(lighthouse).get("genres"), changed.get(lighthouse).get("rating_value"));
        assertThat(changed).hasSize(3);
        assertThat(changed.get(lighthouse)).containsEntry("genres", List.of("Drama")).containsEntry("rating_value", "7.5")
                .containsEntry("rating_scale", "10.0").containsEntry("rating_count", "39");

        // a page naming both records one film -> they merge: one row left, the other deleted
        TestPages.post(standalone, "https://wiki.example/pulp", TestPages.movie("Pulp Fiction", 1994, 154,
                TestPages.alias("Tiempos violentos") + TestPages.director("Quentin Tarantino"), "wiki"));
        Map<String, Map<String, Object>> merged = awaitRows("one row of the merged film",
                r -> r.containsKey(tiempos) != r.containsKey(pulp) && r.size() == 2);
        String survivor = merged.containsKey(tiempos) ? tiempos : pulp;
        String absorbed = survivor.equals(tiempos) ? pulp : tiempos;
        System.out.printf("PostgresSinkIT: %d rows after the merge ('%s' absorbed into '%s')%n", merged.size(), absorbed, survivor);
        assertThat(merged).containsOnlyKeys(survivor, lighthouse);
        assertThat(merged.get(survivor).get("merged_from")).isEqualTo(List.of(absorbed));
        assertThat(merged.get(survivor).get("title") + " " + merged.get(survivor).get("aliases"))
                .contains("Pulp Fiction").contains("Tiempos violentos");

        // an editor's override -> the row shows it
        assertThat(FilmwireCli.commandLine().execute("override", lighthouse, "runtimeMinutes", "95", "--reason",
                "theatrical cut", "--editor", "ann", "--bootstrap-servers", standalone.bootstrapServers())).isZero();
        Map<String, Map<String, Object>> overridden = awaitRows("the override in the lighthouse row",
                r -> "95".equals(String.valueOf(r.getOrDefault(lighthouse, Map.of()).get("runtime_minutes"))));
        System.out.printf("PostgresSinkIT: %d rows after an override; '%s' runtime %s at version %s%n", overridden.size(),
                lighthouse, overridden.get(lighthouse).get("runtime_minutes"), overridden.get(lighthouse).get("version"));
        assertThat(overridden).hasSize(2);
        assertThat(overridden.get(lighthouse)).containsEntry("version", "3").containsEntry("genres", List.of("Drama"));

        // credits are one jsonb value per film: SQL reads them as rows all the same
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT f.id, c.role, c.name FROM films f, jsonb_to_recordset(f.credits)"
                     + " AS c(role text, name text) ORDER BY f.id, c.role, c.name")) {
            List<String> credits = new java.util.ArrayList<>();
            while (r.next()) {
                credits.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
            }
            System.out.printf("PostgresSinkIT: %d credit rows through jsonb_to_recordset%n", credits.size());
            assertThat(credits).containsExactly(lighthouse + " cast Bo Actor", lighthouse + " director Ann Example",
                    survivor + " director Quentin Tarantino");
        }
        // the table Debezium made from the row schema: id the primary key, credits jsonb, names as arrays
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT column_name, data_type, is_nullable FROM information_schema.columns"
                     + " WHERE table_name = 'films' ORDER BY ordinal_position")) {
            while (r.next()) {
                columns.put(r.getString(1), r.getString(2) + ("NO".equals(r.getString(3)) ? " not null" : ""));
            }
        }
        System.out.printf("PostgresSinkIT: table films %s%n", columns);
        assertThat(columns).containsEntry("id", "text not null").containsEntry("credits", "jsonb not null")
                .containsEntry("languages", "ARRAY not null").containsEntry("updated_at", "timestamp with time zone");
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                     + " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = 'films'::regclass AND i.indisprimary")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("id");
            assertThat(r.next()).isFalse();
        }
        assertThat(sink.failure()).isNull();
    }
}
