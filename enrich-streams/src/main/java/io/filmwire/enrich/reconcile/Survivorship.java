package io.filmwire.enrich.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.model.Layer;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.FilmRecord.Conflict;
import io.filmwire.schema.FilmRecord.ConflictValue;
import io.filmwire.schema.FilmRecord.Credit;
import io.filmwire.schema.FilmRecord.Evidence;
import io.filmwire.schema.FilmRecord.Rating;
import io.filmwire.schema.FilmRecord.SourceRef;
import io.filmwire.schema.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a film record from the mentions of one film. Policy: for a single-valued field (title, year,
 * runtime, rating) each value scores the sum, over the pages stating it, of the page's best
 * layer weight x confidence (structured data over fact lines over prose; agreement across pages over
 * a lone value); the best score wins, ties go to the more trusted layer, then to the smaller value
 * for determinism. Every other value is listed in {@code conflicts}. Multi-valued fields (languages,
 * genres, credits) are the union of what the pages state. Every value keeps its evidence. Stateless.
 */
public final class Survivorship {

    /** The weight of a layer in the score of a value. */
    public static double weight(Layer layer) {
        return switch (layer) {
            case OVERRIDE -> 100.0;
            case STRUCTURED -> 1.0;
            case SEMI_STRUCTURED -> 0.8;
            case PROSE -> 0.45;
        };
    }

    private static final List<String> ROLE_ORDER = List.of("director", "writer", "producer", "executive_producer",
            "cinematographer", "editor", "composer", "production_designer", "cast", "self");

    /** One fact of one mention. */
    private record Support<T>(FilmMention mention, Fact<T> fact, String key) {
        double score() {
            return weight(fact.layerEnum()) * fact.confidence();
        }
    }

    /** The values of one key, with their pages. */
    private static final class Group<T> {
        final String key;
        final Map<String, Support<T>> bestPerPage = new LinkedHashMap<>();

        Group(String key) {
            this.key = key;
        }

        void add(Support<T> support) {
            bestPerPage.merge(support.mention().pageId(), support,
                    (a, b) -> b.score() > a.score() ? b : a);
        }

        double score() {
            return bestPerPage.values().stream().mapToDouble(Support::score).sum();
        }

        Support<T> best() {
            return bestPerPage.values().stream().max(Comparator.comparingDouble(Support<T>::score)).orElseThrow();
        }

        int layerRank() {
            return best().fact().layerEnum().rank();
        }
    }

    /** A chosen value with its evidence and, when pages disagreed, the conflict. */
    private record Choice<T>(T value, List<Evidence> evidence, Conflict conflict) {
    }

    /**
     * The record of {@code mentions} (at least one), with {@code version} and {@code at}.
     */
    public FilmRecord assemble(String id, List<FilmMention> mentions, long version, Instant at) {
        if (mentions.isEmpty()) {
            throw new IllegalArgumentException("a film record needs at least one mention; film '" + id + "' has none");
        }
        Map<String, List<Evidence>> provenance = new TreeMap<>();
        Map<String, Conflict> conflicts = new TreeMap<>();

        Choice<String> title = choose(mentions, m -> List.of(m.title()), TitleKeys::titleKey, "title");
        record(provenance, conflicts, "title", title);
        Choice<Integer> year = choose(mentions, m -> with(m.year(), m.alternatives().years()), String::valueOf, "year");
        record(provenance, conflicts, "year", year);
        Choice<Integer> runtime = choose(mentions, m -> with(m.runtimeMinutes(), m.alternatives().runtimes()),
                String::valueOf, "runtimeMinutes");
        record(provenance, conflicts, "runtimeMinutes", runtime);
        Choice<Rating> rating = choose(mentions, m -> with(m.rating(), m.alternatives().ratings()),
                r -> r.value() + "/" + r.scale(), "rating");
        record(provenance, conflicts, "rating", rating);

        String titleKey = title == null ? "" : TitleKeys.titleKey(title.value());
        List<String> aliases = union(mentions, FilmMention::aliases, TitleKeys::titleKey, provenance, "aliases")
                .stream().filter(a -> !TitleKeys.titleKey(a).equals(titleKey)).toList();
        List<String> languages = union(mentions, FilmMention::languages, s -> s.toLowerCase(Locale.ROOT), provenance, "languages");
        List<String> genres = union(mentions, FilmMention::genres, s -> s.toLowerCase(Locale.ROOT), provenance, "genres");
        List<Credit> credits = union(mentions, FilmMention::credits,
                c -> c.role() + ":" + TitleKeys.nameKey(c.name()), provenance, "credits");
        credits = credits.stream()
                .sorted(Comparator.comparingInt((Credit c) -> roleRank(c.role())))
                .toList();

        Map<String, SourceRef> sources = new LinkedHashMap<>();
        for (FilmMention m : mentions) {
            sources.putIfAbsent(m.pageId(), new SourceRef(m.pageId(), m.url(), m.site(), m.fetchedAt()));
        }
        return new FilmRecord(id, title.value(), aliases, value(year), value(runtime), value(rating), languages, genres,
                credits, List.copyOf(sources.values()), provenance, conflicts, version, List.of(), at);
    }

