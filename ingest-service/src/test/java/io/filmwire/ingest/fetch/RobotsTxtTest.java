package io.filmwire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** robots.txt as crawler-commons reads it, on the cases that matter to Filmwire. */
class RobotsTxtTest {

    private static boolean allows(RobotsTxt robots, String path) {
        return robots.allows(URI.create("https://films.example" + path));
    }

    @Test
    void theGroupNamingUsBeatsTheStarGroup() {
        String text = """
                # comment
                User-agent: *
                Disallow: /

                User-agent: OtherBot
                User-agent: Filmwire/2.0
                Disallow: /private   # trailing comment
                Crawl-delay: 2.5
                """;
        RobotsTxt us = RobotsTxt.parse(text, "Filmwire");
        assertThat(allows(us, "/reviews/1")).isTrue();
        assertThat(allows(us, "/private/x")).isFalse();
        assertThat(allows(us, "/privateer")).isFalse();
        assertThat(us.crawlDelay()).isEqualTo(Duration.ofMillis(2500));

        RobotsTxt stranger = RobotsTxt.parse(text, "SomeoneElse");
        assertThat(allows(stranger, "/reviews/1")).isFalse();
        assertThat(stranger.crawlDelay()).isNull();
    }

    @Test
    void theLongestRuleDecidesAndAllowWinsATie() {
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Disallow: /films/
                Allow: /films/reviews/
                Disallow: /films/reviews/drafts
                Allow: /same
                Disallow: /same
                """, "Filmwire");
        assertThat(allows(robots, "/films/list")).isFalse();
        assertThat(allows(robots, "/films/reviews/1")).isTrue();
        assertThat(allows(robots, "/films/reviews/drafts/2")).isFalse();
        assertThat(allows(robots, "/same")).isTrue();
    }

    @Test
    void wildcardsAndEndAnchorsMatchPathAndQuery() {
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Disallow: /*.pdf$
                Disallow: /*?print=
                Disallow: /search
                """, "Filmwire");
        assertThat(allows(robots, "/posters/a.pdf")).isFalse();
        assertThat(allows(robots, "/posters/a.pdf.html")).isTrue();
        assertThat(allows(robots, "/film/1?print=yes")).isFalse();
        assertThat(allows(robots, "/film/1?page=2")).isTrue();
        assertThat(allows(robots, "/search?q=x")).isFalse();
        assertThat(allows(robots, "/robots.txt")).isTrue();
    }

    @Test
    void percentEncodingIsNormalisedOnBothSides() {
        RobotsTxt robots = RobotsTxt.parse("User-agent: *\nDisallow: /%7Ejoe/\nDisallow: /café/\nDisallow: /a%2fb\n",
                "Filmwire");
        assertThat(allows(robots, "/~joe/films")).as("%7E is ~").isFalse();
        assertThat(allows(robots, "/%7ejoe/films")).isFalse();
        assertThat(allows(robots, "/caf%C3%A9/menu")).isFalse();
        assertThat(allows(robots, "/caf%c3%a9/menu")).isFalse();
        assertThat(allows(robots, "/cafe/menu")).isTrue();
        assertThat(allows(robots, "/a/b")).as("an encoded slash is not a slash").isTrue();
    }

    @Test
    void aByteOrderMarkDoesNotHideTheFirstGroup() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "User-agent: *\nDisallow: /secret/\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);
        RobotsTxt robots = RobotsTxt.parse("https://films.example/robots.txt", content, "Filmwire");
        assertThat(allows(robots, "/secret/plans")).isFalse();
        assertThat(allows(robots, "/public")).isTrue();
    }

    @Test
    void emptyDisallowAllowsEverythingAndALongCrawlDelayIsCapped() {
        assertThat(allows(RobotsTxt.parse("User-agent: *\nDisallow:\n", "Filmwire"), "/anything")).isTrue();
        RobotsTxt slow = RobotsTxt.parse("User-agent: *\nCrawl-delay: 3600\nDisallow: /x\n", "Filmwire");
        assertThat(slow.crawlDelay()).isEqualTo(RobotsTxt.MAX_CRAWL_DELAY);
        assertThat(allows(slow, "/y")).as("a long delay does not forbid the site").isTrue();
    }

    @Test
    void aHostilePatternIsMatchedWithoutBlowingUp() {
        RobotsTxt robots = RobotsTxt.parse("User-agent: *\nDisallow: /" + "*a".repeat(40) + "b\n", "Filmwire");
        long start = System.nanoTime();
        assertThat(allows(robots, "/" + "a".repeat(5000))).isTrue();
        assertThat(allows(robots, "/" + "a".repeat(5000) + "b")).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aMissingFileAllowsEverything() {
        assertThat(allows(RobotsTxt.ALLOW_ALL, "/x")).isTrue();
    }
}
