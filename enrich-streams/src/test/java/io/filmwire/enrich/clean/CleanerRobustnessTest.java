package io.filmwire.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.CleanPage;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.SchemaValidator;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Never-throws: malformed, huge and pathological pages, generated here, are all cleaned (or
 * rejected with a {@link ArticleCleaner.RejectedPageException}), within the output bounds, with a
 * clean page that is valid against its schema.
 */
class CleanerRobustnessTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final String SENTENCE = "The programme shows films from twelve countries, and most screenings are"
            + " followed by a discussion with the team. ";

    private final ArticleCleaner cleaner = new ArticleCleaner();

    static Stream<Arguments> pathologicalPages() {
        return Stream.of(
                page("100k nested divs", () -> "<html><body>" + "<div>".repeat(100_000) + SENTENCE.repeat(5)
                        + "</div>".repeat(100_000) + "</body></html>"),
                page("100k unclosed nested mixed tags", () -> {
                    StringBuilder b = new StringBuilder("<html><body>");
                    String[] tags = {"div", "span", "b", "table", "tr", "td", "ul", "li", "p", "a href=x", "section"};
                    for (int i = 0; i < 100_000; i++) {
                        b.append('<').append(tags[i % tags.length]).append('>');
                        if (i % 1000 == 0) {
                            b.append(SENTENCE);
                        }
                    }
                    return b.toString();
                }),
                page("100k sibling paragraphs", () -> "<html><body><article>" + ("<p>" + SENTENCE + "</p>").repeat(100_000)
                        + "</article></body></html>"),
                page("10 MB of paragraphs", () -> "<html><body><main>" + ("<p>" + SENTENCE + SENTENCE + "</p>")
                        .repeat(10 * 1024 * 1024 / (2 * SENTENCE.length() + 7)) + "</main></body></html>"),
                page("10 MB single text node", () -> "<html><body><p>" + "word ".repeat(2 * 1024 * 1024) + "</p></body></html>"),
                page("10 MB of navigation links", () -> "<html><body><nav><ul>"
                        + "<li><a href=\"/x\">Link</a></li>".repeat(10 * 1024 * 1024 / 30) + "</ul></nav></body></html>"),
                page("huge attribute", () -> "<html><body><div class=\"" + "a ".repeat(1_000_000) + "\"><p>" + SENTENCE
                        + "</p></div></body></html>"),
                page("deep table nesting", () -> "<table><tr><td>".repeat(20_000) + SENTENCE + "</td></tr></table>".repeat(20_000)),
                page("unterminated comment and script", () -> "<html><body><p>" + SENTENCE + "</p><!-- never closed <script>"
                        + "var x = '</p>';"),
                page("control characters and NUL", () -> "<html><body><p>" + SENTENCE + "\u0000\u0001\u0007\u001b[31m"
                        + "\ufffd\ufffd" + SENTENCE + "</p></body></html>"),
                page("broken UTF-8 read as windows-1252", () -> new String(("<html><body><p>Caf\u00e9 cr\u00e8me \u2019"
                        + SENTENCE.repeat(3) + "</p></body></html>").getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"))),
                page("random bytes as UTF-8", () -> {
                    byte[] bytes = new byte[200_000];
                    new Random(7).nextBytes(bytes);
                    return new String(bytes, StandardCharsets.UTF_8);
                }),
                page("JSON-LD bomb", () -> "<html><head><script type=\"application/ld+json\">" + "[".repeat(50_000)
                        + "</script><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
                        + "[{\"name\":\"x\"},".repeat(20_000) + "</script></head><body><p>" + SENTENCE + "</p></body></html>"),
                page("only whitespace", () -> " \n\t ".repeat(10_000)),
                page("empty", () -> ""));
    }

    private static Arguments page(String name, Supplier<String> html) {
        return Arguments.of(name, html);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathologicalPages")
    void pathologicalPagesAreCleanedWithinBounds(String name, Supplier<String> html) {
        RawPage raw = new RawPage("test:" + name, null, "test", RawPage.HTML, null, T0, null, html.get());
        CleanPage page = cleanOrReject(raw);
        if (page != null) {
            assertThat(page.text().length()).isLessThanOrEqualTo(ArticleCleaner.MAX_TEXT_CHARS);
            assertThat(SchemaValidator.get().violations(MessageSchema.CLEAN_PAGE, page)).isEmpty();
        }
    }

    @Test
    void textOfTheHugePagesIsKeptUpToTheLimit() {
        String html = "<html><body><main>" + ("<p>" + SENTENCE + SENTENCE + "</p>").repeat(10 * 1024 * 1024
                / (2 * SENTENCE.length() + 7)) + "</main></body></html>";
        RawPage raw = new RawPage("huge", null, "test", RawPage.HTML, null, T0, null, html);
        CleanPage page = cleaner.cleanPage(raw);
        assertThat(page.text().length()).isBetween(ArticleCleaner.MAX_TEXT_CHARS - 1000, ArticleCleaner.MAX_TEXT_CHARS);
        assertThat(page.text()).startsWith(SENTENCE.strip());
    }

    @Test
    void generatedTagSoupNeverThrows() {
        Random random = new Random(20261121);
        String[] pieces = {"<div>", "</div>", "<p>", "</p>", "<a href='/x'>", "</a>", "<li>", "<ul>", "</ul>", "<table>",
                "<tr>", "<td>", "</td>", "<h2>", "</h2>", "<b>", "<script>", "</script>", "<nav>", "</nav>", "<br>",
                "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#x0;", "&#99999999;", "<", ">", "\"", "'", "=", "<article class='x'>",
                "<div class='related share comments'>", "<pre>", "</pre>", "<svg><text>x</text>", "<math>", "<template>",
                "<frameset>", "<select><option>", "<html>", "<body>", "<head>", "<title>", SENTENCE, "word ", "\u00e2\u20ac\u2122"};
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            StringBuilder html = new StringBuilder();
            int length = 1 + random.nextInt(400);
            for (int i = 0; i < length; i++) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            RawPage raw = new RawPage("soup-" + n, null, "test", random.nextBoolean() ? RawPage.HTML : RawPage.TEXT, null,
                    T0, null, html.toString());
            try {
                CleanPage page = cleaner.cleanPage(raw);
                assertThat(SchemaValidator.get().violations(MessageSchema.CLEAN_PAGE, page)).isEmpty();
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("soup-" + n + ": " + e);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void hugeTextPagesAreCleanedWithinBounds() {
        String text = ("Title line\n\n" + SENTENCE + "\n\n").repeat(10 * 1024 * 1024 / (SENTENCE.length() + 14));
        RawPage raw = new RawPage("huge-text", null, "test", RawPage.TEXT, null, T0, null, text);
        CleanPage page = cleaner.cleanPage(raw);
        assertThat(page.text().length()).isLessThanOrEqualTo(ArticleCleaner.MAX_TEXT_CHARS);
        assertThat(page.segments()).isNotEmpty();
    }

    private CleanPage cleanOrReject(RawPage raw) {
        try {
            return cleaner.cleanPage(raw);
        } catch (ArticleCleaner.RejectedPageException e) {
            assertThat(e.getMessage()).isNotBlank();
            return null;
        }
    }
}
