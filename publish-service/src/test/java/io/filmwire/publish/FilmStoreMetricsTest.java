package io.filmwire.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.FilmRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilmStoreMetricsTest {

    private static FilmRecord.Evidence ev(String layer) {
        return new FilmRecord.Evidence("v", "p1", layer, "said so", 0.9);
    }

    private static FilmRecord film(String id, Integer year, Map<String, List<FilmRecord.Evidence>> provenance,
                                   Map<String, FilmRecord.Conflict> conflicts) {
        return new FilmRecord(id, "Title " + id, List.of(), year, null, null, List.of(), List.of(), List.of(),
                List.of(new FilmRecord.SourceRef("p1", "https://a.example/" + id, "a.example", null)),
                provenance, conflicts, 1, List.of(), Instant.EPOCH);
    }

    @Test
    void filmsWithoutFactsAndFactsByLayerAreCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FilmStoreMetrics metrics = new FilmStoreMetrics(registry);
        FilmRecord bare = film("a", null, Map.of("title", List.of(ev("prose"))), Map.of());
        FilmRecord dated = film("b", 1999, Map.of("title", List.of(ev("structured")), "year",
                List.of(ev("semi_structured"), ev("prose"))), Map.of("year", new FilmRecord.Conflict(List.of(), null)));
        FilmRecord overridden = film("c", 2001, Map.of("year", List.of(ev("override"))), Map.of());

        metrics.count(List.of(bare, dated, overridden));

        assertThat(registry.get("filmwire.films").gauge().value()).isEqualTo(3.0);
        assertThat(registry.get("filmwire.films.without.facts").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("filmwire.films.with.conflicts").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("filmwire.facts").tag("layer", "semi_structured").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("filmwire.facts").tag("layer", "override").gauge().value()).isEqualTo(1.0);
        // the title is no fact, and only a field's best evidence counts
        assertThat(registry.get("filmwire.facts").tag("layer", "structured").gauge().value()).isZero();
        assertThat(registry.get("filmwire.facts").tag("layer", "prose").gauge().value()).isZero();

        metrics.count(List.of(bare));
        assertThat(registry.get("filmwire.films").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("filmwire.facts").tag("layer", "override").gauge().value()).isZero();
    }
}
