package io.filmwire.enrich.streams;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.reconcile.FilmState;
import io.filmwire.enrich.reconcile.ReconcileState;
import io.filmwire.schema.FilmOverrides;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@link ReconcileState} in the reconciliation stores of {@link EnrichTopology}: films, mentions,
 * the title index, the page index and the overrides, each a changelogged key-value store. One
 * instance per task.
 */
final class StoreReconcileState implements ReconcileState {

    /** Value of the title index: the films under one title key. */
    public record FilmIdList(List<String> ids) {

        public FilmIdList {
            ids = ids == null ? List.of() : List.copyOf(ids);
        }
    }

    /** Value of the page index: mention key -> film id of the mentions one page gave. */
    public record PageFilms(Map<String, String> films) {

        public PageFilms {
            films = films == null ? Map.of() : new LinkedHashMap<>(films);
        }
    }

    private final KeyValueStore<String, FilmState> films;
    private final KeyValueStore<String, FilmMention> mentions;
    private final KeyValueStore<String, FilmIdList> titles;
    private final KeyValueStore<String, PageFilms> pages;
    private final KeyValueStore<String, FilmOverrides> overrides;

    StoreReconcileState(ProcessingContext context) {
        this.films = context.getStateStore(EnrichTopology.FILMS_STORE);
        this.mentions = context.getStateStore(EnrichTopology.MENTIONS_STORE);
        this.titles = context.getStateStore(EnrichTopology.TITLES_STORE);
        this.pages = context.getStateStore(EnrichTopology.PAGES_STORE);
        this.overrides = context.getStateStore(EnrichTopology.OVERRIDES_STORE);
    }

    @Override
    public FilmState film(String id) {
        return films.get(id);
    }

    @Override
    public void putFilm(FilmState film) {
        films.put(film.id(), film);
    }

    @Override
    public void deleteFilm(String id) {
        films.delete(id);
    }

    @Override
    public FilmMention mention(String key) {
        return mentions.get(key);
    }

    @Override
    public void putMention(String key, FilmMention mention) {
        mentions.put(key, mention);
    }

    @Override
    public void deleteMention(String key) {
        mentions.delete(key);
    }

    @Override
    public List<String> filmsTitled(String titleKey) {
        FilmIdList list = titles.get(titleKey);
        return list == null ? List.of() : list.ids();
    }

    @Override
    public void putFilmsTitled(String titleKey, List<String> filmIds) {
        if (filmIds.isEmpty()) {
            titles.delete(titleKey);
        } else {
            titles.put(titleKey, new FilmIdList(filmIds));
        }
    }

    @Override
    public Map<String, String> pageFilms(String pageId) {
        PageFilms page = pages.get(pageId);
        return page == null ? Map.of() : page.films();
    }

    @Override
    public void putPageFilms(String pageId, Map<String, String> mentionToFilm) {
        if (mentionToFilm.isEmpty()) {
            pages.delete(pageId);
        } else {
            pages.put(pageId, new PageFilms(mentionToFilm));
        }
    }

    @Override
    public FilmOverrides overrides(String filmId) {
        return overrides.get(filmId);
    }

    @Override
    public void putOverrides(String filmId, FilmOverrides value) {
        if (value == null) {
            overrides.delete(filmId);
        } else {
            overrides.put(filmId, value);
        }
    }
}
