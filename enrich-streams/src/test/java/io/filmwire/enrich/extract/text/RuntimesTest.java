package io.filmwire.enrich.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimesTest {

    @ParameterizedTest(name = "\"{0}\" is {1} minutes")
    @CsvSource(delimiter = '|', value = {
            "24 min | 24",
            "1h 32m | 92",
            "1 hr. 50 min. | 110",
            "PT1H50M | 110",
            "PT142M | 142",
            "110 minutes | 110",
            "57m | 57",
            "2 hours 3 minutes | 123",
            "1 hour 29 minutes | 89",
            "142 min | 142",
            "73 min - Crime | 73",
            "a 90-minute documentary | 90",
            "۱ ساعت و ۵۰ دقیقه | 110",
            "مدت زمان : ۷۵ دقیقه | 75",
            "٩٠ دقيقة | 90",
            "1:50 | 110",
            "Japan: 69 min | 69"})
    void readsTheWaysPagesWriteRunningTimes(String text, int minutes) {
        assertThat(Runtimes.parse(text)).hasValue(minutes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018", "7.5 (39)", "Released 12 May 1994", "", "R", "Rated PG-13", "0 min"})
    void findsNoRunningTimeWhereThereIsNone(String text) {
        assertThat(Runtimes.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is about {1} minutes")
    @CsvSource(delimiter = '|', value = {
            "The film, which runs for just under an hour, offers | 55",
            "it runs a little over an hour | 65",
            "running about two hours | 120",
            "a half an hour short | 30"})
    void readsVagueProseAsAnApproximation(String text, int minutes) {
        assertThat(Runtimes.vague(text)).hasValue(minutes);
    }
}
