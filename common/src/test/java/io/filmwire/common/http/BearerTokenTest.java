package io.filmwire.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bearer-token filter on a real HTTP server on loopback. */
class BearerTokenTest {

    private HttpService server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Router router = new Router()
                .filter(new BearerToken("t0ken", "POST", "/pages", "ingest.auth.token"))
                .add("POST", "/pages", (ex, p) -> HttpJson.send(ex, 202, Map.of("ok", true)))
                .add("GET", "/health", (ex, p) -> HttpJson.send(ex, 200, Map.of("status", "UP")));
        server = HttpService.start("127.0.0.1", 0, router, 2);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("x")
                        : HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyTheRightTokenPassesOnTheProtectedRoute() throws Exception {
        HttpResponse<String> none = send("POST", "/pages", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"filmwire\"");
        assertThat(none.body()).contains("\"error\":\"unauthorized\"").contains("ingest.auth.token");
        assertThat(send("POST", "/pages", "Bearer wrong").body()).contains("invalid_token");
        assertThat(send("POST", "/pages", "Basic dDBrZW4=").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/pages/", null).statusCode()).as("the same route spelt otherwise").isEqualTo(401);
        assertThat(send("POST", "/pages", "Bearer t0ken").statusCode()).isEqualTo(202);
        assertThat(send("POST", "/pages", "bearer t0ken").statusCode()).isEqualTo(202);
        assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aServerOffLoopbackNeedsAToken() {
        BearerToken.requireOffLoopback("127.0.0.1", "http.host", null, "ingest.auth.token", "POST /pages");
        BearerToken.requireOffLoopback("localhost", "http.host", "", "ingest.auth.token", "POST /pages");
        BearerToken.requireOffLoopback("0.0.0.0", "http.host", "secret", "ingest.auth.token", "POST /pages");
        assertThatThrownBy(() -> BearerToken.requireOffLoopback("0.0.0.0", "http.host", " ", "ingest.auth.token",
                "POST /pages"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'0.0.0.0' (http.host)")
                .hasMessageContaining("FILMWIRE_INGEST_AUTH_TOKEN");
        assertThatThrownBy(() -> new BearerToken(" ", "POST", "/pages", "k")).isInstanceOf(IllegalArgumentException.class);
    }
}
