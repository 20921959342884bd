package io.filmwire.enrich.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "English | English", "ja | Japanese", "fa-IR | Persian", "فارسی | Persian", "هندی | Hindi",
            "English (United Kingdom) | English (United Kingdom)", "Mandarin | Mandarin", "Southern Sotho | Southern Sotho",
            "Español | Spanish", "Deutsch | German", "Filipino | Filipino"})
    void namesLanguagesInEnglish(String raw, String name) {
        assertThat(Languages.normalise(raw)).hasValue(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Color", "USA", "Technicolor", "Dolby Digital", "See more", ""})
    void refusesWordsThatAreNoLanguage(String raw) {
        assertThat(Languages.normalise(raw)).isEmpty();
    }
}
