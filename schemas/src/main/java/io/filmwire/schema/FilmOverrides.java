package io.filmwire.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every field an editor has set on one film (schema {@code film-overrides.schema.json}); the value on
 * the compacted films.overrides topic. An override beats every extracted value until removed.
 */
public record FilmOverrides(String filmId, Map<String, FieldOverride> fields) {

    /** The film-record fields an editor may set; the others (id, sources, provenance...) are the pipeline's. */
    public static final List<String> FIELDS = List.of(
            "title", "aliases", "year", "runtimeMinutes", "rating", "languages", "genres", "credits");

    public FilmOverrides {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** One overridden field: the value, who set it, why, when. */
    public record FieldOverride(JsonNode value, String editor, String reason, Instant time) {
    }
}
