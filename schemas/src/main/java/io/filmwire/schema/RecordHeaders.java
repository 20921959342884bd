package io.filmwire.schema;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;

/**
 * Record headers of Filmwire's topics: on every record the schema and version of its value
 * ({@link #SCHEMA}, set by {@link JsonSerde}); on films.reconciled (and copied to films.records) the
 * page that caused a new version, and for a tombstone the film it was merged into.
 */
public final class RecordHeaders {

    /**
     * On every record: the schema and version of the value, {@code film-record/1.1} ({@link SchemaId}).
     * A tombstone carries the schema its topic's values follow.
     */
    public static final String SCHEMA = "filmwire.schema";
    /** On a replayed record and on a dead letter of one: the id of the dead letter it replays. */
    public static final String REPLAY_OF = "filmwire.replay.of";
    /** On a replayed record and on a dead letter of one: how many replays led to it (1 for the first). */
    public static final String REPLAYS = "filmwire.replays";
    /** Page id whose arrival produced this version. */
    public static final String CAUSE_PAGE = "filmwire.cause.page";
    /** URL of that page, when known. */
    public static final String CAUSE_URL = "filmwire.cause.url";
    /** On a tombstone: the id of the film that survives the merge. */
    public static final String MERGED_INTO = "filmwire.merged.into";
    /** On a record changed by an editor's override: "editor: reason". */
    public static final String CAUSE_OVERRIDE = "filmwire.cause.override";

    private RecordHeaders() {
    }

    /** The text of the last header {@code name}, or null. */
    public static String text(org.apache.kafka.common.header.Headers headers, String name) {
        Header h = headers == null ? null : headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Sets header {@code name} to {@code value} (nothing when value is null). */
    public static void set(org.apache.kafka.common.header.Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
