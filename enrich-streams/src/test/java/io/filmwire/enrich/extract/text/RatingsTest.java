package io.filmwire.enrich.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.FilmRecord.Rating;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingsTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "7.5  (39) | 7.5 | 10 | 39",
            "7.5\u00a0\u00a0(39) | 7.5 | 10 | 39",
            "9.2/10 428,329 votes | 9.2 | 10 | 428329",
            "7.9 (45.3K) | 7.9 | 10 | 45300",
            "4.7/10 (1,167 votes) 41 reviews | 4.7 | 10 | 1167",
            "3 / 5 ( 2 امتیاز ) | 3 | 5 | 2",
            "8.1/10 from 118,213 users | 8.1 | 10 | 118213",
            "۷٫۵ از ۱۰ | 7.5 | 10 | -1"})
    void readsValueScaleAndCount(String text, double value, double scale, long count) {
        Rating r = Ratings.parse(text, 10).orElseThrow();
        assertThat(r.value()).isEqualTo(value);
        assertThat(r.scale()).isEqualTo(scale);
        assertThat(r.count()).isEqualTo(count < 0 ? null : count);
    }

    @Test
    void percentagesAreOnAHundredScale() {
        assertThat(Ratings.parse("100%", 10).orElseThrow()).isEqualTo(new Rating(100, 100, null, null));
    }

    @Test
    void aBareNumberIsNoRating() {
        assertThat(Ratings.parse("2018", 10)).isEmpty();
        assertThat(Ratings.parse("12 (uncut)", 10)).isEmpty();
        assertThat(Ratings.parse("11/10", 10)).isEmpty();
    }

    @Test
    void voteCountsInTheirSeveralSpellings() {
        assertThat(Ratings.countNumber("1,630,326")).hasValue(1_630_326);
        assertThat(Ratings.countNumber("45.3K")).hasValue(45_300);
        assertThat(Ratings.countNumber("1.2M")).hasValue(1_200_000);
        assertThat(Ratings.countNumber("۳۹")).hasValue(39);
        assertThat(Ratings.countNumber("many")).isEmpty();
    }
}
