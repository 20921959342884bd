package io.filmwire.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real web site on loopback for tests (JDK HTTP server on 127.0.0.1, a free port): routes by
 * exact path (the query is ignored for routing), 404 elsewhere, and a log of every request it got.
 * Reach it as {@code 127.0.0.1} or as {@code localhost}: two host names, one server.
 */
public final class TestSite implements AutoCloseable {

    /** A route's handler. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** A request the site got: path with query, the Host header, selected headers, when (nanoTime). */
    public record Request(String method, String pathAndQuery, String host, Map<String, String> headers, long nanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private TestSite(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts an empty site. */
    public static TestSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "test-site");
                t.setDaemon(true);
                return t;
            });
            TestSite site = new TestSite(server, executor);
            server.setExecutor(executor);
            server.createContext("/", site::dispatch);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                values.get(0)));
        String query = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
        requests.add(new Request(exchange.getRequestMethod(), pathAndQuery, headers.getOrDefault("host", ""), headers,
                System.nanoTime()));
        Handler handler = routes.get(exchange.getRequestURI().getRawPath());
        try {
            if (handler == null) {
                send(exchange, 404, "text/plain", "not found");
            } else {
                handler.handle(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    /** The port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} + {@code path}. */
    public String url(String path) {
        return url("127.0.0.1", path);
    }

    /** {@code http://HOST:PORT} + {@code path}, for a host name that reaches this machine. */
    public String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    /** Serves {@code body} at {@code path} with 200. */
    public TestSite page(String path, String contentType, String body) {
        return page(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves {@code body} at {@code path} with 200. */
    public TestSite page(String path, String contentType, byte[] body) {
        return handle(path, exchange -> send(exchange, 200, contentType, body));
    }

    /** Serves {@code path} with {@code handler}. */
    public TestSite handle(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Every request so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests for {@code path} (query ignored). */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.pathAndQuery().split("\\?", 2)[0].equals(path)).toList();
    }

    /** Answers {@code status} with {@code body}. */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code status} with {@code body}. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Answers a redirect to {@code location}. */
    public static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
