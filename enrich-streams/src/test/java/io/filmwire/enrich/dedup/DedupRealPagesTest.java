package io.filmwire.enrich.dedup;

import static io.filmwire.enrich.dedup.PageVariants.T0;
import static io.filmwire.enrich.dedup.PageVariants.fixture;
import static io.filmwire.enrich.dedup.PageVariants.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.offline.OfflinePipeline;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.schema.FilmRecord;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Deduplication of real pages through the offline pipeline (production analyzer, deduplicator and
 * reconciler): copies with other furniture are duplicates and change no record; different pages,
 * among them different articles about one film, are not.
 */
class DedupRealPagesTest {

    /** Fixtures with at least {@value Deduplicator#MIN_CHARS} letters of article text. */
    private static final List<String> PAGES = List.of("imdb_2010_gaslight.html", "imdb_2014_nausicaa.html",
            "imdb_2014_nausicaa_fullcredits.html", "imdb_2014_district9.html", "wiki_makingmrright.html",
            "wikitext_kadvihawa.txt", "seed_000_0680c27c9aea9b38.txt", "seed_001_ac972f7504336ea1.txt",
            "seed_002_984db3d3408101b5.txt");

    @ParameterizedTest
    @ValueSource(strings = {"imdb_2010_gaslight.html", "imdb_2014_nausicaa.html", "imdb_2014_district9.html",
            "wiki_makingmrright.html", "wikitext_kadvihawa.txt", "seed_001_ac972f7504336ea1.txt"})
    void copiesWithOtherAdsNavigationWhitespaceOrTrackingAreDuplicatesAndChangeNoRecord(String name) {
        OfflinePipeline pipeline = new OfflinePipeline(Analyzers.standard());
        String original = fixture(name);
        pipeline.add(page(name, original, T0));
        List<FilmRecord> before = pipeline.films();

        int n = 0;
        for (Map.Entry<String, UnaryOperator<String>> variant : PageVariants.variants(!name.endsWith(".txt")).entrySet()) {
            String copyId = "copy-" + variant.getKey() + "-" + name;
            String copy = variant.getValue().apply(original);
            assertThat(copy).as("the %s variant changes the page", variant.getKey()).isNotEqualTo(original);
            pipeline.add(page(copyId, copy, T0.plusSeconds(++n)));
            Verdict verdict = pipeline.verdicts().get(n);
            assertThat(verdict.kind()).as("%s copy of %s", variant.getKey(), name).isEqualTo(Verdict.Kind.DUPLICATE);
            assertThat(verdict.duplicateOf()).isEqualTo(name);
            assertThat(verdict.similarity()).isGreaterThanOrEqualTo(Deduplicator.DEFAULT_THRESHOLD);
        }
        assertThat(pipeline.films()).isEqualTo(before);
    }

    @Test
    void differentPagesAreNotDuplicatesOfEachOtherNotEvenArticlesAboutOneFilm() {
        OfflinePipeline pipeline = new OfflinePipeline(Analyzers.standard());
        for (int i = 0; i < PAGES.size(); i++) {
            pipeline.add(page(PAGES.get(i), fixture(PAGES.get(i)), T0.plusSeconds(i)));
        }
        assertThat(pipeline.verdicts()).extracting(Verdict::kind).containsOnly(Verdict.Kind.NEW);
        assertThat(pipeline.verdicts()).allSatisfy(v -> {
            assertThat(v.duplicateOf()).isNull();
            assertThat(v.similarity()).satisfiesAnyOf(s -> assertThat(s).isNull(),
                    s -> assertThat(s).isLessThan(Deduplicator.DEFAULT_THRESHOLD - 0.15));
        });
    }

    @Test
    void theSamePageAgainIsARefetchAndWithAChangedParagraphAnUpdate() {
        OfflinePipeline pipeline = new OfflinePipeline(Analyzers.standard());
        String name = "wiki_makingmrright.html";
        String original = fixture(name);
        pipeline.add(page(name, original, T0));
        pipeline.add(page(name, PageVariants.tracking(PageVariants.whitespace(original)), T0.plusSeconds(1)));
        int at = original.indexOf("</p>", original.length() / 3);
        pipeline.add(page(name, original.substring(0, at) + " The film was restored in 2020 and shown again at"
                + " a festival of forgotten comedies." + original.substring(at), T0.plusSeconds(2)));

        assertThat(pipeline.verdicts()).extracting(Verdict::kind)
                .containsExactly(Verdict.Kind.NEW, Verdict.Kind.REFETCH, Verdict.Kind.UPDATE);
        assertThat(pipeline.verdicts().get(1).duplicateOf()).isEqualTo(name);
    }
}
