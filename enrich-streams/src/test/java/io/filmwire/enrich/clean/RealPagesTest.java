package io.filmwire.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real pages (fixtures with their provenance in {@code pages/PROVENANCE.md}) against their expected article text. */
class RealPagesTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final JsonNode TRUTH = readTruth();

    private final ArticleCleaner cleaner = new ArticleCleaner();

    static Stream<String> benchmarkPages() {
        return Stream.of("e593d7fe88f9", "05844573ca7e", "fde930b01859", "264dc3ae3124", "b3c19dd5f061");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarkPages")
    void theArticleIsFoundWithoutItsBoilerplate(String prefix) {
        Map.Entry<String, JsonNode> entry = truth(prefix);
        CleanPage page = cleanAeb(entry.getKey(), entry.getValue().get("url").asText());
        double f1 = BodyScore.f1(entry.getValue().get("articleBody").asText(), page.text());
        assertThat(f1).as("body F1 of %s", prefix).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aListicleOfNumberedTipsKeepsEachTipAsASegment() {
        Map.Entry<String, JsonNode> entry = truth("e593d7fe88f9");
        CleanPage page = cleanAeb(entry.getKey(), entry.getValue().get("url").asText());
        List<String> numbered = page.segments().stream().map(CleanPage.Segment::heading)
                .filter(h -> h != null && h.matches("\\d+\\. .+")).toList();
        assertThat(numbered).hasSize(15);
        assertThat(numbered.get(0)).startsWith("1. ");
        assertThat(numbered.get(14)).startsWith("15. ");
        assertThat(page.segments()).filteredOn(s -> numbered.contains(s.heading()))
                .allSatisfy(s -> assertThat(s.text()).isNotBlank());
    }

    @Test
    void sectionsOfANewsArticleAreSegmentsWithTheirHeadings() {
        Map.Entry<String, JsonNode> entry = truth("05844573ca7e");
        CleanPage page = cleanAeb(entry.getKey(), entry.getValue().get("url").asText());
        // the sections are <p>NISSAN SENTRA</p>: headings by their capitals, not their markup
        assertThat(page.segments()).extracting(CleanPage.Segment::heading).containsExactly(null, "NISSAN SENTRA",
                "VOLKSWAGEN ID. SPACE VIZZION CONCEPT", "FORD MUSTANG MACH E", "TOYOTA RAV4 PRIME");
        assertThat(page.segments().get(1).text()).startsWith("Nissan is hoping");
        assertThat(page.author()).isNotBlank();
        assertThat(page.publishedDate()).startsWith("2019-11-");
    }

    @Test
    void aPlainTextListicleKeepsItsItemsAsSegments() {
        CleanPage page = cleaner.cleanText(textPage("004_53de13fca4facd36.txt"));
        assertThat(page.title()).isEqualTo("Films That Will Help You Understand North Korea");
        assertThat(page.segments()).extracting(CleanPage.Segment::heading).contains("The Red Chapel", "Dear Pyongyang",
                "Dennis Rodman’s Big Bang in Pyongyang", "A State of Mind", "Meet in Pyongyang");
        CleanPage.Segment redChapel = page.segments().stream().filter(s -> "The Red Chapel".equals(s.heading()))
                .findFirst().orElseThrow();
        assertThat(redChapel.text()).contains("Danish-Korean comedians").doesNotContain("Yang Yong-hi");
        assertThat(page.text()).doesNotContain("Edit article");
    }

    @Test
    void aTitleOverLabelLinesIsAHeadingAndUnrelatedItemsAreApart() {
        CleanPage page = cleaner.cleanText(textPage("002_984db3d3408101b5.txt"));
        CleanPage.Segment credits = page.segments().stream().filter(s -> "Key credits".equals(s.heading()))
                .findFirst().orElseThrow();
        assertThat(credits.text()).startsWith("Directed by: Roxy Rezvany\n").doesNotContain("Massive Attack");
        assertThat(page.segments()).extracting(CleanPage.Segment::heading)
                .contains("Massive Attack featuring Tracey Thorn – Protection");
    }

    @Test
    void markedUpHeadingsOfTextPagesKeepTheirLevel() {
        String text = "Intro line of the page\n\n== Plot ==\nA man drives a taxi at night.\n\n=== Casting ===\nActors were"
                + " found in small theatres.\n\n## Reception\n\nThe film was praised.";
        CleanPage page = cleaner.cleanText(new RawPage("t", null, "test", RawPage.TEXT, null, T0, null, text));
        assertThat(page.segments()).extracting(CleanPage.Segment::heading).containsExactly("Intro line of the page", "Plot",
                "Casting", "Reception");
        assertThat(page.segments()).extracting(CleanPage.Segment::level).containsExactly(1, 2, 3, 2);
        assertThat(page.segments().get(1).text()).isEqualTo("A man drives a taxi at night.");
    }

    private CleanPage cleanAeb(String id, String url) {
        String html = new String(resource("aeb/" + id + ".html.gz", true), StandardCharsets.UTF_8);
        return cleaner.cleanPage(new RawPage(id, url, "test", RawPage.HTML, null, T0, null, html));
    }

    private static RawPage textPage(String name) {
        String text = new String(resource("seeds/" + name, false), StandardCharsets.UTF_8);
        return new RawPage(name, null, "test", RawPage.TEXT, null, T0, null, text);
    }

    private static Map.Entry<String, JsonNode> truth(String prefix) {
        var fields = TRUTH.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getKey().startsWith(prefix)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no fixture " + prefix);
    }

    private static JsonNode readTruth() {
        try {
            return Json.mapper().readTree(resource("aeb/ground-truth.json", false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name, boolean gzip) {
        try (InputStream in = RealPagesTest.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture /pages/" + name);
            }
            return gzip ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
