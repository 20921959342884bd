package io.filmwire.enrich.reconcile;

import static io.filmwire.enrich.reconcile.Mentions.page;
import static io.filmwire.enrich.reconcile.Mentions.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.model.Layer;
import io.filmwire.schema.FilmRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurvivorshipTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private final Survivorship survivorship = new Survivorship();

    private FilmRecord assemble(FilmMention... mentions) {
        return survivorship.assemble("film-x", List.of(mentions), 1, T0);
    }

    @Test
    void structuredDataBeatsFactLinesWhichBeatProse() {
        FilmRecord film = assemble(
                work("a", 0, "Host", Layer.PROSE).runtime(60, Layer.PROSE, "about an hour").build(),
                work("b", 0, "Host", Layer.SEMI_STRUCTURED).runtime(56, Layer.SEMI_STRUCTURED, "56 min").build(),
                page("c", "Host").runtime(57).build());

        assertThat(film.runtimeMinutes()).isEqualTo(57);
        assertThat(film.conflicts().get("runtimeMinutes").values()).extracting(v -> v.value().asInt())
                .containsExactly(57, 56, 60);
        assertThat(film.conflicts().get("runtimeMinutes").values()).extracting(FilmRecord.ConflictValue::layer)
                .containsExactly("structured", "semi_structured", "prose");
    }

    @Test
    void agreementAcrossPagesBeatsALoneBetterValue() {
        FilmRecord film = assemble(
                page("a", "Host").year(2021).build(),
                work("b", 0, "Host", Layer.SEMI_STRUCTURED).year(2020, Layer.SEMI_STRUCTURED).build(),
                work("c", 0, "Host", Layer.SEMI_STRUCTURED).year(2020, Layer.SEMI_STRUCTURED).build());

        assertThat(film.year()).isEqualTo(2020);
        assertThat(film.provenance().get("year")).extracting(FilmRecord.Evidence::pageId).containsExactly("b", "c");
        assertThat(film.conflicts().get("year").values().get(1).pages()).containsExactly("a");
    }

    @Test
    void listsAreTheUnionAndEveryValueKeepsThePagesThatSupportIt() {
        FilmRecord film = assemble(
                page("a", "Host").director("Rob Savage").language("English").build(),
                page("b", "Host").director("Rob  Savage").credit("cast", "Haley Bishop").language("english").build());

        assertThat(film.credits()).extracting(FilmRecord.Credit::name).containsExactly("Rob Savage", "Haley Bishop");
        assertThat(film.languages()).containsExactly("English");
        assertThat(film.provenance().get("credits")).extracting(FilmRecord.Evidence::pageId).containsExactly("a", "b", "b");
        assertThat(film.provenance().get("languages")).extracting(FilmRecord.Evidence::pageId).containsExactly("a", "b");
        assertThat(film.conflicts()).isEmpty();
    }

    @Test
    void otherTitlesBecomeAliasesAndOnlyUnrelatedTitlesAreConflicts() {
        FilmRecord film = assemble(
                page("a", "Pulp Fiction").build(),
                page("b", "Tiempos violentos").alias("Pulp Fiction").build(),
                work("c", 0, "Pulp Fiction: the movie", Layer.PROSE).build());

        assertThat(film.title()).isEqualTo("Pulp Fiction");
        assertThat(film.aliases()).containsExactly("Tiempos violentos", "Pulp Fiction: the movie");
        assertThat(film.conflicts().get("title").values()).extracting(v -> v.value().asText())
                .containsExactly("Pulp Fiction", "Pulp Fiction: the movie");
    }

    @Test
    void theRecordDoesNotDependOnTheOrderOfEqualEvidence() {
        List<FilmMention> mentions = new ArrayList<>(List.of(
                page("a", "Rush").year(2013).build(),
                page("b", "Rush").year(2012).build()));
        FilmRecord one = survivorship.assemble("film-x", mentions, 1, T0);
        Collections.reverse(mentions);
        FilmRecord other = survivorship.assemble("film-x", mentions, 1, T0);
        assertThat(one.year()).isEqualTo(other.year()).isEqualTo(2012);
    }

    @Test
    void aRecordNeedsAMention() {
        assertThatThrownBy(() -> survivorship.assemble("film-x", List.of(), 1, T0)).hasMessageContaining("film-x");
    }
}
