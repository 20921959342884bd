package io.filmwire.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.common.Settings;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.RecordHeaders;
import io.filmwire.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class FilmRowConverterTest {

    private static final Instant T = Instant.parse("2026-11-21T10:15:30Z");

    private final FilmRowConverter values = new FilmRowConverter();
    private final FilmKeyConverter keys = new FilmKeyConverter();

    private static FilmRecord film(FilmRecord.Rating rating) {
        return new FilmRecord("film-little-pyongyang-2018", "Little Pyongyang", List.of("리틀 평양"), 2018, 24, rating,
                List.of("Korean"), List.of("Documentary"),
                List.of(new FilmRecord.Credit("director", "Roxy Rezvany"), new FilmRecord.Credit("cast", "A B", "herself")),
                List.of(new FilmRecord.SourceRef("https://example.org/lp", "https://example.org/lp", "example.org", T)),
                Map.of(), Map.of(), 3, List.of("film-little-pyongyang"), T);
    }

    private static byte[] bytes(FilmRecord film, Headers headers) {
        return Topics.FILMS_RECORDS.valueSerde().serializer().serialize(Topics.FILMS_RECORDS.name(), headers, film);
    }

    @Test
    void aFilmRecordBecomesOneFlatRowWithItsCreditsAsJson() throws Exception {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        SchemaAndValue row = values.toConnectData("films.records", headers,
                bytes(film(new FilmRecord.Rating(7.5, 10, 39L, "example.org")), headers));

        assertThat(row.schema()).isEqualTo(FilmRowConverter.ROW);
        Struct struct = (Struct) row.value();
        assertThat(struct.getString("id")).isEqualTo("film-little-pyongyang-2018");
        assertThat(struct.getInt32("year")).isEqualTo(2018);
        assertThat(struct.getInt32("runtime_minutes")).isEqualTo(24);
        assertThat(struct.getFloat64("rating_value")).isEqualTo(7.5);
        assertThat(struct.getInt64("rating_count")).isEqualTo(39L);
        assertThat(struct.getArray("languages")).containsExactly("Korean");
        assertThat(struct.getArray("merged_from")).containsExactly("film-little-pyongyang");
        assertThat(struct.getInt64("version")).isEqualTo(3L);
        assertThat(struct.getString("updated_at")).isEqualTo("2026-11-21T10:15:30Z");
        JsonNode credits = Json.mapper().readTree(struct.getString("credits"));
        assertThat(credits).hasSize(2);
        assertThat(credits.get(1).path("character").asText()).isEqualTo("herself");
        assertThat(Json.mapper().readTree(struct.getString("sources")).get(0).path("site").asText()).isEqualTo("example.org");
        assertThat(FilmRowConverter.ROW.field("credits").schema().parameters())
                .containsEntry("__debezium.source.column.type", "JSONB");
    }

    @Test
    void aFilmWithoutRatingHasNullRatingColumns() {
        Struct struct = (Struct) values.toConnectData("films.records", bytes(film(null), null)).value();
        assertThat(struct.get("rating_value")).isNull();
        assertThat(struct.get("rating_source")).isNull();
    }

    @Test
    void aTombstoneStaysNullForTheSinkToDelete() {
        assertThat(values.toConnectData("films.records", new org.apache.kafka.common.header.internals.RecordHeaders(), null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void aRecordOfAnotherMajorVersionOrNotAFilmFailsTheRecord() {
        Headers future = new org.apache.kafka.common.header.internals.RecordHeaders();
        future.add(RecordHeaders.SCHEMA, "film-record/99.0".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> values.toConnectData("films.records", future, bytes(film(null), null)))
                .isInstanceOf(DataException.class).hasMessageContaining("film-record/99.0");
        assertThatThrownBy(() -> values.toConnectData("films.records", "{oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DataException.class).hasMessageContaining("films.records");
    }

    @Test
    void keysAreTheFilmIdAsAStructAndEachConverterRefusesTheOtherSide() {
        keys.configure(Map.of(), true);
        Struct key = (Struct) keys.toConnectData("films.records", "film-x".getBytes(StandardCharsets.UTF_8)).value();
        assertThat(key.getString("id")).isEqualTo("film-x");
        assertThatThrownBy(() -> keys.toConnectData("films.records", null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> keys.configure(Map.of(), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> values.configure(Map.of(), true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> values.fromConnectData("films.records", FilmRowConverter.ROW, null))
                .isInstanceOf(DataException.class);
    }

    @Test
    void theConfigurationNamesTheKeyAndTheFix() {
        assertThatThrownBy(() -> SinkConfig.from(Settings.of(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sink.jdbc.url").hasMessageContaining("--jdbc-url");
        assertThatThrownBy(() -> SinkConfig.from(Settings.of(Map.of(SinkConfig.JDBC_URL, "jdbc:mysql://db/films"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("only PostgreSQL");
        assertThatThrownBy(() -> SinkConfig.from(Settings.of(Map.of(SinkConfig.JDBC_URL, "jdbc:postgresql://db/f",
                SinkConfig.TABLE, "films; drop table x")))).isInstanceOf(ConfigException.class).hasMessageContaining("sink.table");
        SinkConfig config = SinkConfig.from(Settings.of(Map.of(SinkConfig.JDBC_URL, "jdbc:postgresql://db/f?password=secret",
                SinkConfig.JDBC_PASSWORD, "secret")));
        assertThat(config.table()).isEqualTo("films");
        assertThat(config.toString()).doesNotContain("secret");
        Map<String, String> connector = PostgresSink.connectorProperties(config);
        assertThat(connector).containsEntry("insert.mode", "upsert").containsEntry("delete.enabled", "true")
                .containsEntry("primary.key.mode", "record_key").containsEntry("collection.name.format", "films");
    }
}
