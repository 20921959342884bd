package io.filmwire.publish;

import io.filmwire.schema.ChangeEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #MAX_EVENTS} change events of one film, oldest first: the value of the
 * {@link PublishTopology#HISTORY_STORE} store and the answer of {@code GET /api/films/{id}/history}.
 * Older events stay on films.changes.
 *
 * @param dropped how many older events were dropped from this list
 */
public record FilmHistory(String filmId, List<ChangeEvent> events, long dropped) {

    /** Events kept per film. */
    public static final int MAX_EVENTS = 100;

    public FilmHistory {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** This history with {@code event} added, the oldest dropped past {@value #MAX_EVENTS}. */
    public FilmHistory with(ChangeEvent event) {
        List<ChangeEvent> all = new ArrayList<>(events);
        all.add(event);
        long gone = dropped;
        while (all.size() > MAX_EVENTS) {
            all.remove(0);
            gone++;
        }
        return new FilmHistory(filmId, all, gone);
    }

    /** The empty history of a film. */
    public static FilmHistory of(String filmId) {
        return new FilmHistory(filmId, List.of(), 0);
    }
}
