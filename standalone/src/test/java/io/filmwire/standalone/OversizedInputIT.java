package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oversized inputs under a small heap: the standalone (embedded broker and the three services) runs
 * in a child JVM with {@code -Xmx512m -XX:+ExitOnOutOfMemoryError}, and takes 80 pages of 9.9 MB with
 * URLs of 4,096 characters (each over {@code enrich.max.page.chars}, so each a dead letter), a body
 * declared over the limit, one streamed past it without a length, and oversized headers and
 * request lines; the clients send again after a 503 (intake's budget, {@code ingest.http.max.inflight.bytes},
 * is full). Throughout, {@code /health} answers UP within 2 s; after, the ops activity view and
 * {@code GET /api/dlq/{id}} answer within 2 s, and the child never ran out of memory.
 */
class OversizedInputIT {

    private static final int PAGES = 80;
    private static final int PAGE_BYTES = 9_900_000;
    private static final int URL_CHARS = 4_096;
    private static final int CLIENTS = 8;
    private static final Duration QUICK = Duration.ofSeconds(2);

    @TempDir
    Path dataDir;

    private Process child;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroy();
            if (!child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /** Starts the standalone in a child JVM; returns its HTTP and health ports once it says it runs. */
    private int[] startChild(Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-Dlogback.configurationFile=logback-test.xml", "-cp", classpath, "io.filmwire.cli.FilmwireCli", "run",
                "--data-dir", dataDir.resolve("data").toString(), "--http-port", "0", "--health-port", "0",
                "--broker-port", "0",
                "--set", "enrich.max.page.chars=1000000",
                "--set", "topic.partitions=2"));
        child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Pattern running = Pattern.compile("HTTP on http://127\\.0\\.0\\.1:(\\d+)/.*health also on port (\\d+)");
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            Matcher m = running.matcher(Files.readString(log));
            if (m.find()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
            assertThat(child.isAlive()).as("the child runs: " + Files.readString(log)).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("the standalone did not start within 90 s: " + Files.readString(log));
    }

    private static String page(int n) {
        StringBuilder html = new StringBuilder(PAGE_BYTES + 200);
        html.append("<html><head><title>Oversized ").append(n).append("</title></head><body><article>");
        String line = "<p>Paragraph of a very long page number " + n + ", which goes on and on. </p>\n";
        while (html.length() + line.length() < PAGE_BYTES - 30) {
            html.append(line);
        }
        return html.append("</article></body></html>").toString();
    }

    private static String longUrl(int n) {
        String start = "https://oversized.example/" + n + "/";
        return start + "x".repeat(URL_CHARS - start.length());
    }

