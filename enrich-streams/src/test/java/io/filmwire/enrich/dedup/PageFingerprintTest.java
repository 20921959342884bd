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
}
