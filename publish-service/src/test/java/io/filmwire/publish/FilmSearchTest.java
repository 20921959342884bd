package io.filmwire.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.FilmRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilmSearchTest {

    private static final FilmRecord NAUSICAA = new FilmRecord("film-nausicaa-1984", "Nausicaä of the Valley of the Wind",
            List.of("Kaze no Tani no Naushika"), 1984, 117, null, List.of(), List.of(),
            List.of(new FilmRecord.Credit("director", "Hayao Miyazaki", null),
                    new FilmRecord.Credit("cast", "Sumi  Shimamoto", "Nausicaä")),
            List.of(), Map.of(), Map.of(), 1, List.of(), Instant.EPOCH);

    @Test
    void titlesAliasesAndPeopleAreFoundWithoutCaseOrAccents() {
        assertThat(new FilmSearch("Nausicaa").matches(NAUSICAA)).isTrue();
        assertThat(new FilmSearch("NAUSICAÄ").matches(NAUSICAA)).isTrue();
        assertThat(new FilmSearch("naushika").matches(NAUSICAA)).isTrue();
        assertThat(new FilmSearch("miyazaki").matches(NAUSICAA)).isTrue();
        assertThat(new FilmSearch("sumi shimamoto").matches(NAUSICAA)).isTrue();
        assertThat(new FilmSearch("").matches(NAUSICAA)).isTrue();
        assertThat(new FilmSearch(null).matches(NAUSICAA)).isTrue();
        assertThat(new FilmSearch("totoro").matches(NAUSICAA)).isFalse();
    }

    @Test
    void foldingSpellsOutLettersWithoutDecomposition() {
        assertThat(FilmSearch.fold("Björk  Guðmundsdóttir")).isEqualTo("bjork guðmundsdottir");
        assertThat(FilmSearch.fold("Søren Kierkegaard")).isEqualTo("soren kierkegaard");
        assertThat(FilmSearch.fold("Łódź")).isEqualTo("lodz");
        assertThat(FilmSearch.fold("Straße")).isEqualTo("strasse");
    }
}
