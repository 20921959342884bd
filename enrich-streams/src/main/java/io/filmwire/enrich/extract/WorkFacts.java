package io.filmwire.enrich.extract;

import io.filmwire.enrich.extract.text.PersonNames;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.model.Layer;
import io.filmwire.enrich.reconcile.Survivorship;
import io.filmwire.enrich.reconcile.TitleKeys;
import io.filmwire.schema.FilmRecord.Credit;
import io.filmwire.schema.FilmRecord.Rating;
import io.filmwire.schema.RawPage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the extractors found about one work on one page, before a value is chosen per field.
 * Single-valued fields keep their best candidate (most trusted layer, then highest confidence, then
 * first found); lists keep every distinct value with its best evidence. Not thread-safe.
 */
public final class WorkFacts {

    final List<Fact<String>> titles = new ArrayList<>();
    final List<Fact<String>> aliases = new ArrayList<>();
    final List<Fact<Integer>> years = new ArrayList<>();
    final List<Fact<Integer>> runtimes = new ArrayList<>();
    final List<Fact<Rating>> ratings = new ArrayList<>();
    final List<Fact<String>> languages = new ArrayList<>();
    final List<Fact<String>> genres = new ArrayList<>();
    final List<Fact<Credit>> credits = new ArrayList<>();

    public void title(String value, Layer layer, String evidence, double confidence) {
        if (value != null && !value.isBlank()) {
            titles.add(Fact.of(value.strip(), layer, evidence, confidence));
        }
    }

    public void alias(String value, Layer layer, String evidence, double confidence) {
        if (value != null && !value.isBlank()) {
            aliases.add(Fact.of(value.strip(), layer, evidence, confidence));
        }
    }

    public void year(int value, Layer layer, String evidence, double confidence) {
        years.add(Fact.of(value, layer, evidence, confidence));
    }

    public void runtime(int value, Layer layer, String evidence, double confidence) {
        runtimes.add(Fact.of(value, layer, evidence, confidence));
    }

    public void rating(Rating value, Layer layer, String evidence, double confidence) {
        ratings.add(Fact.of(value, layer, evidence, confidence));
    }

    public void language(String value, Layer layer, String evidence, double confidence) {
        languages.add(Fact.of(value, layer, evidence, confidence));
    }

    public void genre(String value, Layer layer, String evidence, double confidence) {
        if (value != null && !value.isBlank()) {
            genres.add(Fact.of(value.strip(), layer, evidence, confidence));
        }
    }

    /** Adds a credit when the name has the shape of a person's name. */
    public void credit(String role, String name, String character, Layer layer, String evidence, double confidence) {
        String clean = PersonNames.clean(name);
        // a country ("EUA") or a label ("País") in a credit list is a table's other column, never a person
        if (PersonNames.isName(clean) && !io.filmwire.enrich.extract.text.Countries.isCountry(clean)
                && io.filmwire.enrich.extract.text.Labels.whole(clean).isEmpty()) {
            credits.add(Fact.of(new Credit(role, clean, character == null || character.isBlank() ? null : character.strip()),
                    layer, evidence, confidence));
        }
    }

    /** Forgets the title candidates (the page's title is decided by the title vote). */
    public void titlesClear() {
        titles.clear();
    }

    /** Adds the years and running times {@code other} found. */
    public void addYearsAndRuntimes(WorkFacts other) {
        years.addAll(other.years);
        runtimes.addAll(other.runtimes);
    }

    /** The year candidates. */
    public List<Fact<Integer>> years() {
        return years;
    }

    /** The running-time candidates. */
    public List<Fact<Integer>> runtimes() {
        return runtimes;
    }

    /** The rating candidates. */
    public List<Fact<Rating>> ratings() {
        return ratings;
    }

    /** The languages found. */
    public List<Fact<String>> languages() {
        return languages;
    }

    /** The alias candidates. */
    public List<Fact<String>> aliases() {
        return aliases;
    }

    /** The title candidates. */
    public List<Fact<String>> titles() {
        return titles;
    }

    /** Adds everything {@code other} found. */
    /**
     * Prose credits not read yet: the sentences to tag, the roles the markup had already filled when
     * they were left, the work's title then (a sentence must be about it), and where in the credits
     * they go (so the credits keep the order a reading at once gives).
     */
    public record LeftCredits(List<String> sentences, Set<String> covered, String title, int at) {
    }

    private LeftCredits left;

    /** Keeps prose credits for later ({@code null}: none). */
    public void leaveCredits(LeftCredits credits) {
        this.left = credits;
    }

    /** The prose credits left for later, now taken (null when none). */
    public LeftCredits takeLeftCredits() {
        LeftCredits l = left;
        left = null;
        return l;
    }

    public void addAll(WorkFacts other) {
        titles.addAll(other.titles);
        aliases.addAll(other.aliases);
        years.addAll(other.years);
        runtimes.addAll(other.runtimes);
        ratings.addAll(other.ratings);
        languages.addAll(other.languages);
        genres.addAll(other.genres);
        credits.addAll(other.credits);
    }

