package io.filmwire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filmwire.ingest.IngestConfig;
import io.filmwire.ingest.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on loopback. */
class UrlFetcherTest {

    private static final long MB = 1024 * 1024;
    @AutoClose
    private final TestSite site = TestSite.start();

    /** The test site's hosts on any port, when {@code allowLoopback}; nothing but public hosts otherwise. */
    static IngestConfig.Fetch config(Duration timeout, int maxRedirects, boolean allowLoopback) {
        return new IngestConfig.Fetch(timeout, maxRedirects, Duration.ZERO,
                allowLoopback ? List.of("127.0.0.1:*", "localhost:*") : List.of(), List.of(80, 443), "Filmwire/0.1 (test)");
    }

    private static UrlFetcher fetcher(Duration timeout, int maxRedirects) {
        return new UrlFetcher(config(timeout, maxRedirects, true));
    }

    private static UrlFetcher fetcher(List<String> allowHosts) {
        return new UrlFetcher(new IngestConfig.Fetch(Duration.ofSeconds(5), 3, Duration.ZERO, allowHosts, List.of(80, 443),
                "Filmwire/0.1 (test)"));
    }

    private UrlFetcher.Response get(UrlFetcher fetcher, String path, long maxBytes) throws Exception {
        return fetcher.get(URI.create(site.url(path)), maxBytes, UrlFetcher.ACCEPT_PAGES, UrlFetcher.Validators.NONE);
    }

    @Test
    void redirectsAreFollowedRelativeAndAbsoluteUpToTheLimit() throws Exception {
        site.handle("/r1", ex -> TestSite.redirect(ex, 302, "r2"))
                .handle("/r2", ex -> TestSite.redirect(ex, 301, site.url("/final")))
                .page("/final", "text/html; charset=utf-8", "<p>here</p>")
                .handle("/loop", ex -> TestSite.redirect(ex, 307, "/loop"));

        UrlFetcher.Response ok = get(fetcher(Duration.ofSeconds(5), 2), "/r1", MB);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.url().toString()).isEqualTo(site.url("/final"));
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("<p>here</p>");
        assertThat(ok.mediaType()).isEqualTo("text/html");
        assertThat(ok.charset()).isEqualTo("utf-8");

