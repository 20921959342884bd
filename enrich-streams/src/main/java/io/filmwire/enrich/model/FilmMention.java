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
 * @param alternatives values the same page also states for its single-valued fields, that lost to
 *                  the chosen ones ("just under an hour" in prose beside "24 min"); null for none
 * @param work      why the page is taken to describe a film (a schema.org Movie, a running time in its
 *                  markup, credits, a listing of films), each with its layer and evidence; null for none
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
        List<Fact<Credit>> credits,
        Alternatives alternatives,
        List<Fact<String>> work) {

    /** Values a page states besides the chosen ones, kept so that reconciliation can list them as conflicts. */
    public record Alternatives(List<Fact<Integer>> years, List<Fact<Integer>> runtimes, List<Fact<Rating>> ratings) {

        public static final Alternatives NONE = new Alternatives(List.of(), List.of(), List.of());

        public Alternatives {
            years = years == null ? List.of() : List.copyOf(years);
            runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
            ratings = ratings == null ? List.of() : List.copyOf(ratings);
        }
    }

    /** A mention without alternatives. */
    public FilmMention(String pageId, String url, String site, Instant fetchedAt, int index, Fact<String> title,
                       List<Fact<String>> aliases, Fact<Integer> year, Fact<Integer> runtimeMinutes, Fact<Rating> rating,
                       List<Fact<String>> languages, List<Fact<String>> genres, List<Fact<Credit>> credits) {
        this(pageId, url, site, fetchedAt, index, title, aliases, year, runtimeMinutes, rating, languages, genres, credits,
                Alternatives.NONE, List.of());
    }

    /** A mention without evidence of its work. */
    public FilmMention(String pageId, String url, String site, Instant fetchedAt, int index, Fact<String> title,
                       List<Fact<String>> aliases, Fact<Integer> year, Fact<Integer> runtimeMinutes, Fact<Rating> rating,
                       List<Fact<String>> languages, List<Fact<String>> genres, List<Fact<Credit>> credits,
                       Alternatives alternatives) {
        this(pageId, url, site, fetchedAt, index, title, aliases, year, runtimeMinutes, rating, languages, genres, credits,
                alternatives, List.of());
    }

    /** This mention with {@code evidence} of its work. */
    public FilmMention withWork(List<Fact<String>> evidence) {
        return new FilmMention(pageId, url, site, fetchedAt, index, title, aliases, year, runtimeMinutes, rating, languages,
                genres, credits, alternatives, evidence);
    }

    public FilmMention {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(title, "title");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        languages = languages == null ? List.of() : List.copyOf(languages);
        genres = genres == null ? List.of() : List.copyOf(genres);
        credits = credits == null ? List.of() : List.copyOf(credits);
        alternatives = alternatives == null ? Alternatives.NONE : alternatives;
        work = work == null ? List.of() : List.copyOf(work);
    }

    /** The key of this mention within its film: page and position. */
    public String mentionKey() {
        return pageId + "#" + index;
    }
}
