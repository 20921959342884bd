package io.filmwire.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading an editor's typed values; writing them is covered on the embedded broker (OverridesIT). */
class OverrideEditorTest {

    @Test
    void aValueIsJsonWhenItFitsTheFieldElseText() {
        assertThat(OverrideEditor.parseValue("runtimeMinutes", "24").asInt()).isEqualTo(24);
        assertThat(OverrideEditor.parseValue("title", "1917").isTextual()).isTrue();
        assertThat(OverrideEditor.parseValue("title", "Little Pyongyang").asText()).isEqualTo("Little Pyongyang");
        assertThat(OverrideEditor.parseValue("languages", "[\"Korean\"]").get(0).asText()).isEqualTo("Korean");
        assertThat(OverrideEditor.parseValue("rating", "{\"value\":7.5,\"scale\":10}").path("scale").asInt()).isEqualTo(10);
        assertThat(OverrideEditor.parseValue("rating", "null").isNull()).isTrue();
    }

    @Test
    void aValueThatDoesNotFitTheFieldIsRefusedSayingWhatItTakes() {
        assertThatThrownBy(() -> OverrideEditor.parseValue("year", "nineteen"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("year").hasMessageContaining("1944");
        assertThatThrownBy(() -> OverrideEditor.parseValue("runtimeMinutes", "-3"))
                .hasMessageContaining("runtimeMinutes");
        assertThatThrownBy(() -> OverrideEditor.parseValue("languages", "Korean"))
                .hasMessageContaining("JSON array");
        assertThatThrownBy(() -> OverrideEditor.parseValue("credits", "[{\"role\":\"grip\",\"name\":\"A\"}]"))
                .hasMessageContaining("credits");
        assertThat(OverrideEditor.problems("sources", null)).singleElement().asString().contains("cannot be overridden");
    }
}
