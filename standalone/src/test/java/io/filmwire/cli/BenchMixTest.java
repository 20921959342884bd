package io.filmwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.dedup.Verdict;
import io.filmwire.enrich.offline.OfflinePipeline;
import io.filmwire.enrich.page.AnalyzedPage;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.RawPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The bench's copies of its page mix, on the bundled sample pages (the seed set; see
 * samples/PROVENANCE.md): every copy is a page dedup keeps and a film of its own, with its
 * original's facts.
 */
class BenchMixTest {

    private static final String[] SAMPLES = {"000_0680c27c9aea9b38.txt", "001_ac972f7504336ea1.txt",
            "002_984db3d3408101b5.txt", "003_7ba7d6401a980895.txt", "004_53de13fca4facd36.txt"};

    private static List<RawPage> samples() throws Exception {
        List<RawPage> pages = new ArrayList<>();
        for (String name : SAMPLES) {
            String text = new String(BenchMixTest.class.getResourceAsStream("/samples/" + name).readAllBytes(),
                    StandardCharsets.UTF_8);
            pages.add(new RawPage("https://samples.example/" + name, "https://samples.example/" + name, "test",
                    RawPage.TEXT, Instant.EPOCH, Instant.EPOCH, null, text));
        }
        return pages;
    }

    private static BenchMix mix(List<RawPage> base) {
        PageAnalyzer analyzer = Analyzers.standard();
        return BenchMix.of(base, base.stream().map(analyzer::analyze).toList());
    }

    @Test
    void copiesAreKeptByDedupAndGiveFilmsOfTheirOwnWithTheirOriginalsFacts() throws Exception {
        List<RawPage> base = samples();
        BenchMix mix = mix(base);
        int copies = 4;
        OfflinePipeline originals = new OfflinePipeline(Analyzers.standard());
        base.forEach(originals::add);
        OfflinePipeline all = new OfflinePipeline(Analyzers.standard());
        IntStream.range(0, base.size() * copies).mapToObj(mix::page).forEach(all::add);

        assertThat(IntStream.range(0, base.size()).mapToObj(mix::page)).containsExactlyElementsOf(base);
        assertThat(IntStream.range(0, base.size() * copies).mapToObj(i -> mix.page(i).pageId()).distinct())
                .hasSize(base.size() * copies);
        assertThat(all.verdicts()).hasSize(base.size() * copies)
                .allSatisfy(v -> assertThat(v.kind()).as(v.toString()).isNotEqualTo(Verdict.Kind.DUPLICATE)
                        .isNotEqualTo(Verdict.Kind.REFETCH));
        List<FilmRecord> before = originals.films();
        List<FilmRecord> films = all.films();
        assertThat(films.stream().map(FilmRecord::title).distinct()).hasSize(films.size());
        Set<String> originalTitles = new HashSet<>(before.stream().map(FilmRecord::title).toList());
        List<FilmRecord> copied = films.stream().filter(f -> !originalTitles.contains(f.title())).toList();
        // five pages share few words, so a copy may lose a film; most stay, each with an original's facts
        assertThat(copied).hasSizeGreaterThanOrEqualTo((copies - 1) * before.size() / 2);
        assertThat(copied).allSatisfy(f -> assertThat(before).as(f.title()).anySatisfy(o -> assertThat(sameFacts(f, o)).isTrue()));
        assertThat(copied).filteredOn(f -> f.year() != null && f.runtimeMinutes() != null).hasSize(copies - 1);
    }

    private static boolean sameFacts(FilmRecord copy, FilmRecord original) {
        return (copy.year() == null || copy.year().equals(original.year()))
                && (copy.runtimeMinutes() == null || copy.runtimeMinutes().equals(original.runtimeMinutes()));
    }

    @Test
    void renamesFilmWordsEverywhereAndRareWordsOutsideLabelsAndCodeNeverMarkupOrDigits() {
        String page = "<html><head><title>Akira (1988)</title><script>var rare = 1;</script></head>"
                + "<body><p class=\"x\">Akira (1988), 124 min &amp; AKIRA rare</p><em>akira</em>"
                + "<p>Directed by: rare</p><p>one of a rare kind</p></body></html>";
        String copy = BenchMix.renameHtml(page, Set.of("akira", "of"), Set.of("rare", "amp", "em", "class", "html", "p"), 1);

        // copy 1 of "Akira" is "Akkirkak" (its mark "k" after every second letter and at the end)
        assertThat(copy).isEqualTo("<html><head><title>Akkirkak (1988)</title><script>var rare = 1;</script></head>"
                + "<body><p class=\"x\">Akkirkak (1988), 124 min &amp; AKKIRKAK raarea</p><em>akkirkak</em>"
                + "<p>Directed by: rare</p><p>one of a raarea kind</p></body></html>");
    }

    @Test
    void eachCopyOfAWordIsAnotherWord() {
        Set<String> seen = new HashSet<>();
        for (int copy = 1; copy <= 200; copy++) {
            assertThat(seen.add(BenchMix.suffix("Akira", copy))).as("copy " + copy).isTrue();
        }
        assertThat(BenchMix.suffix("Ab", 3)).isEqualTo("bb");
        assertThat(BenchMix.suffix("Фильм", 1)).isEqualTo("и");
    }
}
