package io.filmwire.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.filmwire.common.http.Access;
import io.filmwire.common.http.HttpJson;
import io.filmwire.common.http.Role;
import io.filmwire.common.http.Router;
import io.filmwire.ingest.fetch.UrlFetcher;
import io.filmwire.schema.Json;
import io.filmwire.schema.PageIds;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * {@code POST /pages}: an HTML page ({@code text/html}), a plain-text page ({@code text/plain}), or
 * a JSON raw page ({@code application/json}: {@code {"body", "url", "source", "fetchedAt", "title"}});
 * {@code ?url=} gives an HTML or text page its URL; the body may be gzipped
 * ({@code Content-Encoding: gzip}). Answers 202 {@code {"pageId", "partition", "offset"}} only
 * after Kafka acknowledged the write; 400 for malformed JSON or fields, 413 over
 * {@code ingest.max.page.bytes}, 415 for binary or unsupported content, 503 {@code intake_busy} with
 * {@code Retry-After} when {@code ingest.http.max.inflight.bytes} of pages are being taken in already
 * (reserved before the body is read, so memory stays bounded; the body of a busy answer is read
 * and dropped, never held, so that the answer reaches a client still sending), 503 with
 * {@code Retry-After} when the page certainly was not handed to Kafka (nothing was taken in: send
 * it again), 504 {@code {"error": "outcome_unknown", "pageId", "message"}} with {@code Retry-After}
 * when Kafka did not answer in time after the page was handed over (it may or may not be written;
 * sending the same page again is safe: the same page id and content is a refetch, no second film
 * or change event), 401
 * or 403 without an operator's token when {@code http.auth.tokens} is set. Errors are JSON
 * {@code {"error", "message"}}, the message saying what to fix. Thread-safe.
 */
public final class IntakeHttp {

    /** Seconds a client is asked to wait after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** Seconds a client is asked to wait when intake's budget is full. */
    static final int BUSY_RETRY_AFTER_SECONDS = 2;
    /** How long a request waits for room in the budget before it is answered 503. */
    private static final java.time.Duration BUDGET_WAIT = java.time.Duration.ofSeconds(5);

    private final PageIntake intake;
    private final IngestConfig config;
    private final IntakeBudget budget;

    public IntakeHttp(PageIntake intake, IngestConfig config) {
        this.intake = intake;
        this.config = config;
        this.budget = new IntakeBudget(config.maxInflightBytes());
    }

    /**
     * Adds {@code POST /pages} to {@code router}: an operator's write (a token with the role operator
     * once tokens are configured; never from a page of another origin). Its body is a page, not
     * necessarily JSON.
     */
    public void routes(Router router) {
        router.add("POST", "/pages", Access.write(Role.OPERATOR), this::postPage);
    }

    /** A request that cannot become a page: the status and the JSON error to answer. */
    private static final class Refused extends Exception {
        final int status;
        final String code;

        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private void postPage(HttpExchange exchange, Map<String, String> params) throws IOException {
        IntakeBudget.Reservation room;
        try {
            room = budget.reserve(declaredSize(exchange), BUDGET_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            HttpJson.error(exchange, 503, "shutting_down", "the server is stopping; send the page again later");
            return;
        }
        if (room == null) {
            // the body is read and dropped first: answered unread, the connection would close under a
            // client still sending, and its 503 could be lost to the reset (it saw no answer at all)
            if (!HttpJson.discardBody(exchange, config.maxPageBytes())) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(BUSY_RETRY_AFTER_SECONDS));
            HttpJson.error(exchange, 503, "intake_busy", "intake holds " + budget.inUse() + " bytes of pages already ("
                    + IngestConfig.MAX_INFLIGHT_BYTES + "); nothing was taken in: send the page again in "
                    + BUSY_RETRY_AFTER_SECONDS + " s");
            return;
        }
        try (room) {
            takePage(exchange);
        }
    }

    /** The body's declared size, at most the page limit (over it the body is refused unread); the limit when not declared. */
    private long declaredSize(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            long n = declared == null ? config.maxPageBytes() : Long.parseLong(declared.strip());
            return Math.max(0, Math.min(n, config.maxPageBytes()));
        } catch (NumberFormatException e) {
            return config.maxPageBytes();
        }
    }

