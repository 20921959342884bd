package io.filmwire.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.common.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's limits and timeouts, with raw sockets on loopback playing slow and oversized clients. */
class HttpServiceTest {

    private HttpService server;
    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicLong bodyBytesRead = new AtomicLong();
    private static final long BUSY_LIMIT = 12L << 20;

    private void start(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(Map.of(HttpConfig.PORT, "0", HttpConfig.HEALTH_PORT, "0"));
        all.putAll(settings);
        Router router = new Router()
                .add("POST", "/pages", Access.write(Role.OPERATOR), (ex, p) -> {
                    byte[] body = HttpJson.readBody(ex, 1024);
                    if (body == null) {
                        HttpJson.error(ex, 413, "too_large", "over 1024");
                        return;
                    }
                    bodyBytesRead.addAndGet(body.length);
                    HttpJson.send(ex, 202, Map.of("bytes", body.length));
                })
                // answers without reading the body, as a refused write does
                .add("POST", "/refused", Access.OPEN, (ex, p) -> HttpJson.error(ex, 401, "unauthorized", "no token"))
                // busy: nothing taken in, the body read and dropped before the answer (as intake's 503 does)
                .add("POST", "/busy", Access.OPEN, (ex, p) -> {
                    if (!HttpJson.discardBody(ex, BUSY_LIMIT)) {
                        ex.getResponseHeaders().set("Connection", "close");
                    }
                    HttpJson.error(ex, 503, "busy", "send it again");
                })
                .add("GET", "/health", Access.OPEN, (ex, p) -> HttpJson.send(ex, 200, Map.of("status", "UP")));
        Router health = new Router().add("GET", "/health", Access.OPEN, (ex, p) -> HttpJson.send(ex, 200, Map.of("status", "UP")));
        server = HttpService.start(HttpConfig.from(Settings.of(all)), router, health);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Socket open(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        s.setSoTimeout(5_000);
        sockets.add(s);
        return s;
    }

    private static String exchange(Socket s, String request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readHead(s.getInputStream());
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private int health(int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        start(Map.of(HttpConfig.MAX_BODY_BYTES, "4096"));
        Socket s = open(server.port());
        // a declared 100 MB body, of which nothing is sent: the answer must come without waiting for it
        String head = exchange(s, "POST /pages HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 100000000\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("Connection: close");
        Socket route = open(server.port());
        // under the server's limit, over the route's: the route refuses from the declared length alone
        assertThat(exchange(route, "POST /pages HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 2000\r\n\r\n"))
                .startsWith("HTTP/1.1 413");
        assertThat(bodyBytesRead).hasValue(0);
        assertThat(exchange(open(server.port()), "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                .as("a URL over http.max.url.chars").startsWith("HTTP/1.1 414");
        assertThat(exchange(open(server.port()), "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n"))
                .as("headers over http.max.header.bytes").startsWith("HTTP/1.1 431");
    }

    @Test
    void slowClientsAreCutOffAndHealthAnswersMeanwhile() throws Exception {
        start(Map.of(HttpConfig.HEADER_TIMEOUT_MS, "700", HttpConfig.REQUEST_TIMEOUT_MS, "900",
                HttpConfig.MAX_CONNECTIONS_PER_CLIENT, "4", HttpConfig.THREADS, "2"));
        Socket slowHead = open(server.port());
        slowHead.getOutputStream().write("POST /pages HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Socket slowBody = open(server.port());
        slowBody.getOutputStream().write("POST /pages HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 500\r\n\r\nabc"
                .getBytes(StandardCharsets.ISO_8859_1));
        Socket idle1 = open(server.port());
        Socket idle2 = open(server.port());
        // the fifth connection of this client is closed at once
        Socket fifth = open(server.port());
        assertThat(fifth.getInputStream().read()).isEqualTo(-1);
        assertThat(health(server.healthPort())).isEqualTo(200);
        long start = System.nanoTime();
        assertThat(slowHead.getInputStream().read()).as("headers not in within the header timeout").isEqualTo(-1);
        assertThat(readHead(slowBody.getInputStream())).as("body not in within the request timeout: no answer but the"
                + " connection's end").doesNotContain("202");
        assertThat(slowBody.getInputStream().read()).isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        idle1.close();
        idle2.close();
        Thread.sleep(200);
        assertThat(health(server.port())).as("connections freed, the client is served again").isEqualTo(200);
    }

    @Test
    void connectionsClosedByEitherSideAreNoLongerCountedAgainstTheClient() throws Exception {
        start(Map.of(HttpConfig.MAX_CONNECTIONS_PER_CLIENT, "3", HttpConfig.MAX_BODY_BYTES, "4096"));
        for (int i = 0; i < 12; i++) {
            // the server ends this one (an oversized body), the client the next
            try (Socket refused = open(server.port())) {
                assertThat(exchange(refused, "POST /pages HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
                        + "Content-Length: 100000000\r\n\r\n")).as("connection %d", 2 * i).startsWith("HTTP/1.1 413");
                // the answer's body, then the end of the connection
                assertThat(refused.getInputStream().readAllBytes().length).isLessThan(4096);
            }
            try (Socket served = open(server.port())) {
                assertThat(exchange(served, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")).as("connection %d", 2 * i + 1)
                        .startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void refusedWritesOfOneHttpClientDoNotUseUpItsConnections() throws Exception {
        start(Map.of(HttpConfig.MAX_CONNECTIONS_PER_CLIENT, "3"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/refused"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString("<p>" + "x".repeat(500) + "</p>")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("request %d: %s", i, r.body()).isEqualTo(401);
        }
    }

    @Test
    void aBusyAnswerReachesClientsStillSendingLargeBodies() throws Exception {
        start(Map.of());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        byte[] body = new byte[9_000_000];
        java.util.Arrays.fill(body, (byte) 'p');
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(pool.submit(() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + server.port() + "/busy"))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode()));
            }
            for (int i = 0; i < answers.size(); i++) {
                // answered with the body unread, Jetty closes the connection under the client still sending and
                // TCP resets it: the JDK client then fails with "header parser received no bytes", the 503 lost
                assertThat(answers.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS)).as("request %d", i).isEqualTo(503);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBusyAnswerToAClientWaitingFor100ContinueInvitesNoBody() throws Exception {
        start(Map.of());
        Socket s = open(server.port());
        String head = exchange(s, "POST /busy HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nExpect: 100-continue\r\n"
                + "Content-Length: 5000000\r\n\r\n");
        assertThat(head).as("the final answer, no 100 Continue first").startsWith("HTTP/1.1 503")
                .containsIgnoringCase("Connection: close");
    }
}
