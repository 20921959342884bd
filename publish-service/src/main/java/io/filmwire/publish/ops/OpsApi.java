package io.filmwire.publish.ops;

import com.sun.net.httpserver.HttpExchange;
import io.filmwire.common.KafkaSettings;
import io.filmwire.common.http.Access;
import io.filmwire.common.http.HttpJson;
import io.filmwire.common.http.Role;
import io.filmwire.common.http.Router;
import io.filmwire.publish.PublishService;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The operators' API and page: {@code GET /} (the ops page), {@code GET /api/topics},
 * {@code GET /api/dlq}, {@code GET /api/dlq/{id}}, {@code POST /api/dlq/{id}/replay},
 * {@code GET /api/changes}, {@code GET /api/conflicts}. Close it to stop its background consumer.
 */
public final class OpsApi implements AutoCloseable {

    private static final int DEFAULT_LIMIT = 50;
    private static final int PREVIEW = 300;

    private final TopicStats stats;
    private final DeadLetters deadLetters;
    private final RecentActivity recent;
    private final PublishService publish;
    private final byte[] page;
    private final byte[] script;
    private final byte[] style;

    /** @param publish the film store for conflicts, or null when publish-service does not run here */
    public OpsApi(KafkaSettings kafka, PublishService publish) {
        this.stats = new TopicStats(kafka);
        this.deadLetters = new DeadLetters(kafka);
        this.recent = new RecentActivity(kafka);
        this.publish = publish;
        this.page = resource("index.html");
        this.script = resource("ops.js");
        this.style = resource("ops.css");
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpsApi.class.getResourceAsStream("/ops/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the ops page's /ops/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the ops routes to {@code router}. */
    public void routes(Router router) {
        // the page and its script hold no data: what they show comes from the API, behind the token
        router.add("GET", "/", Access.OPEN, (ex, p) -> HttpJson.sendBytes(ex, 200, "text/html; charset=utf-8", page));
        router.add("GET", "/ops.js", Access.OPEN, (ex, p) -> HttpJson.sendBytes(ex, 200, "text/javascript; charset=utf-8",
                script));
        router.add("GET", "/ops.css", Access.OPEN, (ex, p) -> HttpJson.sendBytes(ex, 200, "text/css; charset=utf-8", style));
        router.add("GET", "/api/topics", this::topics);
        router.add("GET", "/api/dlq", this::listDeadLetters);
        router.add("GET", "/api/dlq/{id}", this::getDeadLetter);
        router.add("POST", "/api/dlq/{id}/replay", Access.writeJson(Role.OPERATOR), this::replay);
        router.add("POST", "/api/dlq-replay", Access.writeJson(Role.OPERATOR), this::replayAll);
        router.add("GET", "/api/changes", (ex, p) -> HttpJson.send(ex, 200, Map.of("changes", recent.changes(limit(ex)))));
        router.add("GET", "/api/conflicts", this::conflicts);
    }

    private static int limit(HttpExchange exchange) {
        String raw = Router.query(exchange).get("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Math.max(1, Math.min(RecentActivity.KEPT, Integer.parseInt(raw)));
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    private void topics(HttpExchange exchange, Map<String, String> params) throws IOException {
        try {
            HttpJson.send(exchange, 200, Map.of("topics", stats.figures()));
        } catch (Exception e) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            HttpJson.error(exchange, 503, "kafka_unavailable", "cannot read the topics from Kafka: " + e.getMessage());
        }
    }

    private void listDeadLetters(HttpExchange exchange, Map<String, String> params) throws IOException {
        Map<String, String> query = Router.query(exchange);
        List<Map<String, Object>> entries = recent.deadLetters(RecentActivity.KEPT).stream()
                .filter(e -> DeadLetters.matches(e, query.get("stage"), query.get("code")))
                .limit(limit(exchange)).map(OpsApi::summary).toList();
        HttpJson.send(exchange, 200, Map.of("count", entries.size(), "entries", entries));
    }

    /** A dead letter without its (possibly huge) input: a preview and the size instead. */
    static Map<String, Object> summary(DlqEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("pageId", e.pageId());
        out.put("stage", e.stage());
        out.put("reason", e.reason());
        out.put("code", e.code());
        out.put("error", e.error());
        out.put("inputTopic", e.inputTopic());
        out.put("inputPartition", e.inputPartition());
        out.put("inputOffset", e.inputOffset());
        out.put("inputBytes", e.inputSize() != null ? e.inputSize() : e.inputBytes().length);
        out.put("inputTruncated", e.truncated());
        out.put("inputPreview", e.input().length() > PREVIEW ? e.input().substring(0, PREVIEW) + "…" : e.input());
        out.put("time", e.time());
        return out;
    }

    private void getDeadLetter(HttpExchange exchange, Map<String, String> params) throws IOException {
        Optional<DlqEntry> entry = deadLetters.find(params.get("id"));
        if (entry.isEmpty()) {
            HttpJson.error(exchange, 404, "dead_letter_not_found", "no dead letter has the id '" + params.get("id")
                    + "'; GET /api/dlq lists the latest");
            return;
        }
        HttpJson.send(exchange, 200, entry.get());
    }

    private void replay(HttpExchange exchange, Map<String, String> params) throws IOException {
        Optional<DlqEntry> entry = deadLetters.find(params.get("id"));
        if (entry.isEmpty()) {
            HttpJson.error(exchange, 404, "dead_letter_not_found", "no dead letter has the id '" + params.get("id") + "'");
            return;
        }
        try {
            RecordMetadata meta = deadLetters.replay(entry.get());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("replayed", entry.get().id());
            body.put("topic", meta.topic());
            body.put("partition", meta.partition());
            body.put("offset", meta.offset());
            HttpJson.send(exchange, 202, body);
        } catch (DeadLetters.NotReplayable e) {
            HttpJson.error(exchange, 409, "not_replayable", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpJson.error(exchange, 503, "interrupted", "the server is stopping; replay again later");
        } catch (Exception e) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            HttpJson.error(exchange, 503, "kafka_unavailable", "Kafka did not take the replay: " + e.getMessage());
        }
    }

    /** Bulk replay: every dead letter of {@code ?stage=} and {@code ?code=} (at least one required), up to {@code ?limit=}. */
    private void replayAll(HttpExchange exchange, Map<String, String> params) throws IOException {
        Map<String, String> query = Router.query(exchange);
        String stage = query.get("stage");
        String code = query.get("code");
        if (stage == null && code == null) {
            HttpJson.error(exchange, 400, "filter_required", "give ?stage= or ?code= (or both): a bulk replay of every dead letter is refused");
            return;
        }
        List<String> replayed = new java.util.ArrayList<>();
        try {
            for (DlqEntry entry : deadLetters.latest(limit(exchange), stage, code)) {
                deadLetters.replay(entry);
                replayed.add(entry.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpJson.error(exchange, 503, "interrupted", "the server is stopping; replayed " + replayed);
            return;
        } catch (Exception e) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            HttpJson.error(exchange, 503, "kafka_unavailable", "Kafka did not take a replay after " + replayed.size()
                    + " (" + replayed + "): " + e.getMessage());
            return;
        }
        HttpJson.send(exchange, 202, Map.of("count", replayed.size(), "replayed", replayed));
    }

    private void conflicts(HttpExchange exchange, Map<String, String> params) throws IOException {
        if (publish == null) {
            HttpJson.error(exchange, 404, "not_here", "publish-service does not run in this process");
            return;
        }
        List<FilmRecord> films;
        try {
            films = publish.withConflicts(limit(exchange));
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            exchange.getResponseHeaders().set("Retry-After", "2");
            HttpJson.error(exchange, 503, "not_ready", "publish-service is starting or rebalancing; retry shortly");
            return;
        }
        HttpJson.send(exchange, 200, Map.of("count", films.size(), "films", films));
    }

    @Override
    public void close() {
        recent.close();
        stats.close();
    }
}
