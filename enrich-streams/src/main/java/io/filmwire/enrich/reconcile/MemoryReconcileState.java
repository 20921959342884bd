package io.filmwire.enrich.reconcile;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.FilmOverrides;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ReconcileState} in maps: for the offline commands and tests. Not thread-safe. */
public final class MemoryReconcileState implements ReconcileState {

    private final Map<String, FilmState> films = new LinkedHashMap<>();
    private final Map<String, FilmMention> mentions = new HashMap<>();
    private final Map<String, List<String>> titles = new HashMap<>();
    private final Map<String, Map<String, String>> pages = new HashMap<>();
    private final Map<String, FilmOverrides> overrides = new HashMap<>();

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
        films.remove(id);
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
        mentions.remove(key);
    }

    @Override
    public List<String> filmsTitled(String titleKey) {
        return titles.getOrDefault(titleKey, List.of());
    }

    @Override
    public void putFilmsTitled(String titleKey, List<String> filmIds) {
        if (filmIds.isEmpty()) {
            titles.remove(titleKey);
        } else {
            titles.put(titleKey, List.copyOf(filmIds));
        }
    }

    @Override
    public Map<String, String> pageFilms(String pageId) {
        return pages.getOrDefault(pageId, Map.of());
    }

    @Override
    public void putPageFilms(String pageId, Map<String, String> mentionToFilm) {
        if (mentionToFilm.isEmpty()) {
            pages.remove(pageId);
        } else {
            pages.put(pageId, new LinkedHashMap<>(mentionToFilm));
        }
    }

    @Override
    public FilmOverrides overrides(String filmId) {
        return overrides.get(filmId);
    }

    @Override
    public void putOverrides(String filmId, FilmOverrides value) {
        if (value == null) {
            overrides.remove(filmId);
        } else {
            overrides.put(filmId, value);
        }
    }

    /** Every film that exists (markers left out), in order of creation. */
    public List<FilmState> liveFilms() {
        return films.values().stream().filter(f -> !f.isMarker()).toList();
    }
}
