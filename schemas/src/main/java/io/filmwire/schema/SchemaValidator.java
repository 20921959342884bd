package io.filmwire.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates messages against their JSON Schema (draft 2020-12), in one of two views:
 * <ul>
 *   <li>{@link #get()}, the consumer's: the schemas as shipped, with an open content model, so a
 *       message with a property added by a later minor version is valid;</li>
 *   <li>{@link #strict()}, the producer's: the same schemas closed ({@code additionalProperties: false}
 *       on every object that lists its properties), so Filmwire never publishes a property its
 *       schema does not declare.</li>
 * </ul>
 * Schemas are loaded once from the classpath; instances are thread-safe.
 */
public final class SchemaValidator {

    /** Keywords whose value maps names to schemas. */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas");
    /** Keywords whose value is a list of schemas. */
    private static final Set<String> SCHEMA_LISTS = Set.of("oneOf", "anyOf", "allOf", "prefixItems");
    /** Keywords whose value is one schema ({@code enum}, {@code const}, {@code examples} hold data, not schemas). */
    private static final Set<String> SUBSCHEMAS = Set.of("items", "additionalProperties", "not", "if", "then", "else",
            "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties");

    // after the keyword sets: building them uses those
    private static final SchemaValidator OPEN = new SchemaValidator(false);
    private static final SchemaValidator STRICT = new SchemaValidator(true);

    private final Map<MessageSchema, Schema> schemas = new EnumMap<>(MessageSchema.class);

    private SchemaValidator(boolean closed) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (MessageSchema message : MessageSchema.values()) {
            JsonNode document = message.document();
            schemas.put(message, registry.getSchema(closed ? close(document) : document));
        }
    }

    /** The consumer's validator: unknown properties are allowed (open content model). */
    public static SchemaValidator get() {
        return OPEN;
    }

    /** The producer's validator: a property the schema does not declare is a violation. */
    public static SchemaValidator strict() {
        return STRICT;
    }

    /**
     * {@code schema} with {@code additionalProperties: false} on every object schema that lists
     * {@code properties} and says nothing about other properties; changed in place and returned.
     */
    static JsonNode close(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return schema;
        }
        if (object.has("properties") && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
            object.set("additionalProperties", BooleanNode.FALSE);
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (SCHEMA_MAPS.contains(field.getKey())) {
                value.elements().forEachRemaining(SchemaValidator::close);
            } else if (SCHEMA_LISTS.contains(field.getKey()) && value.isArray()) {
                value.elements().forEachRemaining(SchemaValidator::close);
            } else if (SUBSCHEMAS.contains(field.getKey())) {
                close(value);
            }
        }
        return schema;
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
