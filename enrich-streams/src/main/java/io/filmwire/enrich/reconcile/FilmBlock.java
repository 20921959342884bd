package io.filmwire.enrich.reconcile;

import java.util.List;

/**
 * All films whose titles share one {@link TitleKeys#titleKey key}: "Rush" (1991) and "Rush" (2013)
 * are two states in one block. The value of the reconciliation store.
 */
public record FilmBlock(List<FilmState> films) {

    public static final FilmBlock EMPTY = new FilmBlock(List.of());

    public FilmBlock {
        films = List.copyOf(films);
    }
}