    @Test
    void oversizedInputsLeaveTheServicesAnsweringUnderASmallHeap() throws Exception {
        // kept after the test, for a look at what the child said
        Path log = Path.of("target", "OversizedInputIT-child.log").toAbsolutePath();
        int[] ports = startChild(log);
        String base = "http://127.0.0.1:" + ports[0];
        String health = "http://127.0.0.1:" + ports[1] + "/health";
        awaitUp(health, Duration.ofSeconds(60));

        // /health polled throughout: it answers UP, quickly
        List<String> healthProblems = new CopyOnWriteArrayList<>();
        AtomicBoolean posting = new AtomicBoolean(true);
        Thread prober = new Thread(() -> {
            while (posting.get()) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(health)).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    if (r.statusCode() != 200 || took.compareTo(QUICK) > 0) {
                        healthProblems.add(r.statusCode() + " in " + took.toMillis() + " ms: " + r.body());
                    }
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    healthProblems.add("no answer: " + e);
                }
            }
        }, "health-prober");
        prober.start();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                int n = i;
                sent.add(clients.submit(() -> {
                    byte[] body = Json.write(Map.of("body", page(n), "url", longUrl(n))).getBytes(StandardCharsets.UTF_8);
                    // as a client should: a 503 with Retry-After (intake's budget is full) is sent again after the wait
                    for (int attempt = 1; ; attempt++) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/pages"))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                        statuses.merge(r.statusCode(), 1, Integer::sum);
                        if (r.statusCode() != 503 || attempt == 20) {
                            return null;
                        }
                        assertThat(r.body()).contains("intake_busy");
                        Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
                    }
                }));
            }
            // the other oversized inputs, while the pages go in
            assertThat(rawStatus(ports[0], "POST /pages HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: "
                    + (64L << 20) + "\r\n\r\n", 0)).as("declared over the limit").isEqualTo(413);
            assertThat(rawStatus(ports[0], "POST /pages HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n", 40 << 20)).as("streamed past the limit").isEqualTo(413);
            assertThat(rawStatus(ports[0], "GET /api/dlq HTTP/1.1\r\nHost: x\r\nX-Big: " + "h".repeat(64 * 1024)
                    + "\r\n\r\n", 0)).as("oversized headers").isEqualTo(431);
            assertThat(rawStatus(ports[0], "GET /api/dlq?q=" + "u".repeat(8192) + " HTTP/1.1\r\nHost: x\r\n\r\n", 0))
                    .as("oversized request line").isEqualTo(414);
            for (Future<?> f : sent) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(statuses).as("every page taken in, some after a 503 intake_busy").containsEntry(202, PAGES);
        assertThat(statuses.keySet()).isSubsetOf(202, 503);

        // every page becomes a dead letter (over enrich.max.page.chars); the views answer quickly throughout
        JsonNode entries = awaitDeadLetters(base, PAGES, Duration.ofSeconds(60));
        posting.set(false);
        prober.join(15_000);
        assertThat(healthProblems).as("/health while taking oversized input").isEmpty();

        String id = entries.get(0).path("id").asText();
        for (String path : List.of("/api/dlq?limit=200", "/api/dlq/" + id, "/api/changes", "/api/topics")) {
            long start = System.nanoTime();
            HttpResponse<String> r = get(base + path);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(took).as(path + " answers quickly").isLessThan(QUICK);
        }
        JsonNode one = Json.mapper().readTree(get(base + "/api/dlq/" + id).body());
        assertThat(one.path("inputTruncated").asBoolean()).as("a preview, not the page").isTrue();
        assertThat(one.path("input").asText().length()).isLessThanOrEqualTo(io.filmwire.schema.DlqEntry.PREVIEW_BYTES);
        assertThat(Json.mapper().readTree(get(health).body()).path("status").asText()).isEqualTo("UP");
        assertThat(child.isAlive()).isTrue();
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
    }

    private JsonNode awaitDeadLetters(String base, int count, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < until) {
            long start = System.nanoTime();
            HttpResponse<String> r = get(base + "/api/dlq?limit=200&stage=clean");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("/api/dlq answers quickly").isLessThan(QUICK);
            assertThat(r.statusCode()).isEqualTo(200);
            last = Json.mapper().readTree(r.body()).path("entries");
            long ours = 0;
            for (JsonNode e : last) {
                if (e.path("pageId").asText().startsWith("https://oversized.example/")) {
                    ours++;
                }
            }
            if (ours >= count) {
                return last;
            }
            assertThat(child.isAlive()).as("the child runs").isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError(count + " dead letters not listed within " + timeout + ": " + last);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitUp(String health, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> r = get(health);
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("/health not UP within " + timeout);
    }

    /**
     * Sends {@code head} on a raw socket, then {@code chunkedBytes} of chunked body (0: none), and
     * returns the status of the answer (the server may answer and close before all is sent).
     */
    private static int rawStatus(int port, String head, int chunkedBytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'a');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                for (long sent = 0; sent < chunkedBytes; sent += chunk.length) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                if (chunkedBytes > 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            } catch (IOException e) {
                // the server answered and closed while we were still sending: read what it said
            }
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            String[] parts = line.toString().split(" ");
            if (parts.length < 2) {
                throw new IOException("no status line: '" + line + "'");
            }
            return Integer.parseInt(parts[1]);
        }
    }
}
