package io.filmwire.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schemas against their released versions ({@code schemas/released/NAME/MAJOR.MINOR.schema.json},
 * immutable once there), and the compatibility rules shown on deliberate changes of the film record.
 */
class SchemaCompatibilityTest {

    private static final Path RELEASED = Path.of("released");

    /** Released versions of {@code schema}, oldest first. */
    private static TreeMap<SchemaId, JsonNode> released(MessageSchema schema) throws IOException {
        TreeMap<SchemaId, JsonNode> out = new TreeMap<>();
        Path dir = RELEASED.resolve(schema.schemaName());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String version = file.getFileName().toString().replace(".schema.json", "");
                out.put(SchemaId.parse(schema.schemaName() + "/" + version), Json.mapper().readTree(file.toFile()));
            }
        }
        return out;
    }

    /** Problems of shipping {@code current} as {@code currentId} after the releases of {@code schema}. */
    private static List<String> problems(MessageSchema schema, SchemaId currentId, JsonNode current) throws IOException {
        TreeMap<SchemaId, JsonNode> releases = released(schema);
        List<String> problems = new ArrayList<>();
        JsonNode same = releases.get(currentId);
        if (same != null && !same.equals(current)) {
            problems.add(currentId + " is released and differs from " + RELEASED.resolve(schema.schemaName())
                    + ": a released version never changes; raise the minor version");
        }
        Map.Entry<SchemaId, JsonNode> previous = releases.lowerEntry(currentId);
        if (previous != null) {
            problems.addAll(SchemaCompatibility.releaseProblems(previous.getKey(), previous.getValue(), currentId, current));
        }
        return problems;
    }

    private static JsonNode film() {
        return MessageSchema.FILM_RECORD.document();
    }

    private static SchemaId filmId() {
        return MessageSchema.FILM_RECORD.id();
    }

    private static SchemaId nextMinor() {
        return new SchemaId(filmId().name(), filmId().major(), filmId().minor() + 1);
    }

    private static ObjectNode properties(JsonNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ArrayNode required(JsonNode schema) {
        return (ArrayNode) schema.get("required");
    }

    private static void removeRequired(JsonNode schema, String field) {
        ArrayNode required = required(schema);
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i).asText().equals(field)) {
                required.remove(i);
                return;
            }
        }
    }

    @Test
    void everySchemaIsCompatibleWithItsPreviousReleaseAndEveryReleaseIsUnchanged() throws IOException {
        for (MessageSchema schema : MessageSchema.values()) {
            assertThat(released(schema)).as("released versions of %s", schema.schemaName()).isNotEmpty();
            assertThat(problems(schema, schema.id(), schema.document())).as(schema.schemaName()).isEmpty();
        }
    }

    @Test
    void theOpenedContentModelIsAnAdditiveChangeFromTheClosedFirstRelease() throws IOException {
        JsonNode first = released(MessageSchema.FILM_RECORD).firstEntry().getValue();
        List<SchemaCompatibility.Change> changes = SchemaCompatibility.compare(first, film());
        assertThat(changes).isNotEmpty().allSatisfy(c -> {
            assertThat(c.breaking()).as(c.toString()).isFalse();
            assertThat(c.what()).contains("opened");
        });
    }

    @Test
    void addingAnOptionalFieldPassesWithANewMinorVersionAndFailsWithout() throws IOException {
        JsonNode changed = film();
        properties(changed).putObject("posterUrl").put("type", "string");

        assertThat(SchemaCompatibility.compare(film(), changed)).singleElement()
                .satisfies(c -> assertThat(c.breaking()).isFalse());
        assertThat(problems(MessageSchema.FILM_RECORD, nextMinor(), changed)).isEmpty();
        assertThat(problems(MessageSchema.FILM_RECORD, filmId(), changed))
                .anySatisfy(p -> assertThat(p).contains("raise the minor version"));
    }

    @Test
    void addingAFieldToTheClosedFirstReleaseWouldHaveBrokenItsConsumers() throws IOException {
        JsonNode first = released(MessageSchema.FILM_RECORD).firstEntry().getValue();
        JsonNode changed = first.deepCopy();
        properties(changed).putObject("posterUrl").put("type", "string");

        assertThat(SchemaCompatibility.compare(first, changed)).singleElement().satisfies(c -> {
            assertThat(c.breaking()).isTrue();
            assertThat(c.what()).contains("closes");
        });
    }

    @Test
    void removingARequiredFieldFails() throws IOException {
        JsonNode changed = film();
        properties(changed).remove("year");
        removeRequired(changed, "year");

        assertThat(problems(MessageSchema.FILM_RECORD, nextMinor(), changed))
                .singleElement().satisfies(p -> assertThat(p).contains("/year").contains("required field removed"));
    }

    @Test
    void renamingAFieldFails() throws IOException {
        JsonNode changed = film();
        JsonNode runtime = properties(changed).remove("runtimeMinutes");
        properties(changed).set("runtime", runtime);
        removeRequired(changed, "runtimeMinutes");
        required(changed).add("runtime");

        assertThat(problems(MessageSchema.FILM_RECORD, nextMinor(), changed))
                .anySatisfy(p -> assertThat(p).contains("/runtimeMinutes").contains("renamed to 'runtime'"))
                .anySatisfy(p -> assertThat(p).contains("/runtime:").contains("new required field"));
    }

    @Test
    void retypingAFieldFails() throws IOException {
        JsonNode changed = film();
        ((ObjectNode) properties(changed).get("year")).put("type", "string");

        assertThat(problems(MessageSchema.FILM_RECORD, nextMinor(), changed))
                .singleElement().satisfies(p -> assertThat(p).contains("/year").contains("retyped"));
    }

    @Test
    void narrowingAnEnumFailsEvenBehindARef() throws IOException {
        JsonNode changed = film();
        ArrayNode roles = (ArrayNode) changed.at("/$defs/role/enum");
        roles.remove(roles.size() - 1);

        assertThat(problems(MessageSchema.FILM_RECORD, nextMinor(), changed))
                .singleElement().satisfies(p -> assertThat(p).contains("/credits[]/role").contains("enum narrowed")
                        .contains("\"self\""));
    }

    @Test
    void makingARequiredFieldOptionalFailsWithoutANewMajorVersion() throws IOException {
        JsonNode changed = film();
        removeRequired(changed, "title");

        assertThat(problems(MessageSchema.FILM_RECORD, nextMinor(), changed))
                .singleElement().satisfies(p -> assertThat(p).contains("/title").contains("made optional"));
        SchemaId nextMajor = new SchemaId(filmId().name(), filmId().major() + 1, 0);
        assertThat(problems(MessageSchema.FILM_RECORD, nextMajor, changed)).isEmpty();
    }

    @Test
    void tighteningAConstraintOrClosingAnObjectFails() throws IOException {
        JsonNode changed = film();
        ((ObjectNode) properties(changed).get("year")).put("minimum", 1900);
        ((ObjectNode) changed.at("/properties/credits/items")).put("additionalProperties", false);

        assertThat(problems(MessageSchema.FILM_RECORD, nextMinor(), changed))
                .anySatisfy(p -> assertThat(p).contains("/year").contains("'minimum' changed from 1870 to 1900"))
                .anySatisfy(p -> assertThat(p).contains("/credits[]").contains("closed"));
    }

    @Test
    void aDescriptionChangeNeedsNoNewVersion() {
        JsonNode changed = film();
        ((ObjectNode) properties(changed).get("title")).put("description", "The title, as the pages give it.");

        assertThat(SchemaCompatibility.compare(film(), changed)).isEmpty();
    }
}
