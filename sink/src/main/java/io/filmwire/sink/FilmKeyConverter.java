package io.filmwire.sink;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Kafka Connect key converter for films.records: the film id (a UTF-8 string key) as a one-field
 * {@link Struct} {@code {id}}, the table's primary key. Debezium's JDBC sink 3.3 reads the key of a
 * {@code primary.key.mode=record_key} record as a struct, also when it is a plain string. Reading only.
 * Thread-safe.
 */
public final class FilmKeyConverter implements Converter {

    /** The key: the primary key of the films table. */
    public static final Schema KEY = SchemaBuilder.struct().name("io.filmwire.sink.FilmKey").version(1)
            .field("id", Schema.STRING_SCHEMA)
            .build();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (!isKey) {
            throw new IllegalArgumentException(FilmKeyConverter.class.getName() + " converts the keys of films.records;"
                    + " use " + FilmRowConverter.class.getName() + " for the values");
        }
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        throw new DataException(FilmKeyConverter.class.getSimpleName() + " only reads film ids; it writes none");
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            throw new DataException("a record on '" + topic + "' has no key: every film record is keyed by its film id");
        }
        return new SchemaAndValue(KEY, new Struct(KEY).put("id", new String(value, StandardCharsets.UTF_8)));
    }
}
