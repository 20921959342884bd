package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.common.KafkaSettings;
import io.filmwire.common.Settings;
import io.filmwire.common.http.BearerToken;
import io.filmwire.common.http.HttpConfig;
import io.filmwire.common.http.Role;
import io.filmwire.ingest.IngestConfig;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import io.filmwire.standalone.Services.Part;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /pages on the embedded broker: what is taken in, what is refused and why, and the bearer token. */
class IntakeHttpIT {

    private static final String TOKEN = "s3cret-" + UUID.randomUUID();
    private static final String AUTH = "Bearer " + TOKEN;
    private static final String EDITOR_TOKEN = "fw_editor-" + UUID.randomUUID();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private static IntakeHarness harness;

    @BeforeAll
    static void start() {
        harness = IntakeHarness.start(dataDir, Map.of(
                HttpConfig.AUTH_TOKENS, BearerToken.of("feeder", EnumSet.of(Role.OPERATOR), TOKEN).entry() + ","
                        + BearerToken.of("ann", EnumSet.of(Role.EDITOR), EDITOR_TOKEN).entry(),
                IngestConfig.MAX_PAGE_BYTES, "4096"));
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static HttpResponse<String> post(String path, String contentType, byte[] body, String... more) throws Exception {
        String[] headers = new String[4 + more.length];
        headers[0] = "Authorization";
        headers[1] = AUTH;
        headers[2] = "Content-Type";
        headers[3] = contentType;
        System.arraycopy(more, 0, headers, 4, more.length);
        return harness.post(path, body, headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static RawPage onPagesRaw(String pageId) {
        return Await.until(TIMEOUT, "page '" + pageId + "' on pages.raw", () ->
                harness.pagesRaw().stream().filter(p -> p.pageId().equals(pageId)).findFirst().orElse(null));
    }

    @Test
    void htmlTextJsonAndGzippedPagesAreAnsweredWithTheirIdOnceKafkaHasThem() throws Exception {
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> html = post("/pages?url=https://films.example/review/" + marker + "%3Futm_source%3Dx",
                "text/html; charset=utf-8", utf8("<html><body><h1>Review " + marker + "</h1></body></html>"));
        assertThat(html.statusCode()).isEqualTo(202);
        JsonNode answer = Json.mapper().readTree(html.body());
        assertThat(answer.path("pageId").asText()).isEqualTo("https://films.example/review/" + marker);
        assertThat(answer.has("partition")).isTrue();
        assertThat(answer.path("offset").asLong(-1)).isGreaterThanOrEqualTo(0);
        RawPage htmlPage = onPagesRaw(answer.path("pageId").asText());
        assertThat(htmlPage.contentType()).isEqualTo(RawPage.HTML);
        assertThat(htmlPage.source()).isEqualTo("http");
        assertThat(htmlPage.body()).contains("Review " + marker);

        HttpResponse<String> text = post("/pages", "text/plain", utf8("Notes " + marker + "\n2018 • 24 min"));
        assertThat(text.statusCode()).isEqualTo(202);
        RawPage textPage = onPagesRaw(Json.mapper().readTree(text.body()).path("pageId").asText());
        assertThat(textPage.pageId()).startsWith("sha256:");
        assertThat(textPage.contentType()).isEqualTo(RawPage.TEXT);
        assertThat(textPage.body()).isEqualTo("Notes " + marker + "\n2018 • 24 min");

        String json = Json.write(Map.of("url", "https://films.example/json/" + marker, "source", "scraper:nightly",
                "fetchedAt", "2026-11-20T08:30:00Z", "title", "JSON " + marker, "body", "<html><p>json</p></html>"));
        HttpResponse<String> raw = post("/pages", "application/json", utf8(json));
        assertThat(raw.statusCode()).isEqualTo(202);
        RawPage jsonPage = onPagesRaw("https://films.example/json/" + marker);
        assertThat(jsonPage.source()).isEqualTo("scraper:nightly");
        assertThat(jsonPage.fetchedAt()).isEqualTo(Instant.parse("2026-11-20T08:30:00Z"));
        assertThat(jsonPage.title()).isEqualTo("JSON " + marker);
        assertThat(jsonPage.receivedAt()).isAfter(jsonPage.fetchedAt());

        HttpResponse<String> gz = post("/pages?url=https://films.example/gz/" + marker, "text/html",
                gzip(utf8("<html><body>packed " + marker + "</body></html>")), "Content-Encoding", "gzip");
        assertThat(gz.statusCode()).isEqualTo(202);
        assertThat(onPagesRaw("https://films.example/gz/" + marker).body()).contains("packed " + marker);
    }

    @Test
    void badRequestsAreRefusedWithJsonThatSaysWhatToFixAndNothingReachesKafka() throws Exception {
        int before = harness.pagesRaw().size();
        String big = "<html><body>" + "x".repeat(5000) + "</body></html>";
        record Case(String contentType, byte[] body, int status, String error, String says, String[] headers) {
        }
        List<Case> cases = List.of(
                new Case("application/json", utf8("{\"url\": "), 400, "malformed_json", "line 1", new String[0]),
                new Case("application/json", utf8("[1, 2]"), 400, "malformed_json", "JSON object", new String[0]),
                new Case("application/json", utf8("{\"url\": \"https://a.example/\"}"), 400, "missing_body", "\"body\"",
                        new String[0]),
                new Case("application/json", utf8("{\"body\": \"x\", \"fetchedAt\": \"yesterday\"}"), 400, "bad_field",
                        "ISO-8601", new String[0]),
                new Case("application/json", utf8("{\"body\": \"x\", \"url\": 42}"), 400, "bad_field", "must be a string",
                        new String[0]),
                new Case("application/json", utf8("{\"body\": \"x\", \"url\": \"ftp://a.example/\"}"), 400, "bad_url",
                        "http://", new String[0]),
                new Case("text/html", new byte[0], 400, "empty_body", "no body", new String[0]),
                new Case("text/html", utf8(big), 413, "page_too_large", "ingest.max.page.bytes", new String[0]),
                new Case("text/html", gzip(utf8(big)), 413, "page_too_large", "decompressed",
                        new String[] {"Content-Encoding", "gzip"}),
                new Case("text/html", utf8("<p>x</p>"), 415, "unsupported_encoding", "uncompressed",
                        new String[] {"Content-Encoding", "br"}),
                new Case("application/pdf", utf8("%PDF-1.7"), 415, "unsupported_media_type", "text/html", new String[0]),
                new Case("text/html", new byte[] {'%', 'P', 'D', 'F', 0, 1}, 415, "binary_content", "binary", new String[0]));
        for (Case c : cases) {
            HttpResponse<String> r = post("/pages", c.contentType(), c.body(), c.headers());
            assertThat(r.statusCode()).as(c.error()).isEqualTo(c.status());
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode error = Json.mapper().readTree(r.body());
            assertThat(error.path("error").asText()).as(r.body()).isEqualTo(c.error());
            assertThat(error.path("message").asText()).as(c.error()).contains(c.says());
        }
        HttpResponse<String> badQueryUrl = post("/pages?url=not-a-url", "text/html", utf8("<p>x</p>"));
        assertThat(badQueryUrl.statusCode()).isEqualTo(400);
        assertThat(harness.pagesRaw()).hasSize(before);
    }

    @Test
    void anOperatorsTokenIsRequiredForPagesOnly() throws Exception {
        byte[] page = utf8("<html><body>token " + UUID.randomUUID() + "</body></html>");
        HttpResponse<String> none = harness.post("/pages", page, "Content-Type", "text/html");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(Json.mapper().readTree(none.body()).path("message").asText()).contains("operator");
        HttpResponse<String> editor = harness.post("/pages", page, "Content-Type", "text/html", "Authorization",
                "Bearer " + EDITOR_TOKEN);
        assertThat(editor.statusCode()).as("an editor's token has not the role").isEqualTo(403);
        HttpResponse<String> crossSite = harness.post("/pages", page, "Content-Type", "text/plain", "Authorization", AUTH,
                "Origin", "https://elsewhere.example");
        assertThat(crossSite.statusCode()).as("a page of another site").isEqualTo(403);
        HttpResponse<String> wrong = harness.post("/pages/", page, "Content-Type", "text/html", "Authorization", "Bearer nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Json.mapper().readTree(wrong.body()).path("error").asText()).isEqualTo("invalid_token");
        assertThat(post("/pages", "text/html", page).statusCode()).isEqualTo(202);
        assertThat(harness.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aServerOffLoopbackWithoutATokenDoesNotStart() {
        Settings exposed = Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, dataDir.resolve("exposed").toString(),
                StandaloneConfig.HTTP_HOST, "0.0.0.0",
                StandaloneConfig.HTTP_PORT, "0",
                KafkaSettings.BOOTSTRAP_SERVERS, harness.bootstrapServers()));
        assertThatThrownBy(() -> Services.start(exposed, EnumSet.of(Part.INGEST, Part.HTTP)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'0.0.0.0'")
                .hasMessageContaining("http.auth.tokens")
                .hasMessageContaining("FILMWIRE_HTTP_AUTH_TOKENS");
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
