package io.filmwire.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A reconciled film (schema {@code film-record.schema.json}): the downstream contract, the value on
 * films.reconciled and films.records. Immutable; build a changed copy with the {@code with*} methods.
 */
public record FilmRecord(
        String id,
        String title,
        List<String> aliases,
        Integer year,
        Integer runtimeMinutes,
        Rating rating,
        List<String> languages,
        List<String> genres,
        List<Credit> credits,
        List<SourceRef> sources,
        Map<String, List<Evidence>> provenance,
        Map<String, Conflict> conflicts,
        long version,
        List<String> mergedFrom,
        Instant updatedAt) {

    public FilmRecord {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        languages = languages == null ? List.of() : List.copyOf(languages);
        genres = genres == null ? List.of() : List.copyOf(genres);
        credits = credits == null ? List.of() : List.copyOf(credits);
        sources = sources == null ? List.of() : List.copyOf(sources);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
        conflicts = conflicts == null ? Map.of() : Map.copyOf(conflicts);
        mergedFrom = mergedFrom == null ? List.of() : List.copyOf(mergedFrom);
    }

    /** This record with another version and update time. */
    public FilmRecord withVersion(long newVersion, Instant at) {
        return new FilmRecord(id, title, aliases, year, runtimeMinutes, rating, languages, genres, credits,
                sources, provenance, conflicts, newVersion, mergedFrom, at);
    }

    /** A rating: {@code value} of {@code scale} (7.5 of 10), from {@code count} votes, given by {@code source}. */
    public record Rating(double value, double scale, Long count, String source) {
    }

    /** One credit; {@code character} is the part played, for cast, when stated. */
    public record Credit(String role, String name, String character) {

        public Credit(String role, String name) {
            this(role, name, null);
        }
    }

    /** A page the record was built from. */
    public record SourceRef(String pageId, String url, String site, Instant fetchedAt) {
    }

    /**
     * Why a value is in the record: the page, the extractor layer ({@code structured},
     * {@code semi_structured}, {@code prose}, {@code override}), the text it was read from, how sure.
     */
    public record Evidence(String value, String pageId, String layer, String evidence, double confidence) {
    }

    /** Sources disagree on a field: every value with its pages, and the one chosen. */
    public record Conflict(List<ConflictValue> values, JsonNode chosen) {

        public Conflict {
            values = List.copyOf(values);
        }
    }

    /** One of the disagreeing values. */
    public record ConflictValue(JsonNode value, List<String> pages, String layer, String evidence) {

        public ConflictValue {
            pages = List.copyOf(pages);
        }
    }
}