    private void takePage(HttpExchange exchange) throws IOException {
        RawPage page;
        try {
            page = readPage(exchange);
        } catch (Refused r) {
            HttpJson.error(exchange, r.status, r.code, r.getMessage());
            return;
        }
        try {
            RecordMetadata meta = intake.await(intake.submit(page));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("pageId", page.pageId());
            answer.put("partition", meta.partition());
            answer.put("offset", meta.offset());
            HttpJson.send(exchange, 202, answer);
        } catch (ExecutionException e) {
            if (PageIntake.isRetriable(e) && !PageIntake.surelyNotWritten(e)) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                Map<String, Object> unknown = new LinkedHashMap<>();
                unknown.put("error", "outcome_unknown");
                unknown.put("pageId", page.pageId());
                unknown.put("message", "Kafka did not answer in time (" + PageIntake.describe(e) + "): outcome unknown, "
                        + "retry is safe (the same page again is recognised as a refetch); send it again in "
                        + RETRY_AFTER_SECONDS + " s");
                HttpJson.send(exchange, 504, unknown);
            } else if (PageIntake.isRetriable(e)) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                HttpJson.error(exchange, 503, "kafka_unavailable", "Kafka did not acknowledge the page ("
                        + PageIntake.describe(e) + "); nothing was taken in: send it again in " + RETRY_AFTER_SECONDS + " s");
            } else if (e.getCause() instanceof RecordTooLargeException) {
                HttpJson.error(exchange, 413, "page_too_large_for_kafka", "Kafka refused the page as too large ("
                        + PageIntake.describe(e) + "); the cluster's message.max.bytes is below ingest.max.page.bytes");
            } else {
                HttpJson.error(exchange, 500, "kafka_error", "Kafka refused the page: " + PageIntake.describe(e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            HttpJson.error(exchange, 503, "shutting_down", "the server is stopping; send the page again later");
        }
    }

    private RawPage readPage(HttpExchange exchange) throws IOException, Refused {
        String tooLarge = "pages are limited to " + config.maxPageBytes() + " bytes (" + IngestConfig.MAX_PAGE_BYTES
                + "); send a smaller page";
        byte[] body = HttpJson.readBody(exchange, config.maxPageBytes());
        if (body == null) {
            throw new Refused(413, "page_too_large", tooLarge);
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            if (!encoding.strip().equalsIgnoreCase("gzip")) {
                throw new Refused(415, "unsupported_encoding", "Content-Encoding '" + encoding
                        + "' is not taken; send the page uncompressed or gzipped");
            }
            try {
                body = BoundedBytes.gunzip(body, config.maxPageBytes(), "the page");
            } catch (TooLargeException e) {
                throw new Refused(413, "page_too_large", tooLarge + " (once decompressed)");
            } catch (IOException e) {
                throw new Refused(400, "bad_gzip", "the body says Content-Encoding: gzip but is not valid gzip ("
                        + e.getMessage() + ")");
            }
        }
        if (body.length == 0) {
            throw new Refused(400, "empty_body", "the request has no body: send the page (HTML or text), or a JSON"
                    + " object with a \"body\" field");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        try {
            if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
                return fromJson(body, now);
            }
            if (mediaType.isEmpty() || mediaType.startsWith("text/") || mediaType.equals("application/xhtml+xml")) {
                String declared = mediaType.contains("html") ? RawPage.HTML : mediaType.equals("text/plain") ? RawPage.TEXT : null;
                String url = checkedUrl(Router.query(exchange).get("url"), "the url query parameter");
                return PageFactory.fromBytes(body, declared, UrlFetcher.charset(contentType), url, "http", null, now, null);
            }
        } catch (PageFactory.UnsupportedContentException e) {
            throw new Refused(415, "binary_content", e.getMessage());
        }
        throw new Refused(415, "unsupported_media_type", "Content-Type '" + mediaType
                + "' is not taken; send text/html, text/plain or application/json");
    }

    private static RawPage fromJson(byte[] bytes, Instant now) throws Refused {
        JsonNode json;
        try {
            json = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new Refused(400, "malformed_json", "the body is not valid JSON (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()) + "); send a JSON object with a string \"body\" field");
        } catch (IOException e) {
            throw new Refused(400, "malformed_json", "the body is not valid JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new Refused(400, "malformed_json", "the body must be a JSON object such as {\"body\": \"<html>...\","
                    + " \"url\": \"https://...\"}");
        }
        JsonNode body = json.get("body");
        if (body == null || !body.isTextual() || body.asText().isEmpty()) {
            throw new Refused(400, "missing_body", "the JSON object needs a non-empty string \"body\" field (the page's"
                    + " HTML or text); optional: \"url\", \"source\", \"fetchedAt\" (ISO-8601), \"title\"");
        }
        Instant fetchedAt = null;
        String fetched = stringField(json, "fetchedAt");
        if (fetched != null) {
            try {
                fetchedAt = Instant.parse(fetched);
            } catch (DateTimeParseException e) {
                throw new Refused(400, "bad_field", "\"fetchedAt\" must be an ISO-8601 instant such as"
                        + " 2026-01-31T12:00:00Z, was '" + fetched + "'");
            }
        }
        String url = checkedUrl(stringField(json, "url"), "\"url\"");
        String source = stringField(json, "source");
        return PageFactory.fromBytes(body.asText().getBytes(StandardCharsets.UTF_8), stringField(json, "contentType"),
                "UTF-8", url, source == null || source.isBlank() ? "http" : source, fetchedAt, now,
                stringField(json, "title"));
    }

    private static String stringField(JsonNode json, String name) throws Refused {
        JsonNode v = json.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Refused(400, "bad_field", "\"" + name + "\" must be a string, was " + v.getNodeType().name()
                    .toLowerCase(Locale.ROOT));
        }
        return v.asText();
    }

    private static String checkedUrl(String url, String what) throws Refused {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (PageIds.canonicalUrl(url) == null) {
            throw new Refused(400, "bad_url", what + " must be an absolute http:// or https:// URL, was '" + url + "'");
        }
        return url;
    }
}
