package io.filmwire.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extractor returns (possibly nothing) for any page: malformed files in
 * src/test/resources/malformed and generated pathological pages.
 */
class NeverThrowsTest {

    record Case(String name, RawPage page) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> pages() throws IOException, URISyntaxException {
        List<Case> cases = new ArrayList<>();
        Path dir = Paths.get(NeverThrowsTest.class.getResource("/malformed").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                if (f.toString().endsWith(".md")) {
                    continue;
                }
                String body = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                cases.add(new Case(f.getFileName().toString(), page(body, f.toString().endsWith(".txt"))));
            }
        }
        cases.add(new Case("100k nested divs", page("<div>".repeat(100_000) + "Director: Deep Diver", false)));
        cases.add(new Case("2k nested tables", page("<table><tr><th>Cast</th><td>".repeat(2_000) + "Ann Example", false)));
        cases.add(new Case("huge attribute", page("<div class=\"" + "x".repeat(2_000_000) + "\">Runtime: 90 min</div>", false)));
        cases.add(new Case("50k line breaks", page("<p>" + "Starring<br>".repeat(50_000) + "</p>", false)));
        cases.add(new Case("one long word", page("a".repeat(3_000_000), true)));
        cases.add(new Case("label soup", page("Director: Cast: Runtime: Language: Rating: ".repeat(20_000), true)));
        String real = Pages.fixture("imdb_2009_shawshank.html").body();
        Random random = new Random(42);
        for (int i = 0; i < 12; i++) {
            int cut = random.nextInt(real.length());
            cases.add(new Case("real page cut at " + cut, page(real.substring(0, cut), false)));
        }
        byte[] noise = new byte[200_000];
        random.nextBytes(noise);
        cases.add(new Case("random bytes as text", page(new String(noise, StandardCharsets.ISO_8859_1), true)));
        cases.add(new Case("random bytes as html", page(new String(noise, StandardCharsets.ISO_8859_1), false)));
        return cases.stream();
    }

    private static RawPage page(String body, boolean text) {
        return new RawPage("malformed", null, "test", text ? RawPage.TEXT : RawPage.HTML, null, Instant.EPOCH, null, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void extractionNeverThrows(Case c) {
        assertThatCode(() -> {
            List<FilmMention> mentions = Pages.extract(c.page());
            assertThat(mentions).isNotNull();
            for (FilmMention m : mentions) {
                assertThat(m.title().value()).isNotBlank();
            }
        }).doesNotThrowAnyException();
    }
}
