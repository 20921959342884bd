package io.filmwire.schema;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of Filmwire (the names are the contract of DESIGN.md). Keys are strings: a page id
 * (canonical URL or {@code sha256:} content hash) or a film id.
 */
public final class Topics {

    private static final Serde<String> KEY = Serdes.String();

    /** Input pages: page id -> raw page. */
    public static final Topic<String, RawPage> PAGES_RAW =
            new Topic<>("pages.raw", KEY, new JsonSerde<>(RawPage.class), false);
    /** Everything that could not be processed: page id -> input, reason, stage, time. */
    public static final Topic<String, DlqEntry> PAGES_DLQ =
            new Topic<>("pages.dlq", KEY, new JsonSerde<>(DlqEntry.class), false);
    /** Cleaned articles for editors and search: page id -> clean page. */
    public static final Topic<String, CleanPage> PAGES_CLEAN =
            new Topic<>("pages.clean", KEY, new JsonSerde<>(CleanPage.class), false);
    /** Streams output: film id -> film record (internal). */
    public static final Topic<String, FilmRecord> FILMS_RECONCILED =
            new Topic<>("films.reconciled", KEY, new JsonSerde<>(FilmRecord.class), false);
    /** Downstream: the latest record of each film (compacted). */
    public static final Topic<String, FilmRecord> FILMS_RECORDS =
            new Topic<>("films.records", KEY, new JsonSerde<>(FilmRecord.class), true);
    /** Downstream: what changed, append-only. */
    public static final Topic<String, ChangeEvent> FILMS_CHANGES =
            new Topic<>("films.changes", KEY, new JsonSerde<>(ChangeEvent.class), false);
    /** Editors' corrections, compacted: film id -> all overrides of that film. */
    public static final Topic<String, FilmOverrides> FILMS_OVERRIDES =
            new Topic<>("films.overrides", KEY, new JsonSerde<>(FilmOverrides.class), true);

    /**
     * URLs for ingest-service to fetch again (the replay of an intake dead letter): URL -> fetch
     * request. Internal: written by the replay, read by ingest-service.
     */
    public static final Topic<String, FetchRequest> PAGES_FETCH =
            new Topic<>("pages.fetch", KEY, new JsonSerde<>(FetchRequest.class), false);

    /** All topics, in flow order (the fetch requests of replays last). */
    public static final List<Topic<String, ?>> ALL = List.of(
            PAGES_RAW, PAGES_DLQ, PAGES_CLEAN, FILMS_RECONCILED, FILMS_RECORDS, FILMS_CHANGES, FILMS_OVERRIDES, PAGES_FETCH);

    private Topics() {
    }

    /**
     * The {@code filmwire.schema} header value of the values of the topic named {@code name}
     * ({@code raw-page/1.1}), or null for a topic that is not Filmwire's.
     */
    public static String schemaHeader(String name) {
        Topic<String, ?> topic = byName(name);
        if (topic == null || !(topic.valueSerde() instanceof JsonSerde<?> serde) || serde.schema() == null) {
            return null;
        }
        return serde.schema().toString();
    }

    /** The topic of that name, or null. */
    public static Topic<String, ?> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
