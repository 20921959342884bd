package io.filmwire.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaIdTest {

    @Test
    void parsesPrintsAndMakesTheIdUri() {
        SchemaId id = SchemaId.parse("film-record/1.12");
        assertThat(id).isEqualTo(new SchemaId("film-record", 1, 12));
        assertThat(id.toString()).isEqualTo("film-record/1.12");
        assertThat(id.version()).isEqualTo("1.12");
        assertThat(SchemaId.fromUri(id.uri())).isEqualTo(id);
    }

    @Test
    void aReaderReadsEveryMinorOfItsMajorAndNothingElse() {
        SchemaId reader = SchemaId.parse("film-record/1.3");
        assertThat(reader.canRead(SchemaId.parse("film-record/1.0"))).isTrue();
        assertThat(reader.canRead(SchemaId.parse("film-record/1.9"))).isTrue();
        assertThat(reader.canRead(SchemaId.parse("film-record/2.0"))).isFalse();
        assertThat(reader.canRead(SchemaId.parse("raw-page/1.3"))).isFalse();
        assertThat(reader.canRead(null)).isFalse();
    }

    @Test
    void ordersByVersionNumbersNotText() {
        assertThat(SchemaId.parse("x/1.10")).isGreaterThan(SchemaId.parse("x/1.9"));
        assertThat(SchemaId.parse("x/2.0")).isGreaterThan(SchemaId.parse("x/1.10"));
    }

    @Test
    void rejectsWhatIsNotAnId() {
        for (String bad : new String[] {"film-record", "film-record/1", "film-record/v1.0", "Film/1.0", "", "a/1.0/x"}) {
            assertThatThrownBy(() -> SchemaId.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SchemaId.fromUri("https://example.org/film-record/1.0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
