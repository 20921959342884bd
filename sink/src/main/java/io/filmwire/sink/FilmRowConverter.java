package io.filmwire.sink;

import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.JsonSerde;
import io.filmwire.schema.Topics;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Kafka Connect value converter for films.records: reads a film record (JSON, checked against its
 * {@code filmwire.schema} header by {@link JsonSerde}) into a flat Connect {@link Struct}, one column
 * per scalar field, that a JDBC sink can write as a row. Lists of names become arrays; credits and
 * sources, lists of objects, become one JSON value each ({@code jsonb} in PostgreSQL), so a film's row
 * is written in one statement with its credits. Provenance and conflicts stay on the topic. A
 * tombstone (null value) stays null, for the sink to delete the row. Reading only: Filmwire's sink
 * writes nothing to Kafka. Thread-safe.
 */
public final class FilmRowConverter implements Converter {

    /** Name of the row schema (a Connect schema name, not a Filmwire one). */
    public static final String ROW_SCHEMA_NAME = "io.filmwire.sink.FilmRow";

    private static final Schema NAMES = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
    /** Debezium's logical type for JSON text; the parameter asks its PostgreSQL dialect for {@code jsonb}. */
    private static final Schema JSONB = SchemaBuilder.string().name("io.debezium.data.Json")
            .parameter("__debezium.source.column.type", "JSONB").build();
    /** Debezium's logical type for an ISO-8601 instant: {@code timestamptz} in PostgreSQL. */
    private static final Schema INSTANT = SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").optional().build();

    /** The row: the columns of the films table. */
    public static final Schema ROW = SchemaBuilder.struct().name(ROW_SCHEMA_NAME).version(1)
            .field("id", Schema.STRING_SCHEMA)
            .field("title", Schema.STRING_SCHEMA)
            .field("aliases", NAMES)
            .field("year", Schema.OPTIONAL_INT32_SCHEMA)
            .field("runtime_minutes", Schema.OPTIONAL_INT32_SCHEMA)
            .field("rating_value", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("rating_scale", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("rating_count", Schema.OPTIONAL_INT64_SCHEMA)
            .field("rating_source", Schema.OPTIONAL_STRING_SCHEMA)
            .field("languages", NAMES)
            .field("genres", NAMES)
            .field("credits", JSONB)
            .field("sources", JSONB)
            .field("merged_from", NAMES)
            .field("version", Schema.INT64_SCHEMA)
            .field("updated_at", INSTANT)
            .build();

    private final JsonSerde<FilmRecord> serde = new JsonSerde<>(FilmRecord.class);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (isKey) {
            throw new IllegalArgumentException(FilmRowConverter.class.getName() + " converts film records, the values of "
                    + Topics.FILMS_RECORDS.name() + "; use " + FilmKeyConverter.class.getName() + " for the keys");
        }
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        throw new DataException(FilmRowConverter.class.getSimpleName() + " only reads film records; it writes none");
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return toConnectData(topic, null, value);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        FilmRecord film;
        try {
            film = serde.deserialize(topic, headers, value);
        } catch (SerializationException e) {
            throw new DataException(e.getMessage(), e);
        }
        return new SchemaAndValue(ROW, row(film));
    }

    /** The row of {@code film}. */
    static Struct row(FilmRecord film) {
        Struct row = new Struct(ROW)
                .put("id", film.id())
                .put("title", film.title())
                .put("aliases", List.copyOf(film.aliases()))
                .put("year", film.year())
                .put("runtime_minutes", film.runtimeMinutes())
                .put("languages", List.copyOf(film.languages()))
                .put("genres", List.copyOf(film.genres()))
                .put("credits", Json.write(film.credits()))
                .put("sources", Json.write(film.sources()))
                .put("merged_from", List.copyOf(film.mergedFrom()))
                .put("version", film.version())
                .put("updated_at", film.updatedAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(film.updatedAt()));
        FilmRecord.Rating rating = film.rating();
        if (rating != null) {
            row.put("rating_value", rating.value()).put("rating_scale", rating.scale())
                    .put("rating_count", rating.count()).put("rating_source", rating.source());
        }
        row.validate();
        return row;
    }
}
