package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.cli.FilmwireCli;
import io.filmwire.ingest.TestSite;
import io.filmwire.schema.RawPage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filmwire ingest DIR URL...} against the embedded broker and a real web site on loopback. */
class IntakeCommandIT {

    @TempDir
    static Path dataDir;

    private static IntakeHarness harness;
    private static TestSite site;

    @BeforeAll
    static void start() {
        harness = IntakeHarness.start(dataDir, Map.of());
        site = TestSite.start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    /** Runs the command line; returns exit code and stderr. */
    private static Map.Entry<Integer, String> run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = FilmwireCli.commandLine().execute(args);
            return Map.entry(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void foldersAndUrlsAreIngestedWithProgressAndFailuresNamed() throws Exception {
        String m = UUID.randomUUID().toString();
        Path dir = Files.createDirectories(dataDir.resolve("pages-" + m));
        for (int i = 1; i <= 3; i++) {
            Files.writeString(dir.resolve("page-" + i + ".html"), "<html><body>CLI page " + i + " " + m + "</body></html>");
        }
        Files.write(dir.resolve("broken.html"), new byte[] {'%', 'P', 'D', 'F', 0, 0});
        site.page("/review-" + m, "text/html; charset=utf-8", "<html><body>Fetched review " + m + "</body></html>");

        Map.Entry<Integer, String> result = run("ingest", dir.toString(), site.url("/review-" + m + "?utm_campaign=x"),
                site.url("/missing-" + m), "--bootstrap-servers", harness.bootstrapServers(),
                "--set", "ingest.fetch.allow.hosts=127.0.0.1:*", "--set", "ingest.fetch.host.delay.ms=0");
        String err = result.getValue();
        assertThat(result.getKey()).as(err).isEqualTo(1);
        assertThat(err).as("a progress line as it goes").contains("ingest: 1/6 pages, 1 failed, ");
        assertThat(err).contains("ingest: 6/6 pages, 2 failed").contains("pages/s");
        assertThat(err).contains("failed '" + dir.resolve("broken.html") + "'").contains("binary");
        assertThat(err).contains("failed '" + site.url("/missing-" + m) + "'").contains("HTTP 404");

        RawPage fetched = Await.until(java.time.Duration.ofSeconds(30), "the fetched page", () ->
                harness.pagesRaw().stream().filter(p -> p.body().contains("Fetched review " + m)).findFirst().orElse(null));
        assertThat(fetched.pageId()).isEqualTo(site.url("/review-" + m));
        assertThat(fetched.source()).isEqualTo("fetch");
        assertThat(harness.pagesRaw()).filteredOn(p -> p.body().contains(m) && p.body().contains("CLI page")).hasSize(3);
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowListed() {
        site.page("/internal", "text/html", "<html><body>internal</body></html>");
        Map.Entry<Integer, String> result = run("ingest", site.url("/internal"), "http://0177.0.0.1/internal",
                "--bootstrap-servers", harness.bootstrapServers());
        assertThat(result.getKey()).isEqualTo(1);
        assertThat(result.getValue()).as("a port not fetched on public hosts").contains("ingest.fetch.ports")
                .as("octal 0177 is 127: loopback, as a browser reads it").contains("127.0.0.1, a loopback")
                .contains("ingest.fetch.allow.hosts");
        assertThat(site.requests("/internal")).isEmpty();
    }

    @Test
    void aRedirectToAHostOffTheAllowListIsRefused() {
        String m = UUID.randomUUID().toString();
        int port = URI.create(site.url("/")).getPort();
        site.page("/target-" + m, "text/html", "<html><body>Redirect target " + m + "</body></html>");
        site.handle("/hop-" + m, ex -> TestSite.redirect(ex, 302, site.url("/target-" + m).replace("127.0.0.1", "localhost")));
        site.handle("/port-hop-" + m, ex -> TestSite.redirect(ex, 302, "http://127.0.0.1:" + (port == 65535 ? 1 : port + 1)
                + "/internal-" + m));
        Map.Entry<Integer, String> result = run("ingest", site.url("/hop-" + m), site.url("/port-hop-" + m),
                "--bootstrap-servers", harness.bootstrapServers(),
                "--set", "ingest.fetch.allow.hosts=127.0.0.1:" + port, "--set", "ingest.fetch.host.delay.ms=0");
        assertThat(result.getKey()).as(result.getValue()).isEqualTo(1);
        assertThat(result.getValue()).contains("ingest: 2/2 pages, 2 failed").contains("'localhost:" + port + "'")
                .contains("ingest.fetch.allow.hosts");
        assertThat(site.requests("/target-" + m)).as("the redirect was not followed").isEmpty();
        assertThat(harness.pagesRaw()).noneMatch(p -> p.body().contains(m));
    }

    @Test
    void anUnreachableKafkaStopsTheRunWithAClearMessage() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("unreachable"));
        for (int i = 1; i <= 20; i++) {
            Files.writeString(dir.resolve("p" + i + ".txt"), "page " + i);
        }
        Map.Entry<Integer, String> result = run("ingest", dir.toString(), "--bootstrap-servers", "127.0.0.1:1",
                "--set", "ingest.max.block.ms=300");
        assertThat(result.getKey()).isEqualTo(1);
        assertThat(result.getValue()).contains("ingest: stopped: Kafka at 127.0.0.1:1 does not acknowledge")
                .contains("ingest: 1/20 pages, 1 failed");
    }
}
