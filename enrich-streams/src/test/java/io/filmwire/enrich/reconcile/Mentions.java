package io.filmwire.enrich.reconcile;

import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.model.Layer;
import io.filmwire.schema.FilmRecord.Credit;
import io.filmwire.schema.FilmRecord.Rating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds synthetic mentions for tests: what an extractor would say about one work on one page. */
public final class Mentions {

    private final String pageId;
    private final int index;
    private final Fact<String> title;
    private final List<Fact<String>> aliases = new ArrayList<>();
    private final List<Fact<String>> languages = new ArrayList<>();
    private final List<Fact<Credit>> credits = new ArrayList<>();
    private Fact<Integer> year;
    private Fact<Integer> runtime;
    private Fact<Rating> rating;
    private Instant fetchedAt = Instant.parse("2026-11-01T00:00:00Z");

    private Mentions(String pageId, int index, String title, Layer layer) {
        this.pageId = pageId;
        this.index = index;
        this.title = Fact.of(title, layer, title, 0.9);
    }

    /** The main work of page {@code pageId}, titled {@code title} in structured data. */
    public static Mentions page(String pageId, String title) {
        return new Mentions(pageId, 0, title, Layer.STRUCTURED);
    }

    /** Work number {@code index} of page {@code pageId}, titled {@code title} in {@code layer}. */
    public static Mentions work(String pageId, int index, String title, Layer layer) {
        return new Mentions(pageId, index, title, layer);
    }

    public Mentions alias(String alias) {
        aliases.add(Fact.of(alias, Layer.STRUCTURED, "also known as " + alias, 0.9));
        return this;
    }

    public Mentions year(int value, Layer layer) {
        year = Fact.of(value, layer, "year " + value, 0.9);
        return this;
    }

    public Mentions year(int value) {
        return year(value, Layer.STRUCTURED);
    }

    public Mentions runtime(int minutes, Layer layer, String evidence) {
        runtime = Fact.of(minutes, layer, evidence, layer == Layer.PROSE ? 0.6 : 0.9);
        return this;
    }

    public Mentions runtime(int minutes) {
        return runtime(minutes, Layer.STRUCTURED, minutes + " min");
    }

    public Mentions rating(double value, double scale, long count) {
        rating = Fact.of(new Rating(value, scale, count, "test"), Layer.SEMI_STRUCTURED, value + " (" + count + ")", 0.9);
        return this;
    }

    public Mentions director(String name) {
        return credit("director", name);
    }

    public Mentions credit(String role, String name) {
        credits.add(Fact.of(new Credit(role, name), Layer.SEMI_STRUCTURED, role + ": " + name, 0.85));
        return this;
    }

    public Mentions language(String language) {
        languages.add(Fact.of(language, Layer.SEMI_STRUCTURED, "Language " + language, 0.9));
        return this;
    }

    public Mentions fetchedAt(Instant at) {
        fetchedAt = at;
        return this;
    }

    public FilmMention build() {
        String url = pageId.startsWith("http") ? pageId : "https://" + pageId;
        return new FilmMention(pageId, url, java.net.URI.create(url).getHost(),
                fetchedAt, index, title, aliases, year, runtime, rating, languages, List.of(), credits);
    }
}