    private static int roleRank(String role) {
        int i = ROLE_ORDER.indexOf(role);
        return i < 0 ? ROLE_ORDER.size() : i;
    }

    private static <T> T value(Choice<T> choice) {
        return choice == null ? null : choice.value();
    }

    /**
     * The page's chosen value and, at a tenth of their weight, the values the same page also stated:
     * the page already weighed them, so they are listed as conflicts but hardly count.
     */
    private static <T> List<Fact<T>> with(Fact<T> chosen, List<Fact<T>> others) {
        List<Fact<T>> all = new ArrayList<>(listOf(chosen));
        for (Fact<T> other : others) {
            all.add(new Fact<>(other.value(), other.layer(), other.evidence(), other.confidence() * 0.1));
        }
        return all;
    }

    private static <T> List<Fact<T>> listOf(Fact<T> fact) {
        return fact == null ? List.of() : List.of(fact);
    }

    private static void record(Map<String, List<Evidence>> provenance, Map<String, Conflict> conflicts, String field,
                               Choice<?> choice) {
        if (choice == null) {
            return;
        }
        provenance.put(field, choice.evidence());
        if (choice.conflict() != null) {
            conflicts.put(field, choice.conflict());
        }
    }

    private static <T> Choice<T> choose(List<FilmMention> mentions, Function<FilmMention, List<Fact<T>>> facts,
                                        Function<T, String> keyOf, String field) {
        Map<String, Group<T>> groups = new LinkedHashMap<>();
        for (FilmMention m : mentions) {
            for (Fact<T> fact : facts.apply(m)) {
                String key = keyOf.apply(fact.value());
                groups.computeIfAbsent(key, Group::new).add(new Support<>(m, fact, key));
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        List<Group<T>> ranked = new ArrayList<>(groups.values());
        ranked.sort(Comparator.comparingDouble((Group<T> g) -> -g.score())
                .thenComparingInt(g -> -g.layerRank())
                .thenComparing(g -> g.key));
        Group<T> winner = ranked.get(0);
        T value = winner.best().fact().value();
        List<Evidence> evidence = winner.bestPerPage.values().stream().map(s -> evidence(s, field)).toList();
        Conflict conflict = null;
        if (ranked.size() > 1) {
            List<ConflictValue> values = ranked.stream()
                    .map(g -> new ConflictValue(json(g.best().fact().value()), List.copyOf(g.bestPerPage.keySet()),
                            g.best().fact().layer(), g.best().fact().evidence()))
                    .toList();
            conflict = new Conflict(values, json(value));
        }
        return new Choice<>(value, evidence, conflict);
    }

    private static <T> List<T> union(List<FilmMention> mentions, Function<FilmMention, List<Fact<T>>> facts,
                                     Function<T, String> keyOf, Map<String, List<Evidence>> provenance, String field) {
        Map<String, Support<T>> best = new LinkedHashMap<>();
        for (FilmMention m : mentions) {
            for (Fact<T> fact : facts.apply(m)) {
                String key = keyOf.apply(fact.value());
                if (key.isEmpty()) {
                    continue;
                }
                best.merge(key, new Support<>(m, fact, key), (a, b) -> b.score() > a.score() ? b : a);
            }
        }
        if (best.isEmpty()) {
            return List.of();
        }
        provenance.put(field, best.values().stream().map(s -> evidence(s, field)).toList());
        return best.values().stream().map(s -> s.fact().value()).toList();
    }

    private static Evidence evidence(Support<?> support, String field) {
        Object value = support.fact().value();
        String text = value instanceof Credit c ? c.role() + ": " + c.name()
                : value instanceof Rating r ? r.value() + "/" + r.scale() + (r.count() == null ? "" : " (" + r.count() + ")")
                : String.valueOf(value);
        return new Evidence(text, support.mention().pageId(), support.fact().layer(), support.fact().evidence(),
                support.fact().confidence());
    }

    private static JsonNode json(Object value) {
        return Json.tree(value);
    }
}
