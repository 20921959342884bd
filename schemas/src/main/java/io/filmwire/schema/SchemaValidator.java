package io.filmwire.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Validates messages against their JSON Schema (draft 2020-12). Schemas are loaded once from the
 * classpath; instances are thread-safe.
 */
public final class SchemaValidator {

    private static final SchemaValidator INSTANCE = new SchemaValidator();

    private final Map<MessageSchema, Schema> schemas = new EnumMap<>(MessageSchema.class);

    private SchemaValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (MessageSchema message : MessageSchema.values()) {
            try (InputStream in = SchemaValidator.class.getResourceAsStream(message.resource())) {
                if (in == null) {
                    throw new IllegalStateException("schema resource missing from the classpath: " + message.resource());
                }
                schemas.put(message, registry.getSchema(Json.mapper().readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + message.resource(), e);
            }
        }
    }

    /** The shared validator. */
    public static SchemaValidator get() {
        return INSTANCE;
    }

    /** The violations of {@code message} (a Java message object or a JSON tree); empty when valid. */
    public List<String> violations(MessageSchema schema, Object message) {
        JsonNode node = message instanceof JsonNode json ? json : Json.tree(message);
        return schemas.get(schema).validate(node).stream()
                .map(SchemaValidator::describe)
                .toList();
    }

    /** Throws {@link SchemaViolationException} listing every violation unless {@code message} is valid. */
    public void requireValid(MessageSchema schema, Object message) {
        List<String> violations = violations(schema, message);
        if (!violations.isEmpty()) {
            throw new SchemaViolationException(schema, violations);
        }
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }
}
