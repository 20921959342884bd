package io.filmwire.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.schema.RawPage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageFingerprintTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static PageFingerprint html(String body) {
        return PageFingerprint.of(new RawPage("p", null, "test", RawPage.HTML, T0, T0, null, body));
    }

    private static String page(String head, String furniture, String content) {
        return "<!DOCTYPE html><html><head><title>" + head + "</title><script type=\"application/ld+json\">"
                + "{\"@type\":\"Movie\",\"name\":\"" + head + "\",\"url\":\"https://films.example/m/1?utm_source=x\"}</script>"
                + "<script>var tracking = '" + furniture + "';</script><style>.a{color:red}</style></head><body>"
                + "<header class=\"top\"><a href=\"/\">" + furniture + " home</a></header><nav><ul><li><a href=\"/a\">Films</a>"
                + "<li>" + furniture + " series</ul></nav><div class=\"ad-slot\"><div>" + furniture + " deals</div></div>"
                + "<main><h1>" + head + "</h1><p>" + content + "</p></main><aside>" + furniture + " trending</aside>"
                + "<footer>" + furniture + " copyright</footer></body></html>";
    }

    @Test
    void otherFurnitureEntitiesAndTrackingLeaveTheContentTheSame() {
        PageFingerprint original = html(page("Amélie (2001)", "Cinema One", "A shy waitress decides to change lives."));
        PageFingerprint rewrapped = html(page("Amélie (2001)", "FilmMirror Plus", "A shy waitress decides to change lives."));
        // entities in the shown text (not in scripts, where they are not entities)
        PageFingerprint entities = html(page("Amélie (2001)", "Cinema One", "A shy waitress decides to change lives.")
                .replace("<title>Amélie", "<title>Am&eacute;lie").replace("<h1>Amélie", "<h1>Am&#233;lie")
                .replace("shy", "&#x73;hy"));
        assertThat(rewrapped.content()).isEqualTo(original.content());
        assertThat(rewrapped.bytes()).isNotEqualTo(original.bytes());
        assertThat(entities.content()).isEqualTo(original.content());
        assertThat(original.contentChars()).isGreaterThan(20);
        assertThat(PageFingerprint.content(page("T", "F", "C"))).doesNotContain("tracking", "color", "utm", "home", "deals",
                "trending", "copyright").contains("Movie", "films.example/m/1");
    }

    @Test
    void anotherFilmOnTheSameTemplateHasOtherContent() {
        PageFingerprint one = html(page("Amélie (2001)", "Cinema One", "Cast: Audrey Tautou."));
        PageFingerprint other = html(page("Delicatessen (1991)", "Cinema One", "Cast: Dominique Pinon."));
        PageFingerprint sameTitleOtherText = html(page("Amélie (2001)", "Cinema One", "Cast: Mathieu Kassovitz."));
        assertThat(other.content()).isNotEqualTo(one.content());
        assertThat(sameTitleOtherText.content()).isNotEqualTo(one.content());
    }

    @Test
    void malformedMarkupNeverHidesTheRestOfThePageOrThrows() {
        // an unclosed <li class="menu"> (optional end tag) is not skipped as furniture
        String content = PageFingerprint.content("<ul><li class=\"menu\">Films<li>Series</ul><p>The plot of the film.");
        assertThat(content).contains("Films", "The plot of the film.");
        for (String bad : new String[] {"<", "<a href=\"x", "<!-- open", "<script>never closed", "a < b > c", "<div class=ad>",
                "</nav></nav>x", "<p title='it''s'>y</p>", "&#xZZ; &bogus; &amp", "<NAV>x</nav>y"}) {
            PageFingerprint.content(bad);
        }
        assertThat(PageFingerprint.content("<NAV>x</nav>y").trim()).isEqualTo("y");
        assertThat(TextSketch.fold(PageFingerprint.content("a < b > c"))).isEqualTo("abc");
    }

    @Test
    void aTextPageIsItsWholeTextAndTheFingerprintReadsBackFromItsText() {
        PageFingerprint text = PageFingerprint.of(new RawPage("t", null, "test", RawPage.TEXT, T0, T0, null, "<nav>Not markup</nav>"));
        assertThat(text.contentChars()).isEqualTo("navnotmarkupnav".length());
        assertThat(PageFingerprint.fromText(text.toText())).isEqualTo(text);
        assertThat(PageFingerprint.fromText(null)).isNull();
        assertThat(PageFingerprint.fromText("garbage")).isNull();
        assertThat(PageFingerprint.fromText("a:b:-1")).isNull();
    }

    @Test
    void theContentOfABigPageIsReadInTimeLinearInItsSize() {
        StringBuilder small = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            small.append("<div class=\"row\"><nav><a href=\"/").append(i).append("\">link</a></nav><p>word ").append(i)
                    .append(" &amp; more</p><script>x()</script></div>");
        }
        String smallPage = small.toString();
        String bigPage = smallPage.repeat(10);
        for (int warm = 0; warm < 3; warm++) {
            PageFingerprint.content(smallPage);
            PageFingerprint.content(bigPage);
        }
        long smallNanos = Long.MAX_VALUE;
        long bigNanos = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            PageFingerprint.content(smallPage);
            long t1 = System.nanoTime();
            PageFingerprint.content(bigPage);
            long t2 = System.nanoTime();
            smallNanos = Math.min(smallNanos, t1 - t0);
            bigNanos = Math.min(bigNanos, t2 - t1);
        }
        assertThat(bigNanos).as("%d KB in %d us, %d KB in %d us", bigPage.length() / 1000, bigNanos / 1000,
                smallPage.length() / 1000, smallNanos / 1000).isLessThan(30 * smallNanos);
    }

    /**
     * Fingerprints are stored dedup state: the one-scan reading of furniture attributes, the in-place
     * class-name words and the streamed digests must give what the first version gave
     * ({@link PageFingerprintReference}), on every fixture page, on the shared corpus where it is, and on
     * random markup made of the pieces the reading decides on (furniture names in any case and with
     * non-ASCII letters, roles, repeated and valueless attributes, entities, unclosed tags, surrogates).
     */
    @Test
    void fingerprintsAreTheFirstVersionsOnRealPagesAndRandomMarkup() throws Exception {
        java.util.List<RawPage> pages = new java.util.ArrayList<>();
        java.nio.file.Path dir = java.nio.file.Path.of(PageFingerprintTest.class.getResource("/pages").toURI());
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path f : walk.filter(f -> f.toString().endsWith(".gz")).sorted().toList()) {
                try (java.io.InputStream in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(f))) {
                    String type = f.toString().endsWith(".txt.gz") ? RawPage.TEXT : RawPage.HTML;
                    pages.add(new RawPage("p", null, "test", type, T0, T0, null,
                            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(pages).hasSizeGreaterThan(20);
        if (SharedCorpus.present()) {
            for (String set : new String[] {"real", "wide", "aeb/html"}) {
                SharedCorpus.pages(set).forEach(page -> pages.add(page.raw("p", null, T0)));
            }
        }
        java.util.Random random = new java.util.Random(1203);
        String[] pieces = {"<div class=\"", "<section id='", "<span role=\"", "<ul class=", "<nav>", "</nav>", "<header>",
            "</header>", "<p>", "</p>", "</div>", "</section>", "<br/>", "<!-- c -->", "<script>x<y</script>",
            "<script type=\"application/ld+json\">{\"url\":\"https://a.example/x?utm=1#f\"}</script>", "&eacute;",
            "&amp;", "&#233;", "\ud83c\udfac", "\ud83c", "\u2019", " ", "\n", "-", "_", "Nav", "MENU", "ad", "Ads",
            "social", "soc\u0130al", "coo\u212aie", "main-content", "Navigation", "BANNER", "complementary", "\"",
            "'", ">", "<", "=", "class", "id", "role", " class=\"ad\"", " CLASS=x", " class id=\"footer\"",
            "Film", "Directed by", "1999", "caf\u00e9"};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder html = new StringBuilder();
            for (int k = 0, n = 1 + random.nextInt(60); k < n; k++) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            pages.add(new RawPage("p", null, "test", RawPage.HTML, T0, T0, null, html.toString()));
        }
        for (RawPage page : pages) {
            assertThat(PageFingerprint.of(page)).as(page.body().length() > 300 ? page.body().substring(0, 300) : page.body())
                    .isEqualTo(PageFingerprintReference.of(page));
        }
        // the pieces are made to decide: on a fair share of the random pages, what class, id and role say changes the content
        long furnished = pages.stream().skip(pages.size() - 3_000)
                .filter(p -> !PageFingerprint.content(p.body()).equals(PageFingerprint.content(
                        p.body().replace("class", "data-a").replace("CLASS", "data-b").replace("id", "data-c").replace("role", "data-d"))))
                .count();
        assertThat(furnished).isGreaterThan(300);
    }
}
