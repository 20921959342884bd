package io.filmwire.enrich.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A page's analysis (its clean page and its film mentions) is the same each time, whatever the
 * analysing thread did before: identity hash codes are drawn per thread, so a result that followed
 * the order of an identity-keyed map would change between replays of the same page. On the page
 * fixtures (their provenance in {@code pages/PROVENANCE.md}), twelve times each (the cleaner once broke
 * ties by such an order: twelve analyses of the gaslight fixture gave two texts).
 */
class DeterministicAnalysisTest {

    @Test
    void eachFixtureIsAnalysedAlikeAfterDifferentIdentityHashDraws() throws IOException, URISyntaxException {
        PageAnalyzer analyzer = Analyzers.standard();
        Path dir = Path.of(DeterministicAnalysisTest.class.getResource("/pages").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.toString().endsWith(".html.gz") || f.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        Random r = new Random(81);
        for (Path f : files) {
            byte[] bytes;
            try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                bytes = in.readAllBytes();
            }
            RawPage page = new RawPage(f.getFileName().toString(), null, "test", RawPage.HTML, null, Instant.EPOCH, null,
                    new String(bytes, StandardCharsets.UTF_8));
            Set<String> results = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                for (int k = 0, n = r.nextInt(5_000); k < n; k++) {
                    System.identityHashCode(new Object());
                }
                AnalyzedPage analyzed = analyzer.analyze(page);
                results.add(analyzed.clean() + " " + analyzed.mentions());
            }
            assertThat(results).as(f.getFileName().toString()).hasSize(1);
        }
    }
}
