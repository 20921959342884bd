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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a film record from the mentions of one film. Policy: for a single-valued field (year,
 * runtime, rating) each value scores the sum, over the pages stating it, of the page's best layer
 * weight x confidence (structured data over fact lines over prose; agreement across pages over a
 * lone value); the best score wins, ties go to the more trusted layer, then to the smaller value for
 * determinism. Every other value is listed in {@code conflicts} with its pages. The title is chosen
 * the same way, an alias counting half as a title: the other titles become aliases, and only titles
 * that no page gives as an alternative title count as conflicts. Multi-valued fields (languages,
 * genres, credits) are the union of what the pages state. Every value keeps the pages that support it
 * (up to {@value #MAX_PAGES_PER_VALUE}, the best first). Stateless and thread-safe.
 */
public final class Survivorship {

    /** Most pages listed as evidence for one value. */
    public static final int MAX_PAGES_PER_VALUE = 10;
    /** How much a page giving a title as an alias supports it as the film's title, against a title. */
    static final double ALIAS_FACTOR = 0.5;

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

    /** One fact of one mention, counted {@code factor} times; its score and layer worked out once. */
    private record Support<T>(FilmMention mention, Fact<T> fact, double factor, Layer layer, double score) {

        Support(FilmMention mention, Fact<T> fact, double factor) {
            this(mention, fact, factor, fact.layerEnum(), weight(fact.layerEnum()) * fact.confidence() * factor);
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
            bestPerPage.merge(support.mention().pageId(), support, (a, b) -> b.score() > a.score() ? b : a);
        }

        double score() {
            return bestPerPage.values().stream().mapToDouble(Support::score).sum();
        }

        Support<T> best() {
            return bestPerPage.values().stream().max(Comparator.comparingDouble(Support<T>::score)).orElseThrow();
        }

        List<Support<T>> bestFirst() {
            List<Support<T>> all = new ArrayList<>(bestPerPage.values());
            all.sort(Comparator.comparingDouble((Support<T> s) -> -s.score()));
            return all.size() > MAX_PAGES_PER_VALUE ? all.subList(0, MAX_PAGES_PER_VALUE) : all;
        }

        int layerRank() {
            return best().layer().rank();
        }
    }

    /** A chosen value with its evidence and, when pages disagreed, the conflict. */
    private record Choice<T>(T value, List<Evidence> evidence, Conflict conflict) {
    }

    /** Reasons kept at most under provenance "work" (why the pages are taken to describe a film). */
    private static final int MAX_WORK_EVIDENCE = 12;

    /**
     * The record of {@code mentions} (at least one), with {@code version} and {@code at}.
     */
    public FilmRecord assemble(String id, List<FilmMention> mentions, long version, Instant at) {
        if (mentions.isEmpty()) {
            throw new IllegalArgumentException("a film record needs at least one mention; film '" + id + "' has none");
        }
        Map<String, List<Evidence>> provenance = new TreeMap<>();
        Map<String, Conflict> conflicts = new TreeMap<>();

        List<Group<String>> titles = rank(titleGroups(mentions));
        Set<String> alternatives = alternativeTitles(mentions, titles.get(0).key);
        Choice<String> title = choice(titles.stream()
                .filter(g -> g == titles.get(0) || !alternatives.contains(g.key)
                        && g.bestPerPage.values().stream().anyMatch(s -> s.factor() == 1.0))
                .toList(), "title");
        record(provenance, conflicts, "title", title);
        Choice<Integer> year = choose(mentions, m -> with(m.year(), m.alternatives().years()), String::valueOf, "year");
        record(provenance, conflicts, "year", year);
        Choice<Integer> runtime = choose(mentions, m -> with(m.runtimeMinutes(), m.alternatives().runtimes()),
                String::valueOf, "runtimeMinutes");
        record(provenance, conflicts, "runtimeMinutes", runtime);
        Choice<Rating> rating = choose(mentions, m -> with(m.rating(), m.alternatives().ratings()),
                r -> r.value() + "/" + r.scale(), "rating");
        record(provenance, conflicts, "rating", rating);

        List<Group<String>> otherTitles = titles.subList(1, titles.size());
        List<String> aliases = otherTitles.stream().map(g -> g.best().fact().value()).toList();
        if (!aliases.isEmpty()) {
            provenance.put("aliases", otherTitles.stream()
                    .flatMap(g -> g.bestFirst().stream().map(s -> evidence(s, "aliases"))).toList());
        }
        List<String> languages = union(mentions, FilmMention::languages, s -> s.toLowerCase(Locale.ROOT), provenance, "languages");
        List<String> genres = union(mentions, FilmMention::genres, s -> s.toLowerCase(Locale.ROOT), provenance, "genres");
        List<Credit> credits = union(mentions, FilmMention::credits,
                c -> c.role() + ":" + TitleKeys.nameKey(c.name()), provenance, "credits");
        credits = credits.stream().sorted(Comparator.comparingInt((Credit c) -> roleRank(c.role()))).toList();
        List<Evidence> work = new ArrayList<>();
        for (FilmMention m : mentions) {
            for (Fact<String> why : m.work()) {
                if (work.size() < MAX_WORK_EVIDENCE) {
                    work.add(new Evidence(why.value(), m.pageId(), why.layer(), why.evidence(), why.confidence()));
                }
            }
        }
        if (!work.isEmpty()) {
            provenance.put("work", work);
        }

        Map<String, SourceRef> sources = new LinkedHashMap<>();
        for (FilmMention m : mentions) {
            sources.putIfAbsent(m.pageId(), new SourceRef(m.pageId(), m.url(), m.site(), m.fetchedAt()));
        }
        return new FilmRecord(id, title.value(), aliases, value(year), value(runtime), value(rating), languages, genres,
                credits, List.copyOf(sources.values()), provenance, conflicts, version, List.of(), at);
    }

    /**
     * Title keys that are other names of the film rather than disagreements with {@code chosen}:
     * every alias, and every title of a page that also gives the chosen title.
     */
    private static Set<String> alternativeTitles(List<FilmMention> mentions, String chosen) {
        Set<String> out = new HashSet<>();
        for (FilmMention m : mentions) {
            List<String> keys = new ArrayList<>();
            keys.add(TitleKeys.titleKey(m.title().value()));
            m.aliases().forEach(a -> keys.add(TitleKeys.titleKey(a.value())));
            out.addAll(keys.subList(1, keys.size()));
            if (keys.contains(chosen)) {
                out.addAll(keys);
            }
        }
        return out;
    }

    /** Titles and aliases grouped by title key; an alias counts {@value #ALIAS_FACTOR} of a title. */
    private static List<Group<String>> titleGroups(List<FilmMention> mentions) {
        Map<String, Group<String>> groups = new LinkedHashMap<>();
        for (FilmMention m : mentions) {
            add(groups, m, m.title(), 1.0);
            for (Fact<String> alias : m.aliases()) {
                add(groups, m, alias, ALIAS_FACTOR);
            }
        }
        groups.values().removeIf(g -> g.key.isEmpty());
        return new ArrayList<>(groups.values());
    }

    private static void add(Map<String, Group<String>> groups, FilmMention m, Fact<String> fact, double factor) {
        String key = TitleKeys.titleKey(fact.value());
        groups.computeIfAbsent(key, Group::new).add(new Support<>(m, fact, factor));
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
                groups.computeIfAbsent(key, Group::new).add(new Support<>(m, fact, 1.0));
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        return choice(rank(new ArrayList<>(groups.values())), field);
    }

    /** Best first: by score, then layer, then key. */
    private static <T> List<Group<T>> rank(List<Group<T>> groups) {
        groups.sort(Comparator.comparingDouble((Group<T> g) -> -g.score())
                .thenComparingInt(g -> -g.layerRank())
                .thenComparing(g -> g.key));
        return groups;
    }

    /** The first group's value; the others, when there are any, as the conflict. */
    private static <T> Choice<T> choice(List<Group<T>> ranked, String field) {
        Group<T> winner = ranked.get(0);
        T value = winner.best().fact().value();
        List<Evidence> evidence = winner.bestFirst().stream().map(s -> evidence(s, field)).toList();
        Conflict conflict = null;
        if (ranked.size() > 1) {
            List<ConflictValue> values = ranked.stream()
                    .map(g -> new ConflictValue(json(g.best().fact().value()),
                            g.bestFirst().stream().map(s -> s.mention().pageId()).toList(),
                            g.best().fact().layer(), g.best().fact().evidence()))
                    .toList();
            conflict = new Conflict(values, json(value));
        }
        return new Choice<>(value, evidence, conflict);
    }

    private static <T> List<T> union(List<FilmMention> mentions, Function<FilmMention, List<Fact<T>>> facts,
                                     Function<T, String> keyOf, Map<String, List<Evidence>> provenance, String field) {
        Map<String, Group<T>> groups = new LinkedHashMap<>();
        for (FilmMention m : mentions) {
            for (Fact<T> fact : facts.apply(m)) {
                String key = keyOf.apply(fact.value());
                if (!key.isEmpty() && !key.endsWith(":")) {
                    groups.computeIfAbsent(key, Group::new).add(new Support<>(m, fact, 1.0));
                }
            }
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        provenance.put(field, groups.values().stream()
                .flatMap(g -> g.bestFirst().stream().map(s -> evidence(s, field))).toList());
        return groups.values().stream().map(g -> g.best().fact().value()).toList();
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
