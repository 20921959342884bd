package io.filmwire.schema;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde of one message type, through the shared {@link Json} mapper. A null value is a null
 * message (a tombstone) both ways. Malformed input fails with {@link SerializationException} naming
 * the type and the topic. Thread-safe.
 *
 * <p>Where the Kafka client passes the record's headers (producers and Kafka Streams do), writing sets
 * the {@link RecordHeaders#SCHEMA} header to the type's {@link MessageSchema#id()} (a type without a
 * schema removes it, so an internal topic never carries the header of the record it came from);
 * reading refuses a record whose header names another schema or another major version, rather than
 * misread it. A record without the header is read as this version.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final SchemaId schema;
    private final byte[] schemaHeader;

    public JsonSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.writer = Json.mapper().writerFor(type);
        this.reader = Json.mapper().readerFor(type);
        MessageSchema message = MessageSchema.forType(type);
        this.schema = message == null ? null : message.id();
        this.schemaHeader = schema == null ? null : schema.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The schema and version this serde writes, or null for a type without a schema. */
    public SchemaId schema() {
        return schema;
    }

    /** The message type this serde reads and writes. */
    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for topic '" + topic + "'", e);
        }
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        byte[] bytes = serialize(topic, data);
        if (headers != null) {
            headers.remove(RecordHeaders.SCHEMA);
            if (schemaHeader != null) {
                headers.add(RecordHeaders.SCHEMA, schemaHeader);
            }
        }
        return bytes;
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        String written = RecordHeaders.text(headers, RecordHeaders.SCHEMA);
        if (written != null && schema != null) {
            SchemaId writtenId;
            try {
                writtenId = SchemaId.parse(written);
            } catch (IllegalArgumentException e) {
                throw new SerializationException("record on topic '" + topic + "' has a malformed "
                        + RecordHeaders.SCHEMA + " header: " + e.getMessage());
            }
            if (!schema.canRead(writtenId)) {
                throw new SerializationException("record on topic '" + topic + "' is " + writtenId + "; this reader knows "
                        + schema.name() + "/" + schema.major() + ".x: use the schemas artifact of major version "
                        + writtenId.major());
            }
        }
        return deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return reader.readValue(data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a valid " + type.getSimpleName() + " JSON message on topic '"
                    + topic + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the type is fixed at construction
    }

    @Override
    public void close() {
        // nothing to release
    }
}
