package io.filmwire.enrich.reconcile;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.FilmOverrides;
import java.util.List;
import java.util.Map;

/**
 * Where reconciliation keeps its state: Kafka Streams state stores in the app, maps offline. Every
 * method reads or writes one key; {@link Reconciler} holds no state of its own.
 */
public interface ReconcileState {

    /** The film of that id (a marker when it was merged away), or null. */
    FilmState film(String id);

    /** Stores a film. */
    void putFilm(FilmState film);

    /** Forgets a film (its id may be given again). */
    void deleteFilm(String id);

    /** A mention by its key ({@code pageId#index}), or null. */
    FilmMention mention(String key);

    /** Stores a mention under {@code key}. */
    void putMention(String key, FilmMention mention);

    /** Forgets a mention. */
    void deleteMention(String key);

    /** The ids of the films indexed under a title key (empty when none). */
    List<String> filmsTitled(String titleKey);

    /** Sets the films indexed under a title key (empty: none). */
    void putFilmsTitled(String titleKey, List<String> filmIds);

    /** The mentions a page contributed: mention key -> film id (empty when none). */
    Map<String, String> pageFilms(String pageId);

    /** Sets the mentions a page contributed (empty: none). */
    void putPageFilms(String pageId, Map<String, String> mentionToFilm);

    /** The editors' overrides of a film id, or null. */
    FilmOverrides overrides(String filmId);

    /** Sets the overrides of a film id (null: none). */
    void putOverrides(String filmId, FilmOverrides overrides);
}
