package io.filmwire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.TestSite;
import io.filmwire.schema.RawPage;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** robots.txt, the per-host delay and pages, against a real HTTP server on loopback. */
class PoliteFetcherTest {

    private static final long MB = 1024 * 1024;
    @AutoClose
    private final TestSite site = TestSite.start();

    private static PoliteFetcher fetcher(Duration hostDelay) {
        return new PoliteFetcher(new IngestConfig.Fetch(Duration.ofSeconds(5), 3, hostDelay,
                java.util.List.of("127.0.0.1:*", "localhost:*"), java.util.List.of(80, 443), "Filmwire/0.1 (test)"));
    }

    private RawPage page(PoliteFetcher fetcher, String path) throws Exception {
        return fetcher.fetchPage(site.url(path), "fetch", null, MB);
    }

    @Test
    void robotsTxtIsReadOnceAndItsRulesForUsAreObeyed() throws Exception {
        site.page("/robots.txt", "text/plain", """
                User-agent: *
                Disallow: /

                User-agent: filmwire
                Disallow: /drafts/
                Allow: /drafts/published
                """);
        site.page("/reviews/a", "text/html", "<html><body>A</body></html>");
        site.page("/drafts/secret", "text/html", "<html><body>secret</body></html>");
        site.page("/drafts/published-one", "text/html", "<html><body>out</body></html>");
        PoliteFetcher fetcher = fetcher(Duration.ZERO);

        assertThat(page(fetcher, "/reviews/a").body()).contains("A");
        assertThat(page(fetcher, "/drafts/published-one").body()).contains("out");
        assertThatThrownBy(() -> page(fetcher, "/drafts/secret")).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.isTransient()).isFalse();
            assertThat(e).hasMessageContaining("robots.txt").hasMessageContaining("disallows '/drafts/secret'");
        });
        assertThat(site.requests("/drafts/secret")).isEmpty();
        assertThat(site.requests("/robots.txt")).hasSize(1);
    }

    @Test
    void robotsTxtThatCannotBeReadStopsTheSiteButAMissingOneAllowsAll() throws Exception {
        site.handle("/robots.txt", ex -> TestSite.send(ex, 500, "text/plain", "down"));
        site.page("/page", "text/html", "<html><body>x</body></html>");
        PoliteFetcher fetcher = fetcher(Duration.ZERO);
        assertThatThrownBy(() -> page(fetcher, "/page")).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e).hasMessageContaining("robots.txt of '127.0.0.1' could not be read");
        });
        assertThat(site.requests("/page")).isEmpty();

        site.handle("/robots.txt", ex -> TestSite.send(ex, 404, "text/plain", "none"));
        assertThat(page(fetcher, "/page").body()).contains("x");
    }

    @Test
    void requestsToOneHostAreSpacedButOtherHostsDoNotWait() throws Exception {
        Duration delay = Duration.ofMillis(400);
        site.page("/a", "text/html", "<html>a</html>").page("/b", "text/html", "<html>b</html>");
        PoliteFetcher fetcher = fetcher(delay);
        long start = System.nanoTime();
        page(fetcher, "/a");
        page(fetcher, "/b");
        // three requests to 127.0.0.1 (robots.txt, /a, /b): the third began at least two delays after the start
        TestSite.Request b = site.requests("/b").get(0);
        assertThat(Duration.ofNanos(b.nanos() - start)).isGreaterThanOrEqualTo(delay.multipliedBy(2));
        assertThat(fetcher.waitFor(URI.create(site.url("/c")))).isPositive();
        assertThat(fetcher.waitFor(URI.create(site.url("localhost", "/c")))).isZero();
    }

    @Test
    void aLongerCrawlDelayWins() throws Exception {
        site.page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 3\n");
        site.page("/a", "text/html", "<html>a</html>");
        PoliteFetcher fetcher = fetcher(Duration.ofMillis(10));
        page(fetcher, "/a");
        assertThat(fetcher.waitFor(URI.create(site.url("/a")))).isGreaterThan(Duration.ofSeconds(2));
    }

    @Test
    void aPageIsFetchedAtItsCanonicalUrlAndKeyedByWhereItEndedUp() throws Exception {
        site.page("/film", "text/html", "<html><body>film</body></html>");
        site.handle("/old", ex -> TestSite.redirect(ex, 301, "/film?id=3&utm_medium=email"));
        PoliteFetcher fetcher = fetcher(Duration.ZERO);

        RawPage direct = fetcher.fetchPage(site.url("/film?utm_source=rss&id=3#comments"), "feed:x", "The Film", MB);
        assertThat(site.requests("/film").get(0).pathAndQuery()).isEqualTo("/film?id=3");
        assertThat(direct.pageId()).isEqualTo(site.url("/film?id=3"));
        assertThat(direct.url()).isEqualTo(direct.pageId());
        assertThat(direct.title()).isEqualTo("The Film");
        assertThat(direct.source()).isEqualTo("feed:x");
        assertThat(direct.fetchedAt()).isNotNull();
        assertThat(direct.contentType()).isEqualTo(RawPage.HTML);

        RawPage moved = page(fetcher, "/old");
        assertThat(moved.pageId()).isEqualTo(site.url("/film?id=3"));
    }

    @Test
    void charsetsAreDetectedFromTheHeaderTheMetaTagOrTheBytes() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        String text = "Am\u00e9lie \u2014 caf\u00e9";
        site.page("/header", "text/html; charset=windows-1252", ("<html><body>" + text + "</body></html>").getBytes(cp1252));
        site.page("/meta", "text/html", ("<html><head><meta charset=\"windows-1252\"></head><body>" + text + "</body></html>")
                .getBytes(cp1252));
        site.page("/utf8", "text/html", ("<html><body>" + text + "</body></html>").getBytes(StandardCharsets.UTF_8));
        site.page("/undeclared", "text/plain", text.getBytes(cp1252));
        PoliteFetcher fetcher = fetcher(Duration.ZERO);
        for (String path : new String[] {"/header", "/meta", "/utf8", "/undeclared"}) {
            assertThat(page(fetcher, path).body()).as(path).contains(text);
        }
        assertThat(page(fetcher, "/undeclared").contentType()).isEqualTo(RawPage.TEXT);
    }

    @Test
    void whatIsNotAPageIsRefusedWithTheReason() {
        site.page("/poster.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        site.page("/fake.html", "text/html", new byte[] {'%', 'P', 'D', 'F', '-', '1', 0, 1, 2});
        site.page("/empty", "text/html", new byte[0]);
        PoliteFetcher fetcher = fetcher(Duration.ZERO);
        assertThatThrownBy(() -> page(fetcher, "/poster.png")).hasMessageContaining("image/png, not a page");
        assertThatThrownBy(() -> page(fetcher, "/fake.html")).hasMessageContaining("binary");
        assertThatThrownBy(() -> page(fetcher, "/empty")).hasMessageContaining("empty body");
        assertThatThrownBy(() -> fetcher.fetchPage("not a url", "fetch", null, MB))
                .hasMessageContaining("not an absolute http:// or https:// URL");
    }

    @Test
    void theRobotsCacheIsBoundedInBytes() throws Exception {
        // 80 KB of rules each: two origins do not fit in a budget of 100 KB, so the older is read again
        site.page("/robots.txt", "text/plain", "User-agent: *\n" + "Disallow: /not-here-at-all/\n".repeat(3_000));
        site.page("/a", "text/html", "<html><body>a</body></html>");
        PoliteFetcher fetcher = new PoliteFetcher(new IngestConfig.Fetch(Duration.ofSeconds(5), 3, Duration.ZERO,
                java.util.List.of("127.0.0.1:*", "localhost:*"), java.util.List.of(80, 443), "Filmwire/0.1 (test)"),
                100 * 1024);
        try (fetcher) {
            fetcher.fetchPage(site.url("/a"), "fetch", null, MB);
            fetcher.fetchPage(site.url("/a"), "fetch", null, MB);
            assertThat(site.requests("/robots.txt")).as("cached while it fits").hasSize(1);
            fetcher.fetchPage(site.url("localhost", "/a"), "fetch", null, MB);
            assertThat(fetcher.robotsCached()).isEqualTo(1);
            fetcher.fetchPage(site.url("/a"), "fetch", null, MB);
            assertThat(site.requests("/robots.txt")).as("the older origin's file was dropped").hasSize(3);
        }
    }
}
