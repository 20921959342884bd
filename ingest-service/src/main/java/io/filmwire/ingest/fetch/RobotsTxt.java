package io.filmwire.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one site's robots.txt for one crawler, read by crawler-commons' RFC 9309 parser:
 * the group naming the crawler's product token, else {@code *}; the longest matching rule wins,
 * Allow on a tie; {@code *} and {@code $} in patterns; paths and rules compared after
 * percent-encoding is normalised ({@code /%7Ejoe/} is {@code /~joe/}, {@code /café/} is
 * {@code /caf%C3%A9/}); a UTF-8 byte-order mark is skipped; {@code Crawl-delay} kept, up to 60 s.
 * Immutable and thread-safe.
 */
public final class RobotsTxt {

    /** What a site without a usable robots.txt allows: everything. */
    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));
    /** The longest Crawl-delay honoured. */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);

    private final BaseRobotRules rules;

    private RobotsTxt(BaseRobotRules rules) {
        this.rules = rules;
    }

    /**
     * The rules of the robots.txt at {@code robotsUrl} with {@code content} for the crawler named
     * {@code agent} (its product token, such as {@code Filmwire}).
     */
    public static RobotsTxt parse(String robotsUrl, byte[] content, String agent) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(MAX_CRAWL_DELAY.toMillis(), 10);
        // a longer Crawl-delay would make the parser disallow everything; it is capped below instead
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
        return new RobotsTxt(parser.parseContent(robotsUrl, content, "text/plain",
                List.of(agent.toLowerCase(Locale.ROOT))));
    }

    /** The rules of {@code text} (a robots.txt of {@code https://films.example}), for tests and tools. */
    public static RobotsTxt parse(String text, String agent) {
        return parse("https://films.example/robots.txt", text.getBytes(StandardCharsets.UTF_8), agent);
    }

    /** True when the crawler may fetch {@code url}. */
    public boolean allows(URI url) {
        return rules.isAllowed(url.toString());
    }

    /** The site's Crawl-delay for this crawler (at most {@link #MAX_CRAWL_DELAY}), or null when it sets none. */
    public Duration crawlDelay() {
        long delay = rules.getCrawlDelay();
        if (delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay < 0) {
            return null;
        }
        Duration d = Duration.ofMillis(delay);
        return d.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : d;
    }
}
