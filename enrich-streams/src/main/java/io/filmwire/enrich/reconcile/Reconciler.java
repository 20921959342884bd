package io.filmwire.enrich.reconcile;

import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.FilmOverrides;
import io.filmwire.schema.FilmOverrides.FieldOverride;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.PageIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One record per film: a page's works are matched to films by title and confirmed by year,
 * director and runtime, and every film touched is re-assembled from all its mentions
 * ({@link Survivorship}) with the editors' overrides on top ({@link OverrideApplier}).
 *
 * <p>Rules:
 * <ul>
 *   <li>A page's mentions replace the mentions it gave before (a page updated in place); a film left
 *       with no mention is deleted (tombstone).</li>
 *   <li>A mention's candidates are the films indexed under any of its title keys (title, original
 *       and localised titles). It joins the candidate it agrees with best ({@link Summary#agreement});
 *       a year more than one apart or different directors make a different film; a film reached only
 *       through an alias of both (neither the mention's title nor the film's) must also agree on
 *       something (a junk alias like "See more" links nothing by itself); no candidate: a new film.</li>
 *   <li>When the mention names two candidates by their titles ("Tiempos violentos", also known as
 *       "Pulp Fiction") and agrees with both, or agrees positively with both, and the two films agree
 *       with each other, they are one film: the older one survives with its id, the other's id gets a
 *       tombstone pointing to the survivor.</li>
 *   <li>A film keeps at most {@code maxMentions} mentions: past that the least informative one (by
 *       layer-weighted facts, then the oldest fetch) is dropped.</li>
 *   <li>A record is emitted, with its version increased, only when its content changed.</li>
 * </ul>
 * Ids are made once, when a film is created ({@link FilmIds}), and never change. Holds no state (all
 * of it is in the {@link ReconcileState} given); thread-safe.
 */
public final class Reconciler {

    /** Default cap on mentions per film. */
    public static final int DEFAULT_MAX_MENTIONS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /** What caused a change: a page (id and URL) or an override ("editor: reason"). */
    public record Cause(String pageId, String url, String override) {
    }

    /**
     * A film whose record changed: {@code record} null is a tombstone, for a film merged into
     * {@code mergedInto}, or deleted when that is null.
     */
    public record Emission(String filmId, FilmRecord record, Cause cause, String mergedInto) {
    }

    /** What one call changed, for output and metrics. */
    public record Result(List<Emission> emissions, int merges, int evicted, int skippedMentions) {

        static final Result NONE = new Result(List.of(), 0, 0, 0);
    }

    private final Survivorship survivorship = new Survivorship();
    private final OverrideApplier overrideApplier = new OverrideApplier();
    private final int maxMentions;

    public Reconciler(int maxMentions) {
        if (maxMentions < 2) {
            throw new IllegalArgumentException("a film must keep at least 2 mentions, was " + maxMentions);
        }
        this.maxMentions = maxMentions;
    }

    public Reconciler() {
        this(DEFAULT_MAX_MENTIONS);
    }

    /**
     * Page {@code pageId} now says {@code mentions} (empty: it says nothing any more); updates the
     * films in {@code state} and returns what changed.
     */
    public Result applyPage(String pageId, String url, List<FilmMention> mentions, Instant at, ReconcileState state) {
        Objects.requireNonNull(pageId, "pageId");
        Work w = new Work(state, at, new Cause(pageId, url, null));
        Map<String, String> contributed = w.pageFilms(pageId);
        for (Map.Entry<String, String> e : new ArrayList<>(contributed.entrySet())) {
            w.removeMention(w.resolve(e.getValue()), e.getKey());
        }
        contributed.clear();
        int skipped = 0;
        Set<String> used = new LinkedHashSet<>();
        for (FilmMention mention : mentions) {
            if (!pageId.equals(mention.pageId())) {
                throw new IllegalArgumentException("mention of page '" + mention.pageId() + "' given as page '" + pageId + "'");
            }
            if (TitleKeys.keysOf(mention).isEmpty()) {
                LOG.warn("Mention {} of page '{}' has no usable title ('{}'); not reconciled", mention.index(), pageId,
                        mention.title().value());
                skipped++;
                continue;
            }
            String key = mention.mentionKey();
            for (int n = 2; !used.add(key); n++) {
                key = mention.mentionKey() + "~" + n;
            }
            String filmId = place(w, mention);
            w.addMention(filmId, key, mention);
            contributed.put(key, filmId);
            w.evictIfFull(filmId);
        }
        w.markPageDirty(pageId);
        w.finish();
        return new Result(List.copyOf(w.emissions), w.merges, w.evicted, skipped);
    }

    /**
     * The editors' overrides of {@code filmId} are now {@code overrides} (null: none). The film (or the
     * film it was merged into) is re-assembled; overrides of an id no film has yet wait for it.
     */
    public Result applyOverrides(String filmId, FilmOverrides overrides, Instant at, ReconcileState state) {
        Objects.requireNonNull(filmId, "filmId");
        FilmOverrides previous = state.overrides(filmId);
        state.putOverrides(filmId, overrides == null || overrides.fields().isEmpty() ? null : overrides);
        Work w = new Work(state, at, new Cause(null, null, describe(previous, overrides)));
        String target = w.resolve(filmId);
        FilmState film = target == null ? null : w.film(target);
        if (film == null || film.isMarker()) {
            return Result.NONE;
        }
        w.touch(target);
        w.finish();
        return new Result(List.copyOf(w.emissions), 0, 0, 0);
    }

    /** The cause text of a change of overrides: the editor and reason of the newest field set, or what was removed. */
    static String describe(FilmOverrides before, FilmOverrides after) {
        Map<String, FieldOverride> old = before == null ? Map.of() : before.fields();
        Map<String, FieldOverride> now = after == null ? Map.of() : after.fields();
        Map.Entry<String, FieldOverride> newest = new TreeMap<>(now).entrySet().stream()
                .filter(e -> !e.getValue().equals(old.get(e.getKey())))
                .max(Comparator.comparing((Map.Entry<String, FieldOverride> e) -> e.getValue().time(),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
        if (newest != null) {
            return newest.getValue().editor() + ": " + newest.getValue().reason() + " (" + newest.getKey() + ")";
        }
        List<String> removed = new ArrayList<>(new TreeMap<>(old).keySet());
        removed.removeAll(now.keySet());
        return removed.isEmpty() ? "overrides unchanged" : "override of " + String.join(", ", removed) + " removed";
    }

    // ---------------------------------------------------------------- matching

    private record Candidate(String filmId, int score, boolean viaTitle, Set<String> keys, String titleKey, int mentions,
                             Instant createdAt) {
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingInt((Candidate c) -> -c.score())
            .thenComparing(c -> !c.viaTitle())
            .thenComparingInt(c -> -c.mentions())
            .thenComparing(Candidate::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Candidate::filmId);

    /** The film {@code mention} belongs to, merging films it shows to be one; creates one when none fits. */
    private String place(Work w, FilmMention mention) {
        List<String> keys = TitleKeys.keysOf(mention);
        Map<String, Set<String>> reached = new LinkedHashMap<>();
        for (String key : keys) {
            for (String id : w.filmsTitled(key)) {
                FilmState film = w.film(id);
                if (film != null && !film.isMarker()) {
                    reached.computeIfAbsent(id, x -> new LinkedHashSet<>()).add(key);
                }
            }
        }
        Summary said = summaryOf(mention);
        List<Candidate> fits = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : reached.entrySet()) {
            FilmState film = w.film(e.getKey());
            Summary summary = w.summary(e.getKey());
            int score = Summary.agreement(said, summary);
            boolean viaTitle = e.getValue().contains(keys.get(0));
            boolean namesFilm = e.getValue().contains(summary.titleKey());
            if (score > 0 || score == 0 && (viaTitle || namesFilm)) {
                fits.add(new Candidate(e.getKey(), score, viaTitle, e.getValue(), summary.titleKey(),
                        film.mentionKeys().size(), film.createdAt()));
            }
        }
        if (fits.isEmpty()) {
            return w.create(mention);
        }
        fits.sort(BEST_FIRST);
        Candidate best = fits.get(0);
        String target = best.filmId();
        for (Candidate other : fits.subList(1, fits.size())) {
            FilmState film = w.film(other.filmId());
            if (film == null || film.isMarker() || target.equals(other.filmId())) {
                continue;
            }
            boolean bridged = Collections.disjoint(other.keys(), best.keys())
                    && keys.contains(other.titleKey()) && keys.contains(w.summary(target).titleKey());
            boolean corroborated = other.score() > 0 && best.score() > 0;
            int mutual = Summary.agreement(w.summary(target), w.summary(other.filmId()));
            if (bridged && mutual >= 0 || corroborated && mutual > 0) {
                target = w.merge(target, other.filmId());
            }
        }
        return target;
    }

    private static Summary summaryOf(FilmMention m) {
        return Summary.of(m.title().value(), m.year() == null ? null : m.year().value(),
                m.runtimeMinutes() == null ? null : m.runtimeMinutes().value(),
                m.credits().stream().map(Fact::value).toList());
    }

    /** How much a mention tells: layer-weighted scalar facts, a little for each list value. */
    static double informationOf(FilmMention m) {
        double sum = 0;
        for (Fact<?> f : new Fact<?>[] {m.title(), m.year(), m.runtimeMinutes(), m.rating()}) {
            if (f != null) {
                sum += Survivorship.weight(f.layerEnum()) * f.confidence();
            }
        }
        return sum + 0.05 * (m.languages().size() + m.genres().size() + Math.min(40, m.credits().size()));
    }

    private static final Comparator<FilmMention> LEAST_INFORMATIVE_FIRST = Comparator
            .comparingDouble(Reconciler::informationOf)
            .thenComparing(FilmMention::fetchedAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The page of a mention key: {@code pageId#index}, with {@code ~n} added when a page repeats an index. */
    static String pageOf(String mentionKey) {
        return mentionKey.substring(0, mentionKey.lastIndexOf('#'));
    }

    static String contentHash(FilmRecord record) {
        return PageIds.sha256Hex(Json.write(record.withVersion(0, null)).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- one call's work

    /**
     * The state one call reads and changes: reads are cached, films and the title index are written
     * once, at the end ({@link #finish}), however often the call changed them; mentions are written
     * at once.
     */
    private final class Work {

        final ReconcileState state;
        final Instant at;
        final Cause cause;
        final Map<String, FilmState> films = new HashMap<>();
        final Set<String> dirtyFilms = new LinkedHashSet<>();
        final Set<String> deletedFilms = new LinkedHashSet<>();
        final Map<String, List<String>> titles = new HashMap<>();
        final Set<String> dirtyTitles = new LinkedHashSet<>();
        final Map<String, FilmMention> mentions = new HashMap<>();
        final Map<String, Map<String, String>> pages = new HashMap<>();
        final Set<String> dirtyPages = new LinkedHashSet<>();
        final Map<String, FilmRecord> assembled = new HashMap<>();
        final Set<String> touched = new LinkedHashSet<>();
        final List<Emission> emissions = new ArrayList<>();
        final List<Emission> tombstones = new ArrayList<>();
        int merges;
        int evicted;

        Work(ReconcileState state, Instant at, Cause cause) {
            this.state = state;
            this.at = at;
            this.cause = cause;
        }

        FilmState film(String id) {
            FilmState f = films.get(id);
            if (f == null && !deletedFilms.contains(id)) {
                f = state.film(id);
                if (f != null) {
                    films.put(id, f);
                }
            }
            return f;
        }

        void put(FilmState film) {
            films.put(film.id(), film);
            dirtyFilms.add(film.id());
            deletedFilms.remove(film.id());
        }

        void delete(String filmId) {
            films.remove(filmId);
            dirtyFilms.remove(filmId);
            deletedFilms.add(filmId);
        }

        /** The live film an id stands for, following merges; null when there is none. */
        String resolve(String id) {
            String current = id;
            for (int hops = 0; hops < 64; hops++) {
                FilmState f = film(current);
                if (f == null) {
                    return null;
                }
                if (!f.isMarker()) {
                    return current;
                }
                current = f.mergedInto();
            }
            throw new IllegalStateException("merge chain from film '" + id + "' does not end");
        }

        FilmMention mention(String key) {
            FilmMention m = mentions.get(key);
            if (m == null) {
                m = state.mention(key);
                if (m != null) {
                    mentions.put(key, m);
                }
            }
            return m;
        }

        List<String> filmsTitled(String key) {
            return titles.computeIfAbsent(key, k -> new ArrayList<>(state.filmsTitled(k)));
        }

        Map<String, String> pageFilms(String pageId) {
            return pages.computeIfAbsent(pageId, p -> new LinkedHashMap<>(state.pageFilms(p)));
        }

        void markPageDirty(String pageId) {
            dirtyPages.add(pageId);
        }

        void touch(String filmId) {
            touched.add(filmId);
            assembled.remove(filmId);
        }

        String create(FilmMention mention) {
            String id = FilmIds.newId(mention, candidate -> film(candidate) != null);
            put(FilmState.created(id, at));
            LOG.debug("New film '{}' for '{}' from page '{}'", id, mention.title().value(), mention.pageId());
            return id;
        }

        void addMention(String filmId, String key, FilmMention mention) {
            mentions.put(key, mention);
            state.putMention(key, mention);
            FilmState film = film(filmId);
            List<String> keys = new ArrayList<>(film.mentionKeys());
            keys.remove(key);
            keys.add(key);
            List<String> titleKeys = new ArrayList<>(film.titleKeys());
            for (String titleKey : TitleKeys.keysOf(mention)) {
                if (!titleKeys.contains(titleKey)) {
                    titleKeys.add(titleKey);
                    index(titleKey, filmId);
                }
            }
            put(film.withMentionKeys(keys).withTitleKeys(titleKeys));
            touch(filmId);
        }

        void removeMention(String filmId, String mentionKey) {
            mentions.remove(mentionKey);
            state.deleteMention(mentionKey);
            if (filmId == null) {
                return;
            }
            FilmState film = film(filmId);
            List<String> keys = new ArrayList<>(film.mentionKeys());
            if (keys.remove(mentionKey)) {
                put(film.withMentionKeys(keys));
                touch(filmId);
            }
        }

        void evictIfFull(String filmId) {
            FilmState film = film(filmId);
            while (film.mentionKeys().size() > maxMentions) {
                String key = film.mentionKeys().stream().filter(k -> mention(k) != null)
                        .min(Comparator.comparing(this::mention, LEAST_INFORMATIVE_FIRST).thenComparing(k -> k))
                        .orElseThrow();
                LOG.debug("Film '{}' has more than {} mentions; dropping the least informative, {}", filmId, maxMentions, key);
                removeMention(filmId, key);
                pageFilms(pageOf(key)).remove(key);
                markPageDirty(pageOf(key));
                evicted++;
                film = film(filmId);
            }
        }

        void index(String titleKey, String filmId) {
            List<String> ids = filmsTitled(titleKey);
            if (!ids.contains(filmId)) {
                ids.add(filmId);
                dirtyTitles.add(titleKey);
            }
        }

        void unindex(String titleKey, String filmId) {
            if (filmsTitled(titleKey).remove(filmId)) {
                dirtyTitles.add(titleKey);
            }
        }

        /** Merges two live films: the older survives. Returns the survivor's id. */
        String merge(String a, String b) {
            FilmState fa = film(a);
            FilmState fb = film(b);
            boolean aOlder = Comparator.comparing(FilmState::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(FilmState::id).compare(fa, fb) <= 0;
            FilmState survivor = aOlder ? fa : fb;
            FilmState absorbed = aOlder ? fb : fa;
            List<String> mentionKeys = new ArrayList<>(survivor.mentionKeys());
            for (String key : absorbed.mentionKeys()) {
                if (!mentionKeys.contains(key)) {
                    mentionKeys.add(key);
                }
                Map<String, String> page = pageFilms(pageOf(key));
                if (page.containsKey(key)) {
                    page.put(key, survivor.id());
                    markPageDirty(pageOf(key));
                }
            }
            List<String> titleKeys = new ArrayList<>(survivor.titleKeys());
            for (String key : absorbed.titleKeys()) {
                unindex(key, absorbed.id());
                index(key, survivor.id());
                if (!titleKeys.contains(key)) {
                    titleKeys.add(key);
                }
            }
            List<String> mergedFrom = new ArrayList<>(survivor.mergedFrom());
            mergedFrom.add(absorbed.id());
            mergedFrom.addAll(absorbed.mergedFrom());
            for (String earlier : absorbed.mergedFrom()) {
                FilmState marker = film(earlier);
                if (marker != null && marker.isMarker()) {
                    put(marker.mergedInto(survivor.id()));
                }
            }
            put(survivor.withMentionKeys(mentionKeys).withTitleKeys(titleKeys).withMergedFrom(mergedFrom));
            put(absorbed.mergedInto(survivor.id()));
            touch(survivor.id());
            touched.remove(absorbed.id());
            assembled.remove(absorbed.id());
            if (absorbed.version() > 0) {
                tombstones.add(new Emission(absorbed.id(), null, cause, survivor.id()));
            }
            merges++;
            LOG.info("Films '{}' and '{}' are one film: '{}' keeps its id, '{}' is merged into it (page '{}')",
                    survivor.id(), absorbed.id(), survivor.id(), absorbed.id(), cause.pageId());
            return survivor.id();
        }

        /** What matching compares for a film: from the record as it is now. */
        Summary summary(String filmId) {
            if (!touched.contains(filmId)) {
                return film(filmId).summary();
            }
            FilmRecord record = current(filmId);
            return record == null ? Summary.EMPTY : Summary.of(record);
        }

        /** The film's record assembled from its mentions as they are now (null without mentions). */
        FilmRecord current(String filmId) {
            FilmRecord cached = assembled.get(filmId);
            if (cached != null) {
                return cached;
            }
            FilmState film = film(filmId);
            List<FilmMention> ms = film.mentionKeys().stream().map(this::mention).filter(Objects::nonNull).toList();
            if (ms.isEmpty()) {
                return null;
            }
            FilmRecord record = survivorship.assemble(filmId, ms, film.version(), at);
            List<FilmOverrides> overrides = new ArrayList<>();
            overrides.add(state.overrides(filmId));
            for (String merged : film.mergedFrom()) {
                overrides.add(state.overrides(merged));
            }
            record = overrideApplier.apply(record, overrides).record();
            record = new FilmRecord(record.id(), record.title(), record.aliases(), record.year(), record.runtimeMinutes(),
                    record.rating(), record.languages(), record.genres(), record.credits(), record.sources(),
                    record.provenance(), record.conflicts(), record.version(), film.mergedFrom(), record.updatedAt());
            assembled.put(filmId, record);
            return record;
        }

        /** Re-assembles every touched film, emits the changed ones, and writes the page indexes. */
        void finish() {
            for (String filmId : touched) {
                FilmState film = film(filmId);
                if (film == null || film.isMarker()) {
                    continue;
                }
                if (film.mentionKeys().isEmpty()) {
                    for (String key : film.titleKeys()) {
                        unindex(key, filmId);
                    }
                    delete(filmId);
                    if (film.version() > 0) {
                        emissions.add(new Emission(filmId, null, cause, null));
                    }
                    LOG.debug("Film '{}' has no page left; deleted", filmId);
                    continue;
                }
                FilmRecord record = current(filmId);
                List<String> titles = new ArrayList<>();
                titles.add(record.title());
                titles.addAll(record.aliases());
                for (String key : film.mentionKeys()) {
                    FilmMention m = mention(key);
                    if (m != null) {
                        titles.add(m.title().value());
                        m.aliases().forEach(a -> titles.add(a.value()));
                    }
                }
                List<String> titleKeys = TitleKeys.keysOf(titles);
                for (String key : film.titleKeys()) {
                    if (!titleKeys.contains(key)) {
                        unindex(key, filmId);
                    }
                }
                for (String key : titleKeys) {
                    index(key, filmId);
                }
                String hash = contentHash(record);
                Summary summary = Summary.of(record);
                if (hash.equals(film.contentHash())) {
                    put(film.withSummary(summary).withTitleKeys(titleKeys));
                    continue;
                }
                long version = film.version() + 1;
                put(film.emitted(version, hash, summary).withTitleKeys(titleKeys));
                emissions.add(new Emission(filmId, record.withVersion(version, at), cause, null));
            }
            emissions.addAll(tombstones);
            for (String id : dirtyFilms) {
                state.putFilm(films.get(id));
            }
            for (String id : deletedFilms) {
                state.deleteFilm(id);
            }
            for (String key : dirtyTitles) {
                state.putFilmsTitled(key, titles.get(key));
            }
            for (String pageId : dirtyPages) {
                Map<String, String> page = pages.get(pageId);
                state.putPageFilms(pageId, page == null ? Map.of() : page);
            }
        }
    }
}
