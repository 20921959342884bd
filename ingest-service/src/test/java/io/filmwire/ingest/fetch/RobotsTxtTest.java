package io.filmwire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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
        assertThat(robots.disallowingRule(URI.create("https://films.example/films/list"))).isEqualTo("/films/");
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
    void emptyDisallowAllowsEverythingAndNonAsciiRulesMatchEncodedPaths() {
        assertThat(allows(RobotsTxt.parse("User-agent: *\nDisallow:\n", "Filmwire"), "/anything")).isTrue();
        RobotsTxt robots = RobotsTxt.parse("User-agent: *\nDisallow: /café/\n", "Filmwire");
        assertThat(allows(robots, "/caf%c3%a9/menu")).isFalse();
        assertThat(allows(robots, "/cafe/menu")).isTrue();
    }

    @Test
    void aHostilePatternIsMatchedWithoutBlowingUp() {
        String pattern = "/" + "*a".repeat(40) + "b";
        String path = "/" + "a".repeat(5000);
        assertThat(RobotsTxt.matches(pattern, path)).isFalse();
        assertThat(RobotsTxt.matches(pattern, path + "b")).isTrue();
    }

    @Test
    void aMissingFileAllowsEverything() {
        assertThat(allows(RobotsTxt.ALLOW_ALL, "/x")).isTrue();
    }
}
