package io.filmwire.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

    private final SchemaValidator validator = SchemaValidator.get();

    @Test
    void aCompleteRecordIsValid() {
        assertThat(validator.violations(MessageSchema.FILM_RECORD, Samples.film())).isEmpty();
    }

    @Test
    void aRecordMissingARequiredFieldIsRejectedNamingTheField() {
        ObjectNode json = (ObjectNode) Json.tree(Samples.film());
        json.remove("title");
        List<String> violations = validator.violations(MessageSchema.FILM_RECORD, json);
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0)).contains("title");
        assertThatThrownBy(() -> validator.requireValid(MessageSchema.FILM_RECORD, json))
                .isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("title");
    }

    @Test
    void anUnknownRoleAndAnImpossibleYearAreRejected() {
        ObjectNode json = (ObjectNode) Json.tree(Samples.film());
        ((ObjectNode) json.withArray("credits").get(0)).put("role", "catering");
        json.put("year", 18);
        List<String> violations = validator.violations(MessageSchema.FILM_RECORD, json);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("credits"))
                .anySatisfy(v -> assertThat(v).contains("year"));
    }

    @Test
    void aRecordWithoutSourcesIsRejected() {
        ObjectNode json = (ObjectNode) Json.tree(Samples.film());
        json.putArray("sources");
        assertThat(validator.violations(MessageSchema.FILM_RECORD, json)).isNotEmpty();
    }

    @Test
    void everyOtherMessageTypeValidatesItsSample() {
        assertThat(validator.violations(MessageSchema.RAW_PAGE, Samples.page())).isEmpty();
        ObjectNode page = (ObjectNode) Json.tree(Samples.page());
        page.put("contentType", "application/pdf");
        assertThat(validator.violations(MessageSchema.RAW_PAGE, page)).isNotEmpty();
        DlqEntry dead = DlqEntry.of(DlqEntry.Stage.PUBLISH, DlqEntry.Reason.INVALID, "p", "p", new byte[] {1}, "bad", null,
                DlqEntry.Coordinates.NONE, Samples.T);
        assertThat(validator.violations(MessageSchema.DLQ_ENTRY, dead)).isEmpty();
    }

    @Test
    void consumersAcceptAnUnknownFieldAndTheProducerRefusesIt() {
        ObjectNode json = (ObjectNode) Json.tree(Samples.film());
        json.put("posterUrl", "https://x.org/p.jpg");
        ((ObjectNode) json.withArray("credits").get(0)).put("billing", 1);
        assertThat(validator.violations(MessageSchema.FILM_RECORD, json)).isEmpty();
        assertThat(SchemaValidator.strict().violations(MessageSchema.FILM_RECORD, json))
                .anySatisfy(v -> assertThat(v).contains("posterUrl"))
                .anySatisfy(v -> assertThat(v).contains("billing"));
        assertThat(SchemaValidator.strict().violations(MessageSchema.FILM_RECORD, Samples.film())).isEmpty();
    }

    @Test
    void closingLeavesMapsOfFieldsAndDataAlone() {
        JsonNode closed = SchemaValidator.close(MessageSchema.FILM_RECORD.document());
        assertThat(closed.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(closed.at("/properties/credits/items/additionalProperties").asBoolean(true)).isFalse();
        assertThat(closed.at("/$defs/evidence/additionalProperties").asBoolean(true)).isFalse();
        // provenance maps field names to evidence lists: its own additionalProperties schema stays
        assertThat(closed.at("/properties/provenance/additionalProperties").isObject()).isTrue();
        assertThat(closed.at("/properties/additionalProperties").isMissingNode()).isTrue();
    }

    @Test
    void everySchemaHasAVersionedIdNamedLikeItsFile() {
        for (MessageSchema schema : MessageSchema.values()) {
            assertThat(schema.id().name()).isEqualTo(schema.schemaName());
            assertThat(schema.document().path("$id").asText()).isEqualTo(schema.id().uri());
        }
    }
}
