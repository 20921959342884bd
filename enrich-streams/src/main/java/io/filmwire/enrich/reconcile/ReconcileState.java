package io.filmwire.enrich.reconcile;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.FilmOverrides;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where reconciliation keeps its state: five tables, Kafka Streams state stores in the app, maps
 * offline ({@link #inMemory}). Every method reads or writes one key; {@link Reconciler} holds no
 * state of its own. As thread-safe as its tables.
 */
public final class ReconcileState {

    /** One key-value table of the state. */
    public interface Table<V> {

        /** The value of {@code key}, or null. */
        V get(String key);

        void put(String key, V value);

        void delete(String key);

        /** A table made of three functions (a map's, a state store's). */
        static <V> Table<V> of(Function<String, V> get, BiConsumer<String, V> put, Consumer<String> delete) {
            return new Table<>() {
                @Override
                public V get(String key) {
                    return get.apply(key);
                }

                @Override
                public void put(String key, V value) {
                    put.accept(key, value);
                }

                @Override
                public void delete(String key) {
                    delete.accept(key);
                }
            };
        }
    }

    /** Value of the title index: the films under one title key. */
    public record FilmIdList(List<String> ids) {

        public FilmIdList {
            ids = ids == null ? List.of() : List.copyOf(ids);
        }
    }

    /** Value of the page index: mention key -> film id, for the mentions one page gave. */
    public record PageFilms(Map<String, String> films) {

        public PageFilms {
            films = films == null ? Map.of() : new LinkedHashMap<>(films);
        }
    }

    private final Table<FilmState> films;
    private final Table<FilmMention> mentions;
    private final Table<FilmIdList> titles;
    private final Table<PageFilms> pages;
    private final Table<FilmOverrides> overrides;

    /**
     * @param films     film id -> film (a marker when merged away)
     * @param mentions  mention key ({@code pageId#index}) -> mention
     * @param titles    title key -> ids of the films with that title or alias
     * @param pages     page id -> what the page contributed
     * @param overrides film id -> the editors' overrides of that id
     */
    public ReconcileState(Table<FilmState> films, Table<FilmMention> mentions, Table<FilmIdList> titles,
                          Table<PageFilms> pages, Table<FilmOverrides> overrides) {
        this.films = films;
        this.mentions = mentions;
        this.titles = titles;
        this.pages = pages;
        this.overrides = overrides;
    }

    /** State in hash maps: for the offline commands and tests. Not thread-safe. */
    public static ReconcileState inMemory() {
        return new ReconcileState(mapTable(), mapTable(), mapTable(), mapTable(), mapTable());
    }

    private static <V> Table<V> mapTable() {
        Map<String, V> map = new HashMap<>();
        return Table.of(map::get, map::put, map::remove);
    }

    /** The film of that id (a marker when it was merged away), or null. */
    public FilmState film(String id) {
        return films.get(id);
    }

    /** Stores a film. */
    public void putFilm(FilmState film) {
        films.put(film.id(), film);
    }

    /** Forgets a film (its id may be given again). */
    public void deleteFilm(String id) {
        films.delete(id);
    }

    /** A mention by its key ({@code pageId#index}), or null. */
    public FilmMention mention(String key) {
        return mentions.get(key);
    }

    /** Stores a mention under {@code key}. */
    public void putMention(String key, FilmMention mention) {
        mentions.put(key, mention);
    }

    /** Forgets a mention. */
    public void deleteMention(String key) {
        mentions.delete(key);
    }

    /** The ids of the films indexed under a title key (empty when none). */
    public List<String> filmsTitled(String titleKey) {
        FilmIdList list = titles.get(titleKey);
        return list == null ? List.of() : list.ids();
    }

    /** Sets the films indexed under a title key (empty: none). */
    public void putFilmsTitled(String titleKey, List<String> filmIds) {
        if (filmIds.isEmpty()) {
            titles.delete(titleKey);
        } else {
            titles.put(titleKey, new FilmIdList(filmIds));
        }
    }

    /** The mentions a page contributed: mention key -> film id (empty when none). */
    public Map<String, String> pageFilms(String pageId) {
        PageFilms page = pages.get(pageId);
        return page == null ? Map.of() : page.films();
    }

    /** Sets the mentions a page contributed (empty: none). */
    public void putPageFilms(String pageId, Map<String, String> mentionToFilm) {
        if (mentionToFilm.isEmpty()) {
            pages.delete(pageId);
        } else {
            pages.put(pageId, new PageFilms(mentionToFilm));
        }
    }

    /** The editors' overrides of a film id, or null. */
    public FilmOverrides overrides(String filmId) {
        return overrides.get(filmId);
    }

    /** Sets the overrides of a film id (null: none). */
    public void putOverrides(String filmId, FilmOverrides value) {
        if (value == null) {
            overrides.delete(filmId);
        } else {
            overrides.put(filmId, value);
        }
    }
}