    /** True when something besides a title was found. */
    public boolean hasFacts() {
        return !years.isEmpty() || !runtimes.isEmpty() || !ratings.isEmpty() || !languages.isEmpty()
                || !genres.isEmpty() || !credits.isEmpty();
    }

    /** True when a markup layer (structured data or labels) stated a credit, a year or a running time. */
    public boolean hasMarkupFacts() {
        return credits.stream().anyMatch(f -> !f.layer().equals("prose"))
                || runtimes.stream().anyMatch(f -> !f.layer().equals("prose"))
                || years.stream().anyMatch(f -> f.layer().equals("semi_structured"));
    }

    /** True when a year, running time, director and cast are all known: prose could add nothing the record keeps. */
    public boolean complete() {
        boolean director = credits.stream().anyMatch(c -> c.value().role().equals("director"));
        boolean cast = credits.stream().anyMatch(c -> c.value().role().equals("cast") || c.value().role().equals("self"));
        return !years.isEmpty() && !runtimes.isEmpty() && director && cast;
    }

    /** The credits found so far. */
    public List<Fact<Credit>> credits() {
        return credits;
    }

    /** The best title candidate, if any. */
    public Optional<Fact<String>> bestTitle() {
        return best(titles);
    }

    /** The best year candidate, if any. */
    public Optional<Fact<Integer>> bestYear() {
        return best(years);
    }

    /**
     * The film's rating: when several are shown (the site's own from 207 votes, IMDb's from 174,300),
     * the one from the most votes; without counts, the best-supported.
     */
    public Optional<Fact<Rating>> bestRating() {
        Optional<Fact<Rating>> counted = ratings.stream().filter(f -> f.value().count() != null)
                .max(Comparator.comparingLong((Fact<Rating> f) -> f.value().count()));
        return counted.isPresent() ? counted : best(ratings);
    }

    static <T> Optional<Fact<T>> best(List<Fact<T>> facts) {
        return facts.stream().max(Comparator.comparingDouble((Fact<T> f) -> score(f)));
    }

    private static double score(Fact<?> f) {
        return Survivorship.weight(f.layerEnum()) * f.confidence();
    }

    /** The mention of this work, or empty without a title. */
    public Optional<FilmMention> toMention(RawPage page, String site, int index) {
        Optional<Fact<String>> title = bestTitle();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        String titleKey = TitleKeys.titleKey(title.get().value());
        List<Fact<String>> otherTitles = new ArrayList<>(distinct(aliases, TitleKeys::titleKey));
        otherTitles.removeIf(a -> TitleKeys.titleKey(a.value()).equals(titleKey));
        Fact<Integer> year = best(years).orElse(null);
        Fact<Integer> runtime = best(runtimes).orElse(null);
        Fact<Rating> rating = bestRating().orElse(null);
        FilmMention.Alternatives alternatives = new FilmMention.Alternatives(others(years, year, String::valueOf),
                others(runtimes, runtime, String::valueOf), others(ratings, rating, r -> r.value() + "/" + r.scale()));
        return Optional.of(new FilmMention(page.pageId(), page.url(), site, page.fetchedAt(), index, title.get(),
                otherTitles, year, runtime, rating, distinct(languages, s -> s.toLowerCase(Locale.ROOT)),
                distinct(genres, s -> s.toLowerCase(Locale.ROOT)), distinctCredits(), alternatives));
    }

    /** The distinct values other than the chosen one, each with its best evidence. */
    private static <T> List<Fact<T>> others(List<Fact<T>> facts, Fact<T> chosen, Function<T, String> key) {
        if (chosen == null) {
            return List.of();
        }
        String chosenKey = key.apply(chosen.value());
        List<Fact<T>> out = new ArrayList<>(distinct(facts, key));
        out.removeIf(f -> key.apply(f.value()).equals(chosenKey));
        return out;
    }

    private List<Fact<Credit>> distinctCredits() {
        Map<String, Fact<Credit>> byKey = new LinkedHashMap<>();
        for (Fact<Credit> f : credits) {
            String key = f.value().role() + ":" + TitleKeys.nameKey(f.value().name());
            byKey.merge(key, f, (a, b) -> score(b) > score(a) ? withCharacter(b, a) : withCharacter(a, b));
        }
        return new ArrayList<>(byKey.values());
    }

    private static Fact<Credit> withCharacter(Fact<Credit> kept, Fact<Credit> other) {
        if (kept.value().character() == null && other.value().character() != null) {
            Credit c = kept.value();
            return new Fact<>(new Credit(c.role(), c.name(), other.value().character()), kept.layer(), kept.evidence(),
                    kept.confidence());
        }
        return kept;
    }

    private static <T> List<Fact<T>> distinct(List<Fact<T>> facts, Function<T, String> key) {
        Map<String, Fact<T>> byKey = new LinkedHashMap<>();
        for (Fact<T> f : facts) {
            byKey.merge(key.apply(f.value()), f, (a, b) -> score(b) > score(a) ? b : a);
        }
        return new ArrayList<>(byKey.values());
    }

}
