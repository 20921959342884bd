package io.filmwire.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filmwire.common.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens, roles, origins and JSON-only writes, on a real HTTP server on loopback. */
class AccessPolicyTest {

    private static final String ANN = "fw_ann-secret";
    private static final String OPS = "fw_ops-secret";

    private HttpService server;
    private final HttpClient client = HttpClient.newHttpClient();

    private void start(boolean readsNeedToken) {
        AccessPolicy policy = new AccessPolicy(List.of(
                BearerToken.of("ann", EnumSet.of(Role.EDITOR), ANN),
                BearerToken.of("ops", EnumSet.of(Role.OPERATOR), OPS)), readsNeedToken, List.of("https://console.example.org"));
        Router router = new Router(policy)
                .add("POST", "/api/films/{id}/overrides", Access.writeJson(Role.EDITOR),
                        (ex, p) -> HttpJson.send(ex, 202, Map.of("editor", AccessPolicy.principal(ex).name())))
                .add("POST", "/api/dlq/{id}/replay", (ex, p) -> HttpJson.send(ex, 202, Map.of("ok", true)))
                .add("GET", "/api/films", (ex, p) -> HttpJson.send(ex, 200, Map.of("films", List.of())))
                .add("GET", "/health", Access.OPEN, (ex, p) -> HttpJson.send(ex, 200, Map.of("status", "UP")));
        server = HttpService.start("127.0.0.1", 0, router, 4);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String type, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"field\":\"year\",\"value\":1901,\"reason\":\"r\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWriteNeedsATokenOfItsRoleAndTheEditorIsTheTokensName() throws Exception {
        start(false);
        String path = "/api/films/film-x/overrides";
        HttpResponse<String> none = send("POST", path, null, "application/json");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"filmwire\"");
        assertThat(none.body()).contains("\"error\":\"unauthorized\"").contains("editor");
        assertThat(send("POST", path, "fw_guess", "application/json").body()).contains("invalid_token");
        HttpResponse<String> wrongRole = send("POST", path, OPS, "application/json");
        assertThat(wrongRole.statusCode()).isEqualTo(403);
        assertThat(wrongRole.body()).contains("'ops'").contains("needs editor");
        assertThat(send("POST", "/api/dlq/x/replay", ANN, "application/json").statusCode())
                .as("an editor may not replay").isEqualTo(403);
        HttpResponse<String> ok = send("POST", path, ANN, "application/json; charset=utf-8");
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(ok.body()).contains("\"editor\":\"ann\"");
        assertThat(send("POST", "/api/dlq/x/replay", OPS, "application/json").statusCode()).isEqualTo(202);
        assertThat(send("GET", "/api/films", null, null).statusCode()).as("reads are open by default").isEqualTo(200);
    }

    @Test
    void noWriteComesFromAnotherSiteOrAsAFormOrPlainText() throws Exception {
        start(false);
        String path = "/api/films/film-x/overrides";
        assertThat(send("POST", path, ANN, "text/plain").statusCode()).as("CORS-simple body").isEqualTo(415);
        assertThat(send("POST", path, ANN, "application/x-www-form-urlencoded").statusCode()).isEqualTo(415);
        assertThat(send("POST", path, ANN, null).statusCode()).isEqualTo(415);
        HttpResponse<String> foreign = send("POST", path, ANN, "application/json", "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("foreign_origin").contains("http.allowed.origins");
        assertThat(send("POST", path, ANN, "application/json", "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(send("POST", path, ANN, "application/json", "Sec-Fetch-Site", "cross-site").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", path, ANN, "application/json", "Origin", "http://127.0.0.1:" + server.port())
                .statusCode()).as("the server's own page").isEqualTo(202);
        assertThat(send("POST", path, ANN, "application/json", "Origin", "https://console.example.org").statusCode())
                .as("a listed origin").isEqualTo(202);
    }

    @Test
    void readsNeedATokenWhenConfiguredButHealthStaysOpen() throws Exception {
        start(true);
        assertThat(send("GET", "/api/films", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/films", ANN, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/films", OPS, null).statusCode()).isEqualTo(200);
        HttpResponse<String> health = send("GET", "/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(health.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
    }

    @Test
    void tokensAreConfiguredHashedWithNamesAndRoles() {
        String token = BearerToken.generate();
        assertThat(token).startsWith("fw_").hasSizeGreaterThan(40);
        BearerToken entry = BearerToken.of("ann", EnumSet.of(Role.EDITOR, Role.OPERATOR), token);
        assertThat(entry.entry()).startsWith("ann:editor+operator:sha256:").doesNotContain(token);
        assertThat(BearerToken.parse(entry.entry(), "k")).isEqualTo(entry);
        assertThat(BearerToken.parse(entry.entry(), "k").matches(BearerToken.hash(token))).isTrue();
        assertThatThrownBy(() -> BearerToken.parse(token, "http.auth.tokens")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.auth.tokens").hasMessageContaining("bare token")
                .hasMessageNotContaining(token);
        assertThatThrownBy(() -> BearerToken.parse("ann:admin:sha256:" + "0".repeat(64), "k"))
                .hasMessageContaining("'admin'");
        assertThatThrownBy(() -> BearerToken.parseAll(List.of(entry.entry(), entry.entry().replace("ann:", "bob:")), "k"))
                .hasMessageContaining("same hash");
    }

    @Test
    void aServerOffLoopbackNeedsTokensAndTheOldSettingIsRefused() {
        HttpConfig open = HttpConfig.from(Settings.of(Map.of(HttpConfig.HOST, "0.0.0.0")));
        assertThatThrownBy(open::requireTokensOffLoopback).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'0.0.0.0' (http.host)").hasMessageContaining("FILMWIRE_HTTP_AUTH_TOKENS");
        HttpConfig.from(Settings.of(Map.of(HttpConfig.HOST, "0.0.0.0", HttpConfig.AUTH_TOKENS,
                BearerToken.of("ops", EnumSet.of(Role.OPERATOR), "t").entry()))).requireTokensOffLoopback();
        HttpConfig.from(Settings.of(Map.of(HttpConfig.HOST, "localhost"))).requireTokensOffLoopback();
        assertThatThrownBy(() -> HttpConfig.from(Settings.of(Map.of("ingest.auth.token", "secret"))))
                .hasMessageContaining("http.auth.tokens").hasMessageNotContaining("secret");
    }
}
