package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.TestSite;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.RawPage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds on the embedded broker, against a real web site on loopback: RSS 2.0, Atom, a sitemap index
 * with a plain and a gzipped sitemap, robots.txt, conditional GET, failures, restarts.
 */
class IntakeFeedIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration HOST_DELAY = Duration.ofMillis(200);

    @TempDir
    Path dataDir;

    private TestSite site;
    private IntakeHarness harness;
    private final AtomicReference<String> rssItems = new AtomicReference<>("");
    private final AtomicReference<String> indexLastmod = new AtomicReference<>("2026-11-01");
    private final AtomicReference<String> sitemapA = new AtomicReference<>("");
    private final AtomicInteger notModified = new AtomicInteger();

    @BeforeEach
    void startSite() throws Exception {
        site = TestSite.start();
        site.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        site.handle("/rss.xml", ex -> {
            String body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title>" + rssItems.get()
                    + "</channel></rss>";
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag);
            TestSite.send(ex, 200, "application/rss+xml; charset=utf-8", body);
        });
        site.page("/atom.xml", "application/atom+xml", """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Reviews</title>
                  <entry><title>Four</title><link rel="alternate" href="/films/4"/><updated>2026-11-02T00:00:00Z</updated></entry>
                </feed>""");
        site.handle("/sitemap-index.xml", ex -> TestSite.send(ex, 200, "application/xml", """
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%s</loc><lastmod>%s</lastmod></sitemap>
                  <sitemap><loc>/sitemap-b.xml.gz</loc><lastmod>2026-11-01</lastmod></sitemap>
                </sitemapindex>""".formatted(site.url("/sitemap-a.xml"), indexLastmod.get())));
        site.handle("/sitemap-a.xml", ex -> TestSite.send(ex, 200, "application/xml",
                "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + sitemapA.get() + "</urlset>"));
        site.page("/sitemap-b.xml.gz", "application/gzip", gzip("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + site.url("/films/6") + "</loc></url></urlset>"));
        for (int i = 1; i <= 8; i++) {
            site.page("/films/" + i, "text/html; charset=utf-8", "<html><head><title>Film " + i + "</title></head><body>"
                    + "<h1>Film " + i + "</h1><p>A review.</p></body></html>");
        }
        site.page("/private/3", "text/html", "<html><body>private</body></html>");
        AtomicInteger flaky = new AtomicInteger();
        site.handle("/flaky", ex -> {
            if (flaky.incrementAndGet() == 1) {
                TestSite.send(ex, 503, "text/plain", "try later");
            } else {
                TestSite.send(ex, 200, "text/html", "<html><body>flaky but fine</body></html>");
            }
        });
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        site.close();
    }

    private void startHarness() {
        harness = IntakeHarness.start(dataDir, Map.of(
                IngestConfig.FEEDS, String.join(",", site.url("/rss.xml"), site.url("/atom.xml"),
                        site.url("/sitemap-index.xml")),
                IngestConfig.FEED_INTERVAL_MS, "300",
                IngestConfig.FETCH_HOST_DELAY_MS, String.valueOf(HOST_DELAY.toMillis()),
                IngestConfig.FETCH_ALLOW_HOSTS, "127.0.0.1:*,localhost:*",
                IngestConfig.FETCH_TIMEOUT_MS, "5000",
                IngestConfig.FEED_MAX_ATTEMPTS, "3"));
    }

    private static String item(String title, String link) {
        return "<item><title>" + title + "</title><link>" + link + "</link></item>";
    }

    private static String url(String loc) {
        return "<url><loc>" + loc + "</loc></url>";
    }

    private RawPage awaitPage(String path) {
        String id = site.url(path);
        return Await.until(TIMEOUT, "page '" + id + "' on pages.raw", () ->
                harness.pagesRaw().stream().filter(p -> p.pageId().equals(id)).findFirst().orElse(null));
    }

    private DlqEntry awaitDeadLetter(String path) {
        String id = site.url(path);
        return Await.until(TIMEOUT, "dead letter of '" + id + "'", () ->
                harness.deadLetters().stream().filter(d -> id.equals(d.pageId())).findFirst().orElse(null));
    }

    private long copies(String path) {
        return harness.pagesRaw().stream().filter(p -> p.pageId().equals(site.url(path))).count();
    }

    @Test
    void everyKindOfFeedBringsItsPagesInAndWhatCannotBeHadIsDeadLettered() throws Exception {
        rssItems.set(item("Film One", site.url("/films/1")) + item("Two", site.url("/films/2?utm_source=rss#top"))
                + item("Private", site.url("/private/3")) + item("Gone", site.url("/missing"))
                + item("Flaky", site.url("/flaky")));
        sitemapA.set(url(site.url("/films/5")));
        startHarness();

        RawPage one = awaitPage("/films/1");
        assertThat(one.title()).isEqualTo("Film One");
        assertThat(one.source()).isEqualTo("feed:" + site.url("/rss.xml"));
        assertThat(one.contentType()).isEqualTo(RawPage.HTML);
        assertThat(one.body()).contains("<h1>Film 1</h1>");
        assertThat(awaitPage("/films/2").url()).isEqualTo(site.url("/films/2"));
        assertThat(awaitPage("/films/4").source()).isEqualTo("feed:" + site.url("/atom.xml"));
        assertThat(awaitPage("/films/5").source()).isEqualTo("feed:" + site.url("/sitemap-a.xml"));
        assertThat(awaitPage("/films/6").source()).isEqualTo("feed:" + site.url("/sitemap-b.xml.gz"));
        assertThat(awaitPage("/flaky").body()).contains("flaky but fine");

        DlqEntry robots = awaitDeadLetter("/private/3");
        assertThat(robots.stage()).isEqualTo("ingest");
        assertThat(robots.reason()).contains("robots.txt").contains("disallows '/private/3'");
        assertThat(robots.input()).contains(site.url("/rss.xml"));
        assertThat(site.requests("/private/3")).isEmpty();
        assertThat(awaitDeadLetter("/missing").reason()).contains("HTTP 404");
        assertThat(site.requests("/flaky")).hasSize(2);

        // the requests to the host were spaced by the per-host delay: n requests span at least n - 1
        // delays (less a second for how late the first one may have arrived on a busy machine);
        // without the delay they would all arrive within a fraction of that
        List<TestSite.Request> all = site.requests();
        Duration span = Duration.ofNanos(all.get(all.size() - 1).nanos() - all.get(0).nanos());
        assertThat(all.size()).isGreaterThan(15);
        assertThat(span).isGreaterThanOrEqualTo(HOST_DELAY.multipliedBy(all.size() - 1).minusSeconds(1));
    }

    @Test
    void pollsAreConditionalAndARestartTakesNothingInTwice() throws Exception {
        rssItems.set(item("Film One", site.url("/films/1")) + item("Film Two", site.url("/films/2")));
        sitemapA.set(url(site.url("/films/5")));
        startHarness();
        for (String path : List.of("/films/1", "/films/2", "/films/4", "/films/5", "/films/6")) {
            awaitPage(path);
        }
        Await.until(TIMEOUT, "a 304 for the RSS feed", () -> notModified.get() >= 2 ? true : null);
        Await.until(TIMEOUT, "the sitemap index read three times", () ->
                site.requests("/sitemap-index.xml").size() >= 3 ? true : null);
        assertThat(site.requests("/rss.xml").get(1).header("If-None-Match")).isNotNull();
        assertThat(site.requests("/sitemap-a.xml")).as("a child whose lastmod did not change is not read again").hasSize(1);

        harness.stopServices();
        int rssBefore = site.requests("/rss.xml").size();
        harness.startServices();
        Await.until(TIMEOUT, "the feeds polled after the restart", () ->
                site.requests("/rss.xml").size() >= rssBefore + 2 ? true : null);
        for (String path : List.of("/films/1", "/films/2", "/films/4", "/films/5", "/films/6")) {
            assertThat(site.requests(path)).as(path + " fetched once").hasSize(1);
            assertThat(copies(path)).as(path + " on pages.raw once").isEqualTo(1);
        }

        rssItems.set(rssItems.get() + item("Film Seven", site.url("/films/7")));
        sitemapA.set(sitemapA.get() + url(site.url("/films/8")));
        indexLastmod.set("2026-11-21");
        assertThat(awaitPage("/films/7").title()).isEqualTo("Film Seven");
        awaitPage("/films/8");
        assertThat(copies("/films/5")).isEqualTo(1);
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