        assertThatThrownBy(() -> get(fetcher(Duration.ofSeconds(5), 1), "/r1", MB))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("more than 1 redirects")
                .satisfies(e -> assertThat(((FetchException) e).isTransient()).isFalse());
        int before = site.requests("/loop").size();
        assertThatThrownBy(() -> get(fetcher(Duration.ofSeconds(5), 5), "/loop", MB))
                .isInstanceOf(FetchException.class).hasMessageContaining("more than 5 redirects");
        assertThat(site.requests("/loop").size() - before).isEqualTo(6);
    }

    @Test
    void aConditionalGetSendsTheValidatorsAndComesBackNotModified() throws Exception {
        site.handle("/feed.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Sat, 21 Nov 2026 10:00:00 GMT");
            TestSite.send(ex, 200, "application/rss+xml", "<rss/>");
        });
        UrlFetcher fetcher = fetcher(Duration.ofSeconds(5), 0);
        UrlFetcher.Response first = get(fetcher, "/feed.xml", MB);
        assertThat(first.validators()).isEqualTo(new UrlFetcher.Validators("\"v1\"", "Sat, 21 Nov 2026 10:00:00 GMT"));

        UrlFetcher.Response second = fetcher.get(URI.create(site.url("/feed.xml")), MB, UrlFetcher.ACCEPT_FEEDS,
                first.validators());
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
        TestSite.Request conditional = site.requests("/feed.xml").get(1);
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo("Sat, 21 Nov 2026 10:00:00 GMT");
        assertThat(conditional.header("User-Agent")).isEqualTo("Filmwire/0.1 (test)");
    }

    @Test
    void aSlowAnswerOrASlowBodyTimesOutAsAPassingFailure() {
        site.handle("/silent", ex -> sleep(5_000));
        site.handle("/trickle", ex -> {
            ex.sendResponseHeaders(200, 10_000);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 50; i++) {
                out.write(new byte[10]);
                out.flush();
                sleep(100);
            }
        });
        UrlFetcher fetcher = fetcher(Duration.ofMillis(600), 0);
        for (String path : new String[] {"/silent", "/trickle"}) {
            assertThatThrownBy(() -> get(fetcher, path, MB))
                    .as(path)
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("within 600 ms")
                    .satisfies(e -> assertThat(((FetchException) e).isTransient()).isTrue());
        }
    }

    @Test
    void aHugeBodyIsRefusedByItsLengthOrCutOffWhileReading() {
        AtomicLong written = new AtomicLong();
        site.handle("/declared", ex -> {
            ex.sendResponseHeaders(200, 500 * MB);
            ex.getResponseBody().write(new byte[1024]);
        });
        site.handle("/endless", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked, no length
            byte[] chunk = new byte[64 * 1024];
            OutputStream out = ex.getResponseBody();
            try {
                while (written.get() < 1024 * MB) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException stoppedByClient) {
                // the fetcher hung up: what the test wants
            }
        });
        UrlFetcher fetcher = fetcher(Duration.ofSeconds(20), 0);
        assertThatThrownBy(() -> get(fetcher, "/declared", MB))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("over the limit of 1048576 bytes").hasMessageContaining("Content-Length: 524288000")
                .satisfies(e -> assertThat(((FetchException) e).isTransient()).isFalse());
        assertThatThrownBy(() -> get(fetcher, "/endless", MB))
                .isInstanceOf(FetchException.class).hasMessageContaining("over the limit of 1048576 bytes");
        // the transfer was stopped, not read to its end
        sleep(500);
        assertThat(written.get()).isLessThan(256 * MB);
    }

    @Test
    void gzipIsDecodedWithinTheLimitAndABombIsRefused() throws Exception {
        site.handle("/gz", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSite.send(ex, 200, "text/html", gzip("<p>packed</p>".getBytes(StandardCharsets.UTF_8)));
        });
        site.handle("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSite.send(ex, 200, "text/html", gzip(new byte[(int) (8 * MB)]));
        });
        UrlFetcher fetcher = fetcher(Duration.ofSeconds(5), 0);
        assertThat(new String(get(fetcher, "/gz", MB).body(), StandardCharsets.UTF_8)).isEqualTo("<p>packed</p>");
        assertThat(site.requests("/gz").get(0).header("Accept-Encoding")).isEqualTo("gzip");
        assertThatThrownBy(() -> get(fetcher, "/bomb", MB))
                .isInstanceOf(FetchException.class).hasMessageContaining("once decompressed");
    }

    @Test
    void statusesAreSortedIntoPassingAndLastingFailures() {
        site.handle("/busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "7");
            TestSite.send(ex, 503, "text/plain", "busy");
        });
        site.handle("/gone", ex -> TestSite.send(ex, 410, "text/plain", "gone"));
        UrlFetcher fetcher = fetcher(Duration.ofSeconds(5), 0);
        assertThatThrownBy(() -> get(fetcher, "/busy", MB)).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            assertThat(e).hasMessageContaining("HTTP 503");
        });
        assertThatThrownBy(() -> get(fetcher, "/gone", MB)).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.isTransient()).isFalse();
            assertThat(e).hasMessageContaining("HTTP 410");
        });
        assertThatThrownBy(() -> get(fetcher, "/nowhere", MB)).hasMessageContaining("HTTP 404");
    }

    @Test
    void loopbackAndPrivateAddressesAreRefusedUnlessAllowListed() {
        site.page("/page", "text/html", "<p>internal</p>");
        UrlFetcher strict = new UrlFetcher(config(Duration.ofSeconds(5), 3, false));
        assertThatThrownBy(() -> get(strict, "/page", MB)).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.isTransient()).isFalse();
            assertThat(e).hasMessageContaining("ingest.fetch");
        });
        assertThat(site.requests()).isEmpty();
        assertThatThrownBy(() -> strict.get(URI.create("http://192.168.1.10/"), MB, UrlFetcher.ACCEPT_PAGES,
                UrlFetcher.Validators.NONE)).hasMessageContaining("private (192.168.0.0/16)");
        assertThatThrownBy(() -> strict.get(URI.create("http://0177.0.0.1/"), MB, UrlFetcher.ACCEPT_PAGES,
                UrlFetcher.Validators.NONE)).as("octal, as a browser reads it").hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.get(URI.create("http://198.18.0.1/"), MB, UrlFetcher.ACCEPT_PAGES,
                UrlFetcher.Validators.NONE)).hasMessageContaining("benchmarking");
        assertThatThrownBy(() -> strict.get(URI.create("ftp://example.org/x"), MB, UrlFetcher.ACCEPT_PAGES,
                UrlFetcher.Validators.NONE)).hasMessageContaining("http://");
        strict.close();
    }

    @Test
    void theAllowListNamesHostAndPortAndEveryRedirectIsCheckedAgainstIt() throws Exception {
        int port = URI.create(site.url("/")).getPort();
        site.page("/page", "text/html", "<p>allowed</p>")
                .handle("/to-other-host", ex -> TestSite.redirect(ex, 302, site.url("/page").replace("127.0.0.1", "localhost")))
                .handle("/to-other-port", ex -> TestSite.redirect(ex, 302, "http://127.0.0.1:" + (port == 65535 ? 1 : port + 1)
                        + "/admin"));
        try (UrlFetcher onePort = fetcher(List.of("127.0.0.1:" + port))) {
            assertThat(get(onePort, "/page", MB).status()).isEqualTo(200);
            assertThatThrownBy(() -> get(onePort, "/to-other-host", MB)).isInstanceOfSatisfying(FetchException.class,
                    e -> assertThat(e).hasMessageContaining("'localhost:" + port + "'").hasMessageContaining("ingest.fetch.allow.hosts"));
            assertThatThrownBy(() -> get(onePort, "/to-other-port", MB)).hasMessageContaining(":" + (port == 65535 ? 1 : port + 1))
                    .hasMessageContaining("ingest.fetch.allow.hosts");
        }
        try (UrlFetcher defaultPortsOnly = fetcher(List.of("127.0.0.1"))) {
            assertThatThrownBy(() -> get(defaultPortsOnly, "/page", MB)).as("an entry without a port means 80 and 443")
                    .hasMessageContaining("port " + port);
        }
        assertThat(site.requests("/admin")).isEmpty();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
