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
import java.util.Set;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The operators' API and page: {@code GET /} (the ops page), {@code GET /api/topics},
 * {@code GET /api/dlq}, {@code GET /api/dlq/{id}}, {@code POST /api/dlq/{id}/replay},
 * {@code GET /api/changes}, {@code GET /api/conflicts}, {@code GET /api/activity} (the last hour, per minute),
 * {@code GET /api/page?id=} (one page: clean text, dedup verdict, films, dead letters), {@code GET /api/pages}. Close it to stop its background consumer.
 */
public final class OpsApi implements AutoCloseable {

    private static final int DEFAULT_LIMIT = 50;
    private static final int PREVIEW = 300;

    private final TopicStats stats;
    private final DeadLetters deadLetters;
    private final RecentActivity recent;
    private final PublishService publish;
    private final ActivityHistory activity;
    private final PageViews pages;
    private final byte[] page;
    private final byte[] script;
    private final byte[] style;

    /** @param publish the film store for conflicts, or null when publish-service does not run here */
    public OpsApi(KafkaSettings kafka, PublishService publish) {
        this(kafka, publish, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /**
     * @param publish  the film store for conflicts, or null when publish-service does not run here
     * @param registry the meters of this process, whose last hour {@code GET /api/activity} charts
     */
    public OpsApi(KafkaSettings kafka, PublishService publish, io.micrometer.core.instrument.MeterRegistry registry) {
        this.activity = new ActivityHistory(registry, System::currentTimeMillis).start();
        this.pages = new PageViews(kafka);
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
        router.add("GET", "/api/activity", (ex, p) -> HttpJson.send(ex, 200, activity.snapshot()));
        router.add("GET", "/api/pages", this::listPages);
        // a page id is mostly a URL, whose slashes a path segment cannot carry (%2F is refused): a query parameter
        router.add("GET", "/api/page", this::getPage);
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

    /** One page: its cleaned article, its dedup verdict, the films built from it, its dead letters. */
    private void getPage(HttpExchange exchange, Map<String, String> params) throws IOException {
        String id = Router.query(exchange).get("id");
        if (id == null || id.isBlank()) {
            HttpJson.error(exchange, 400, "id_required", "give the page id: GET /api/page?id=PAGEID (URL-encoded)");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pageId", id);
        PageViews.Article article = pages.cleanPage(id);
        if (article != null) {
            body.put("clean", article.page());
            body.put("textChars", article.textChars());
            body.put("textTruncated", article.textChars() > PageViews.TEXT_CHARS);
        } else {
            body.put("clean", null);
        }
        body.put("dedup", pages.verdict(id));
        List<Map<String, Object>> films = new java.util.ArrayList<>();
        if (publish != null) {
            try {
                for (FilmRecord f : publish.fromPage(id, 200).films()) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("id", f.id());
                    one.put("title", f.title());
                    one.put("year", f.year());
                    one.put("version", f.version());
                    films.add(one);
                }
            } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
                body.put("filmsNote", "publish-service is rebalancing; the films follow shortly");
            }
        }
        body.put("films", films);
        body.put("deadLetters", recent.deadLetters(RecentActivity.KEPT).stream().filter(e -> id.equals(e.pageId()))
                .map(OpsApi::summary).toList());
        if (article == null && body.get("dedup") == null && films.isEmpty() && ((List<?>) body.get("deadLetters")).isEmpty()) {
            HttpJson.error(exchange, 404, "page_not_found", "no clean page, dedup verdict, film or recent dead letter is known"
                    + " of the page '" + id + "' (the view keeps the last " + PageViews.KEPT_PAGES + " pages)");
            return;
        }
        HttpJson.send(exchange, 200, body);
    }

    /**
     * {@code ?withoutFilms=true}: the pages kept by dedup (not copies) that no published film lists
     * among its sources, newest first, up to {@code ?limit=}; always {@code pagesSeen} and {@code withoutFilms}, the counts.
     */
    private void listPages(HttpExchange exchange, Map<String, String> params) throws IOException {
        List<String> kept = pages.keptPages();
        Set<String> sources = new java.util.HashSet<>();
        if (publish != null) {
            try {
                publish.search(null, 0, Integer.MAX_VALUE).films()
                        .forEach(f -> f.sources().forEach(s -> sources.add(s.pageId())));
            } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
                exchange.getResponseHeaders().set("Retry-After", "2");
                HttpJson.error(exchange, 503, "not_ready", "publish-service is starting or rebalancing; retry shortly");
                return;
            }
        }
        List<String> without = new java.util.ArrayList<>(kept.stream().filter(id -> !sources.contains(id)).toList());
        java.util.Collections.reverse(without);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pagesSeen", kept.size());
        body.put("withoutFilms", without.size());
        body.put("pages", without.subList(0, Math.min(limit(exchange), without.size())));
        HttpJson.send(exchange, 200, body);
    }

    @Override
    public void close() {
        pages.close();
        activity.close();
        recent.close();
        stats.close();
    }
}
