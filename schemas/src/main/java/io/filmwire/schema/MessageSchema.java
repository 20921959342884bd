package io.filmwire.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The JSON Schema files in {@code schemas/} (classpath {@code /schemas/}), one per message type, each
 * with its version ({@link #id()}, read from the file's {@code $id}).
 */
public enum MessageSchema {
    RAW_PAGE("raw-page", RawPage.class),
    CLEAN_PAGE("clean-page", CleanPage.class),
    FILM_RECORD("film-record", FilmRecord.class),
    CHANGE_EVENT("change-event", ChangeEvent.class),
    DLQ_ENTRY("dlq-entry", DlqEntry.class),
    FILM_OVERRIDES("film-overrides", FilmOverrides.class),
    FETCH_REQUEST("fetch-request", FetchRequest.class);

    private final String schemaName;
    private final Class<?> type;

    MessageSchema(String schemaName, Class<?> type) {
        this.schemaName = schemaName;
        this.type = type;
    }

    /** The schema's name: the stem of its file, the first part of its {@link #id()}. */
    public String schemaName() {
        return schemaName;
    }

    /** Classpath resource of the schema file. */
    public String resource() {
        return "/schemas/" + schemaName + ".schema.json";
    }

    /** The Java type of the message. */
    public Class<?> type() {
        return type;
    }

    /** This schema's name and version, as the {@code filmwire.schema} header of its messages says. */
    public SchemaId id() {
        return Documents.IDS.get(this);
    }

    /** The schema document as shipped (a copy: change it freely). */
    public JsonNode document() {
        return Documents.TREES.get(this).deepCopy();
    }

    /** The schema of messages of {@code type}, or null for a type without one (internal topics). */
    public static MessageSchema forType(Class<?> type) {
        for (MessageSchema schema : values()) {
            if (schema.type.equals(type)) {
                return schema;
            }
        }
        return null;
    }

    /** The schema files, read once when first needed. */
    private static final class Documents {

        static final Map<MessageSchema, JsonNode> TREES = new EnumMap<>(MessageSchema.class);
        static final Map<MessageSchema, SchemaId> IDS = new EnumMap<>(MessageSchema.class);

        static {
            for (MessageSchema schema : values()) {
                try (InputStream in = MessageSchema.class.getResourceAsStream(schema.resource())) {
                    if (in == null) {
                        throw new IllegalStateException("schema resource missing from the classpath: " + schema.resource());
                    }
                    JsonNode tree = Json.mapper().readTree(in);
                    SchemaId id = SchemaId.fromUri(tree.path("$id").asText(null));
                    if (!id.name().equals(schema.schemaName)) {
                        throw new IllegalStateException(schema.resource() + " has the $id of '" + id.name() + "'");
                    }
                    TREES.put(schema, tree);
                    IDS.put(schema, id);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read schema " + schema.resource(), e);
                }
            }
        }

        private Documents() {
        }
    }
}
