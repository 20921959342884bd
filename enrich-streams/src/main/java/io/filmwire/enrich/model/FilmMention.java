package io.filmwire.enrich.model;

import io.filmwire.schema.FilmRecord.Credit;
import io.filmwire.schema.FilmRecord.Rating;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one page says about one work: the unit that reconciliation merges into film records. A page
 * about several works yields several mentions, told apart by {@code index}.
 *
 * @param pageId    the page
 * @param index     the work's position on the page (0 for the page's main or only work)
 * @param title     the work's title as published (required)
 * @param aliases   other titles the page gives (original, localised)
 */
public record FilmMention(
        String pageId,
        String url,
        String site,
        Instant fetchedAt,
        int index,
        Fact<String> title,
        List<Fact<String>> aliases,
        Fact<Integer> year,
        Fact<Integer> runtimeMinutes,
        Fact<Rating> rating,
        List<Fact<String>> languages,
        List<Fact<String>> genres,
        List<Fact<Credit>> credits) {

    public FilmMention {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(title, "title");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        languages = languages == null ? List.of() : List.copyOf(languages);
        genres = genres == null ? List.of() : List.copyOf(genres);
        credits = credits == null ? List.of() : List.copyOf(credits);
    }

    /** The key of this mention within its film: page and position. */
    public String mentionKey() {
        return pageId + "#" + index;
    }
}
