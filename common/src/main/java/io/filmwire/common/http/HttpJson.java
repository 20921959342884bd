package io.filmwire.common.http;

import com.sun.net.httpserver.HttpExchange;
import io.filmwire.schema.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing JSON answers and reading bounded request bodies on a JDK {@link HttpExchange}. */
public final class HttpJson {

    private HttpJson() {
    }

    /** Answers {@code status} with {@code body} as JSON. */
    public static void send(HttpExchange exchange, int status, Object body) throws IOException {
        sendBytes(exchange, status, "application/json; charset=utf-8",
                Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code status} with {@code bytes} of {@code contentType}. */
    public static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /**
     * Answers an error: {@code {"error": code, "message": what is wrong and how to fix it}}.
     */
    public static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        send(exchange, status, body);
    }

    /**
     * Reads and drops the request body, at most {@code limit} bytes, so that an answer given without
     * taking the body (a refusal such as "busy, send it again") reaches a client that is still
     * sending: a connection closed with request bytes unread is reset by TCP, and the client may
     * lose the answer already on its way. Memory stays bounded (one small buffer); the time is
     * bounded by {@code http.request.timeout.ms}. A request that sent {@code Expect: 100-continue}
     * is not read (reading would invite the body its client is holding back); a body over the limit
     * is read no further. Returns true when the body was read to its end, so the connection can stay.
     */
    public static boolean discardBody(HttpExchange exchange, long limit) {
        String expect = exchange.getRequestHeaders().getFirst("Expect");
        if (expect != null && expect.strip().equalsIgnoreCase("100-continue")) {
            return false;
        }
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            InputStream in = exchange.getRequestBody();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false; // the client went away or was too slow: the connection closes
        }
    }

    /**
     * The request body, read whole, or null when it is longer than {@code limit} bytes. A declared
     * {@code Content-Length} over the limit is refused before anything is read; a body without one
     * is read up to the limit. Either way the rest is not read: the answer closes the connection.
     */
    public static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    exchange.getResponseHeaders().set("Connection", "close");
                    return null;
                }
            } catch (NumberFormatException ignored) {
                // read and count instead
            }
        }
        InputStream in = exchange.getRequestBody();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                exchange.getResponseHeaders().set("Connection", "close");
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
