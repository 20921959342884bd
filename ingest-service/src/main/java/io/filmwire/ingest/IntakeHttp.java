package io.filmwire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.filmwire.common.http.HttpJson;
import io.filmwire.common.http.Router;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;

/**
 * {@code POST /pages}: an HTML page, a plain-text page, or a JSON raw page
 * ({@code {"url", "source", "fetchedAt", "title", "body"}}). Answers 202 {@code {"pageId"}} only after
 * Kafka acknowledged the write; 400 for malformed JSON, 413 over the size limit, 415 for binary or
 * unsupported content, 503 with Retry-After while Kafka does not acknowledge.
 */
public final class IntakeHttp {

    private final PageIntake intake;
    private final IngestConfig config;

    public IntakeHttp(PageIntake intake, IngestConfig config) {
        this.intake = intake;
        this.config = config;
    }

    /** Adds {@code POST /pages} to {@code router}. */
    public void routes(Router router) {
        router.add("POST", "/pages", this::postPage);
    }

    private void postPage(HttpExchange exchange, Map<String, String> params) throws IOException {
        byte[] body = HttpJson.readBody(exchange, config.maxPageBytes());
        if (body == null) {
            HttpJson.error(exchange, 413, "page_too_large", "pages are limited to " + config.maxPageBytes()
                    + " bytes (ingest.max.page.bytes)");
            return;
        }
        if (body.length == 0) {
            HttpJson.error(exchange, 400, "empty_body", "the request has no body: send the page (HTML or text),"
                    + " or a JSON object with a \"body\" field");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String charset = charsetOf(contentType);
        Map<String, String> query = Router.query(exchange);
        Instant now = Instant.now();
        RawPage page;
        try {
            if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
                page = fromJson(body, now);
                if (page == null) {
                    HttpJson.error(exchange, 400, "malformed_json", "the body is not a JSON object with a string"
                            + " \"body\" field; optional: \"url\", \"source\", \"fetchedAt\" (ISO-8601), \"title\"");
                    return;
                }
            } else if (mediaType.isEmpty() || mediaType.startsWith("text/") || mediaType.equals("application/xhtml+xml")) {
                String declared = mediaType.contains("html") ? RawPage.HTML : mediaType.equals("text/plain") ? RawPage.TEXT : null;
                page = PageFactory.fromBytes(body, declared, charset, query.get("url"), "http", null, now, null);
            } else {
                HttpJson.error(exchange, 415, "unsupported_media_type", "Content-Type '" + mediaType
                        + "' is not taken; send text/html, text/plain or application/json");
                return;
            }
        } catch (PageFactory.UnsupportedContentException e) {
            HttpJson.error(exchange, 415, "binary_content", e.getMessage());
            return;
        } catch (IllegalArgumentException | NullPointerException e) {
            HttpJson.error(exchange, 400, "bad_page", e.getMessage());
            return;
        }
        try {
            RecordMetadata meta = intake.submit(page).get(config.deliveryTimeoutMs() + 5_000L, TimeUnit.MILLISECONDS);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("pageId", page.pageId());
            answer.put("partition", meta.partition());
            answer.put("offset", meta.offset());
            HttpJson.send(exchange, 202, answer);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            boolean transientFailure = cause instanceof RetriableException || cause instanceof TimeoutException
                    || cause instanceof org.apache.kafka.common.errors.TimeoutException;
            if (transientFailure) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(Duration.ofSeconds(5).toSeconds()));
                HttpJson.error(exchange, 503, "kafka_unavailable", "Kafka did not acknowledge the page ("
                        + cause.getMessage() + "); nothing was taken in, send it again later");
            } else {
                HttpJson.error(exchange, 500, "kafka_error", "Kafka refused the page: " + cause.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.getResponseHeaders().set("Retry-After", "5");
            HttpJson.error(exchange, 503, "shutting_down", "the server is stopping; send the page again later");
        }
    }

    private static RawPage fromJson(byte[] bytes, Instant now) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            return null;
        }
        if (json == null || !json.isObject() || !json.path("body").isTextual()) {
            return null;
        }
        Instant fetchedAt = null;
        if (json.hasNonNull("fetchedAt")) {
            try {
                fetchedAt = Instant.parse(json.get("fetchedAt").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"fetchedAt\" must be an ISO-8601 instant such as"
                        + " 2026-01-31T12:00:00Z, was '" + json.get("fetchedAt").asText() + "'");
            }
        }
        String declared = json.hasNonNull("contentType") ? json.get("contentType").asText() : null;
        String source = json.hasNonNull("source") ? json.get("source").asText() : "http";
        String url = json.hasNonNull("url") ? json.get("url").asText() : null;
        String title = json.hasNonNull("title") ? json.get("title").asText() : null;
        byte[] body = json.get("body").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return PageFactory.fromBytes(body, declared, "UTF-8", url, source, fetchedAt, now, title);
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }
}
