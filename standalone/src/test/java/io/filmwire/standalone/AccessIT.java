package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.common.Settings;
import io.filmwire.common.http.BearerToken;
import io.filmwire.common.http.HttpConfig;
import io.filmwire.common.http.Role;
import io.filmwire.schema.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone with tokens, on the embedded broker: writes without a token, with the wrong role
 * or from another site are refused and change nothing; an editor's override carries the token's
 * name; reads need a token; and 32 slow clients do not stop /health from answering.
 */
class AccessIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ANN = BearerToken.generate();
    private static final String OPS = BearerToken.generate();
    private static final String FILM_URL = "https://access.example/harbour-lights";

    @TempDir
    static Path dataDir;

    private static Standalone standalone;
    private static String filmId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        standalone = Standalone.start(Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                StandaloneConfig.BROKER_PORT, "0",
                HttpConfig.PORT, "0",
                HttpConfig.AUTH_TOKENS, BearerToken.of("ann", EnumSet.of(Role.EDITOR), ANN).entry() + ","
                        + BearerToken.of("ops", EnumSet.of(Role.OPERATOR), OPS).entry(),
                HttpConfig.AUTH_READS, "true")), true);
        AccessIT test = new AccessIT();
        HttpResponse<String> posted = test.send("POST", "/pages?url=" + FILM_URL, OPS, "text/html",
                "<html><head><title>Harbour Lights (2004)</title><script type=\"application/ld+json\">{\"@type\":"
                        + "\"Movie\",\"name\":\"Harbour Lights\",\"datePublished\":\"2004\",\"duration\":\"PT88M\"}"
                        + "</script></head><body><article><h1>Harbour Lights</h1><p>A quiet film about a port.</p>"
                        + "</article></body></html>");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        filmId = Await.until(TIMEOUT, "the film published", () -> {
            try {
                HttpResponse<String> r = test.send("GET", "/api/films?q=Harbour", ANN, null, null);
                JsonNode films = r.statusCode() == 200 ? Json.mapper().readTree(r.body()).path("films") : null;
                return films != null && films.size() > 0 ? films.get(0).path("id").asText() : null;
            } catch (Exception e) {
                return null;
            }
        });
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String type, String body,
                                      String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standalone.services().httpPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String overrides() throws Exception {
        return send("GET", "/api/films/" + filmId + "/overrides", ANN, null, null).body();
    }

    @Test
    void writesWithoutATokenWithTheWrongRoleOrFromAnotherSiteAreRefused() throws Exception {
        String path = "/api/films/" + filmId + "/overrides";
        String year = "{\"field\":\"year\",\"value\":1901,\"reason\":\"attack\"}";
        assertThat(send("POST", path, null, "application/json", year).statusCode()).as("no token").isEqualTo(401);
        assertThat(send("POST", path, "fw_guessed", "application/json", year).statusCode()).as("unknown token").isEqualTo(401);
        HttpResponse<String> wrongRole = send("POST", path, OPS, "application/json", year);
        assertThat(wrongRole.statusCode()).as("an operator is no editor").isEqualTo(403);
        // what a page on another origin can send without a CORS preflight: a form post, or text/plain
        assertThat(send("POST", path, null, "application/x-www-form-urlencoded", "field=year&value=1901",
                "Origin", "https://evil.example").statusCode()).as("cross-site form post").isEqualTo(403);
        assertThat(send("POST", path, ANN, "text/plain", year, "Origin", "https://evil.example").statusCode())
                .as("cross-site, even with a token").isEqualTo(403);
        assertThat(send("POST", path, ANN, "text/plain", year).statusCode()).as("text/plain is no JSON").isEqualTo(415);
        assertThat(send("DELETE", path + "/year?reason=x", null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/dlq/some-id/replay", ANN, "application/json", "{}").statusCode())
                .as("an editor may not replay").isEqualTo(403);
        assertThat(send("POST", "/api/dlq/some-id/replay", null, "application/json", "{}").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/pages", ANN, "text/html", "<p>x</p>").statusCode()).as("an editor sends no pages")
                .isEqualTo(403);
        assertThat(overrides()).doesNotContain("1901");
    }

    @Test
    void theEditorIsTheTokensHolderAndReadsNeedAToken() throws Exception {
        String path = "/api/films/" + filmId + "/overrides";
        HttpResponse<String> impostor = send("POST", path, ANN, "application/json",
                "{\"field\":\"runtimeMinutes\",\"value\":90,\"reason\":\"r\",\"editor\":\"mallory\"}");
        assertThat(impostor.statusCode()).isEqualTo(400);
        assertThat(impostor.body()).contains("editor_mismatch").contains("'ann'");
        HttpResponse<String> set = send("POST", path, ANN, "application/json",
                "{\"field\":\"runtimeMinutes\",\"value\":90,\"reason\":\"festival print\"}",
                "Origin", "http://127.0.0.1:" + standalone.services().httpPort());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(202);
        assertThat(Json.mapper().readTree(set.body()).path("fields").path("runtimeMinutes").path("editor").asText())
                .isEqualTo("ann");

        assertThat(send("GET", "/api/films/" + filmId, null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/dlq", null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/metrics", null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/films/" + filmId, OPS, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> page = send("GET", "/", null, null, null);
        assertThat(page.statusCode()).as("the page holds no data").isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(send("GET", "/health", null, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void thirtyTwoSlowClientsDoNotStopHealthFromAnswering() throws Exception {
        int port = standalone.services().httpPort();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                Socket s = new Socket();
                // half from one address (the per-client bound closes most of those), half from addresses of their
                // own; none from 127.0.0.1, which the other tests of this class use on the same server
                s.bind(new InetSocketAddress(i < 16 ? "127.0.0.2" : "127.0.0." + (10 + i), 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                OutputStream out = s.getOutputStream();
                String head = i % 2 == 0
                        ? "POST /pages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + OPS + "\r\nContent-Type: text/html\r\n"
                        + "Content-Length: 100000\r\n\r\n<html>"
                        : "GET /api/films HTTP/1.1\r\nHost: x\r\nX-Slow: ";
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                slow.add(s);
            }
            for (int probe = 0; probe < 5; probe++) {
                long start = System.nanoTime();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + standalone.services().healthPort() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
                for (Socket s : slow) {
                    if (!s.isClosed()) {
                        try {
                            s.getOutputStream().write('a');
                        } catch (IOException closedByServer) {
                            // the bound or a timeout cut it: fine
                        }
                    }
                }
                Thread.sleep(300);
            }
            try (Socket other = new Socket()) {
                other.bind(new InetSocketAddress("127.0.0.99", 0));
                other.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                other.setSoTimeout(2_000);
                other.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                byte[] answer = other.getInputStream().readNBytes(12);
                assertThat(new String(answer, StandardCharsets.ISO_8859_1)).as("another client on the main port")
                        .isEqualTo("HTTP/1.1 200");
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }
}
