package io.filmwire.publish;

import com.sun.net.httpserver.HttpExchange;
import io.filmwire.common.Health;
import io.filmwire.common.StreamsHealth;
import io.filmwire.common.http.Access;
import io.filmwire.common.http.AccessPolicy;
import io.filmwire.common.http.HttpJson;
import io.filmwire.common.http.Principal;
import io.filmwire.common.http.Role;
import io.filmwire.common.http.Router;
import io.filmwire.schema.ChangeEvent;
import io.filmwire.schema.FilmRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link PublishTopology} and answers the film API from its stores:
 * {@code GET /api/films?q=&limit=}, {@code GET /api/films/{id}}, {@code GET /api/films/{id}/history};
 * and the editors' overrides through {@link OverrideEditor}: {@code GET} and {@code POST
 * /api/films/{id}/overrides}, {@code DELETE /api/films/{id}/overrides/{field}}. With several instances
 * each answers for the films of its own partitions.
 */
public final class PublishService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishService.class);
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;

    /** Largest override request body. */
    private static final int MAX_OVERRIDE_BYTES = 256 * 1024;

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metricsBinder;
    private final OverrideEditor editor;
    private final StreamsHealth health;
    private final FilmStoreMetrics storeMetrics;
    private final java.util.concurrent.ScheduledExecutorService counting =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "publish-film-counts");
                t.setDaemon(true);
                return t;
            });

    /** How often the gauges over the published films are recounted. */
    static final Duration COUNT_INTERVAL = Duration.ofSeconds(15);

    private PublishService(KafkaStreams streams, KafkaStreamsMetrics metricsBinder, OverrideEditor editor,
                           StreamsHealth health, FilmStoreMetrics storeMetrics) {
        this.streams = streams;
        this.metricsBinder = metricsBinder;
        this.editor = editor;
        this.health = health;
        this.storeMetrics = storeMetrics;
        counting.scheduleWithFixedDelay(this::countFilms, COUNT_INTERVAL.toMillis(), COUNT_INTERVAL.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Recounts the gauges over the published films (skipped while the store is not ready). */
    public void countFilms() {
        try {
            ReadOnlyKeyValueStore<String, FilmRecord> store = store();
            if (store == null) {
                return;
            }
            List<FilmRecord> all = new ArrayList<>();
            try (KeyValueIterator<String, FilmRecord> it = store.all()) {
                it.forEachRemaining(kv -> all.add(kv.value));
            }
            storeMetrics.count(all);
        } catch (RuntimeException e) {
            LOG.debug("Films not counted: {}", e.toString());
        }
    }

    /** Kafka Streams properties of publish-service. */
    public static Properties streamsProperties(PublishConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka().clientProperties(Map.of()));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafka().replicationFactor());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 32 * 1024 * 1024);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // a record no serde can read or a processor's exception: pages.dlq (stage publish), go on
        io.filmwire.common.DeadLetterHandler.install(props, io.filmwire.schema.DlqEntry.Stage.PUBLISH);
        // a restarted instance is the same static member (its tasks back at once, its open transaction fenced)
        config.recovery().apply(props, config.stateDir(), config.applicationId());
        Properties out = new Properties();
        out.putAll(props);
        return out;
    }

    /** Builds the topology and starts it. */
    public static PublishService start(PublishConfig config, MeterRegistry registry) {
        Properties props = streamsProperties(config);
        io.filmwire.common.DeadLetterHandler.countIn(props, registry);
        KafkaStreams streams = new KafkaStreams(PublishTopology.build(config, new PublishMetrics(registry)), props);
        StreamsHealth health = StreamsHealth.watch("publish-service", streams).bindTo(registry);
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(registry);
        streams.start();
        LOG.info("publish-service started (application id '{}')", config.applicationId());
        return new PublishService(streams, binder, new OverrideEditor(config.kafka()), health,
                new FilmStoreMetrics(registry));
    }

    /** True when processing: running, or rebalancing towards running. */
    public boolean isHealthy() {
        KafkaStreams.State s = streams.state();
        return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
    }

    /** Its health entry: state, thread replacements. */
    public Health.Status health() {
        return health.status();
    }

    /**
     * The last published record of a film, or null (also while the store is not ready).
     *
     * @throws InvalidStateStoreException when the store goes away during a rebalance
     */
    public FilmRecord film(String id) {
        ReadOnlyKeyValueStore<String, FilmRecord> store = store();
        return store == null ? null : store.get(id);
    }

    /**
     * Published films whose title, an alias or a person's name contains {@code query}, case and accents
     * aside (all when blank), at most {@code limit}.
     */
    public List<FilmRecord> search(String query, int limit) {
        return search(query, 0, limit).films();
    }

    /** The published films one of whose sources is the page {@code pageId}, at most {@code limit}. */
    public SearchPage fromPage(String pageId, int limit) {
        List<FilmRecord> films = matching(film -> film.sources().stream().anyMatch(s -> pageId.equals(s.pageId())), limit);
        return new SearchPage(films.size(), films);
    }

    /** One page of a search: the films from {@code offset} on, and how many match in all. */
    public record SearchPage(int total, List<FilmRecord> films) {
    }

    /** The films of {@link #search(String, int)} from the {@code offset}-th match (0 first), at most {@code limit}, with the total. */
    public SearchPage search(String query, int offset, int limit) {
        FilmSearch search = new FilmSearch(query);
        ReadOnlyKeyValueStore<String, FilmRecord> store = store();
        if (store == null) {
            return new SearchPage(0, List.of());
        }
        List<FilmRecord> out = new ArrayList<>();
        int total = 0;
        try (KeyValueIterator<String, FilmRecord> it = store.all()) {
            while (it.hasNext()) {
                FilmRecord film = it.next().value;
                if (search.matches(film)) {
                    if (total >= offset && out.size() < limit) {
                        out.add(film);
                    }
                    total++;
                }
            }
        }
        return new SearchPage(total, out);
    }

    /** Published films whose sources disagree on some field, at most {@code limit}. */
    public List<FilmRecord> withConflicts(int limit) {
        return matching(film -> !film.conflicts().isEmpty(), limit);
    }

    private List<FilmRecord> matching(java.util.function.Predicate<FilmRecord> test, int limit) {
        ReadOnlyKeyValueStore<String, FilmRecord> store = store();
        if (store == null) {
            return List.of();
        }
        List<FilmRecord> out = new ArrayList<>();
        try (KeyValueIterator<String, FilmRecord> it = store.all()) {
            while (it.hasNext() && out.size() < limit) {
                KeyValue<String, FilmRecord> kv = it.next();
                if (test.test(kv.value)) {
                    out.add(kv.value);
                }
            }
        }
        return out;
    }

    /**
     * The last change events of a film (also of a film merged away or deleted), or null when none
     * were published here (also while the store is not ready).
     */
    public FilmHistory history(String id) {
        ReadOnlyKeyValueStore<String, FilmHistory> store = store(PublishTopology.HISTORY_STORE);
        return store == null ? null : store.get(id);
    }

    /** The film an id was last merged into, from its history, or null. */
    private String mergedInto(String id) {
        FilmHistory history = history(id);
        if (history == null || history.events().isEmpty()) {
            return null;
        }
        ChangeEvent last = history.events().get(history.events().size() - 1);
        return ChangeEvent.MERGED.equals(last.type()) ? last.mergedInto() : null;
    }

    private ReadOnlyKeyValueStore<String, FilmRecord> store() {
        return store(PublishTopology.PUBLISHED_STORE);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            return null;
        }
    }

    /** Adds the film API to {@code router}. */
    public void routes(Router router) {
        router.add("GET", "/api/films", this::listFilms);
        router.add("GET", "/api/films/{id}", this::getFilm);
        router.add("GET", "/api/quality", (ex, p) -> {
            if (store() == null) {
                notReady(ex);
                return;
            }
            countFilms();
            HttpJson.send(ex, 200, storeMetrics.snapshot());
        });
        router.add("GET", "/api/films/{id}/history", this::getHistory);
        router.add("GET", "/api/films/{id}/overrides", this::getOverrides);
        router.add("POST", "/api/films/{id}/overrides", Access.writeJson(Role.EDITOR), this::postOverride);
        router.add("DELETE", "/api/films/{id}/overrides/{field}", Access.write(Role.EDITOR), this::deleteOverride);
    }

    private void getHistory(HttpExchange exchange, Map<String, String> params) throws IOException {
        FilmHistory history;
        try {
            if (store(PublishTopology.HISTORY_STORE) == null) {
                notReady(exchange);
                return;
            }
            history = history(params.get("id"));
        } catch (InvalidStateStoreException e) {
            notReady(exchange);
            return;
        }
        if (history == null) {
            HttpJson.error(exchange, 404, "film_not_found", "no change of a film with the id '" + params.get("id")
                    + "' was published; GET /api/films?q=TITLE finds films by title");
            return;
        }
        HttpJson.send(exchange, 200, history);
    }

    private void getOverrides(HttpExchange exchange, Map<String, String> params) throws IOException {
        try {
            HttpJson.send(exchange, 200, editor.current(params.get("id")));
        } catch (IllegalArgumentException e) {
            HttpJson.error(exchange, 400, "bad_film_id", e.getMessage());
        } catch (RuntimeException e) {
            kafkaDown(exchange, e);
        }
    }

    /**
     * The editor of a request: the name of its token; on a server without tokens, the name the
     * request gives. Null (answered 400) when the request names someone other than its token, or
     * nobody where there is no token.
     */
    private static String editorOf(HttpExchange exchange, String given) throws IOException {
        Principal principal = AccessPolicy.principal(exchange);
        if (principal.identified()) {
            if (given != null && !given.isBlank() && !given.strip().equals(principal.name())) {
                HttpJson.error(exchange, 400, "editor_mismatch", "the editor is the holder of the token ('"
                        + principal.name() + "'), not '" + given.strip() + "'; leave \"editor\" out");
                return null;
            }
            return principal.name();
        }
        if (given == null || given.isBlank()) {
            HttpJson.error(exchange, 400, "bad_override", "an override needs an editor: \"editor\" (without tokens"
                    + " configured the request names its editor)");
            return null;
        }
        return given.strip();
    }

    /**
     * Body: {@code {"field": "runtimeMinutes", "value": 24, "reason": "..."}}; the editor is the
     * token's holder ({@code "editor"} only on a server without tokens).
     */
    private void postOverride(HttpExchange exchange, Map<String, String> params) throws IOException {
        String id = params.get("id");
        byte[] body = HttpJson.readBody(exchange, MAX_OVERRIDE_BYTES);
        if (body == null) {
            HttpJson.error(exchange, 413, "too_large", "an override request is at most " + MAX_OVERRIDE_BYTES + " bytes");
            return;
        }
        com.fasterxml.jackson.databind.JsonNode request;
        try {
            request = io.filmwire.schema.Json.mapper().readTree(body);
        } catch (IOException e) {
            HttpJson.error(exchange, 400, "malformed_json", "the body is not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return;
        }
        if (request == null || !request.isObject() || !request.path("field").isTextual() || !request.has("value")
                || !request.path("reason").isTextual()
                || (request.has("editor") && !request.get("editor").isTextual())) {
            HttpJson.error(exchange, 400, "bad_override", "an override is a JSON object with \"field\" (text), \"value\" "
                    + "(the field's value) and \"reason\" (text)");
            return;
        }
        String who = editorOf(exchange, request.has("editor") ? request.get("editor").asText() : null);
        if (who == null || !filmKnown(exchange, id)) {
            return;
        }
        try {
            HttpJson.send(exchange, 202, editor.set(id, request.get("field").asText(), request.get("value"),
                    who, request.get("reason").asText()));
        } catch (IllegalArgumentException e) {
            HttpJson.error(exchange, 400, "bad_override", e.getMessage());
        } catch (RuntimeException e) {
            kafkaDown(exchange, e);
        }
    }

    /** Query: {@code ?reason=...&editor=...}. */
    private void deleteOverride(HttpExchange exchange, Map<String, String> params) throws IOException {
        Map<String, String> query = Router.query(exchange);
        String who = editorOf(exchange, query.get("editor"));
        if (who == null) {
            return;
        }
        try {
            HttpJson.send(exchange, 202, editor.remove(params.get("id"), params.get("field"), who, query.get("reason")));
        } catch (java.util.NoSuchElementException e) {
            HttpJson.error(exchange, 404, "override_not_found", e.getMessage());
        } catch (IllegalArgumentException e) {
            HttpJson.error(exchange, 400, "bad_override", e.getMessage() + " (DELETE .../overrides/FIELD?reason=TEXT)");
        } catch (RuntimeException e) {
            kafkaDown(exchange, e);
        }
    }

    /** True when the film is published here; else answers 404 (or 503 while not ready). */
    private boolean filmKnown(HttpExchange exchange, String id) throws IOException {
        try {
            if (store() == null) {
                notReady(exchange);
                return false;
            }
            if (film(id) != null) {
                return true;
            }
        } catch (InvalidStateStoreException e) {
            notReady(exchange);
            return false;
        }
        HttpJson.error(exchange, 404, "film_not_found", "no published film has the id '" + id
                + "'; overrides are set on published films (GET /api/films?q=TITLE finds them)");
        return false;
    }

    private static void kafkaDown(HttpExchange exchange, RuntimeException e) throws IOException {
        LOG.warn("Override request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        exchange.getResponseHeaders().set("Retry-After", "5");
        HttpJson.error(exchange, 503, "kafka_unavailable", "the override could not be read or written: " + e.getMessage());
    }

    private void listFilms(HttpExchange exchange, Map<String, String> params) throws IOException {
        try {
            answerList(exchange);
        } catch (InvalidStateStoreException e) {
            notReady(exchange);
        }
    }

    private void answerList(HttpExchange exchange) throws IOException {
        if (store() == null) {
            notReady(exchange);
            return;
        }
        Map<String, String> query = Router.query(exchange);
        int limit = DEFAULT_LIMIT;
        if (query.containsKey("limit")) {
            try {
                limit = Integer.parseInt(query.get("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                HttpJson.error(exchange, 400, "bad_limit", "limit must be a whole number from 1 to " + MAX_LIMIT
                        + ", was '" + query.get("limit") + "'");
                return;
            }
        }
        int offset = 0;
        if (query.containsKey("offset")) {
            try {
                offset = Integer.parseInt(query.get("offset"));
            } catch (NumberFormatException e) {
                offset = -1;
            }
            if (offset < 0) {
                HttpJson.error(exchange, 400, "bad_offset", "offset must be a whole number from 0, was '"
                        + query.get("offset") + "'");
                return;
            }
        }
        String pageId = query.get("page");
        SearchPage page = pageId == null ? search(query.get("q"), offset, limit)
                : fromPage(pageId, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", page.films().size());
        body.put("total", page.total());
        body.put("offset", offset);
        body.put("films", page.films());
        HttpJson.send(exchange, 200, body);
    }

    private void getFilm(HttpExchange exchange, Map<String, String> params) throws IOException {
        FilmRecord film;
        try {
            if (store() == null) {
                notReady(exchange);
                return;
            }
            film = film(params.get("id"));
        } catch (InvalidStateStoreException e) {
            notReady(exchange);
            return;
        }
        if (film == null) {
            String mergedInto = mergedInto(params.get("id"));
            HttpJson.error(exchange, 404, mergedInto == null ? "film_not_found" : "film_merged", mergedInto == null
                    ? "no published film has the id '" + params.get("id") + "'; GET /api/films?q=TITLE finds films by title"
                    : "film '" + params.get("id") + "' was merged into '" + mergedInto + "': GET /api/films/" + mergedInto);
            return;
        }
        HttpJson.send(exchange, 200, film);
    }

    private static void notReady(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", "2");
        HttpJson.error(exchange, 503, "not_ready", "publish-service is starting or rebalancing; retry shortly");
    }

    @Override
    public void close() {
        health.closing();
        counting.shutdownNow();
        editor.close();
        metricsBinder.close();
        // leave the group now: a restarted instance then gets its partitions at once, not after the session timeout
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        LOG.info("publish-service stopped");
    }
}
