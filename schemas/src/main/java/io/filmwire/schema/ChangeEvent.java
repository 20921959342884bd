package io.filmwire.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What changed in a film record (schema {@code change-event.schema.json}); the value on films.changes.
 *
 * @param type            {@code created}, {@code updated}, {@code merged} or {@code deleted}
 * @param version         the record's version after the change (0 for a tombstone)
 * @param previousVersion the version before, or null for a new record
 * @param mergedInto      for {@code merged}: the id that survives
 */
public record ChangeEvent(
        String filmId,
        String type,
        long version,
        Long previousVersion,
        List<FieldChange> changes,
        Cause causedBy,
        String mergedInto,
        Instant time) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String MERGED = "merged";
    public static final String DELETED = "deleted";

    public ChangeEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** One field's old and new value (JSON null when absent). */
    public record FieldChange(String field, JsonNode oldValue, JsonNode newValue) {
    }

    /** The page or override whose arrival caused the change. */
    public record Cause(String pageId, String url, String override) {
    }
}
