package io.filmwire.enrich.extract;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.page.PageContext;
import java.util.List;

/**
 * Finds the works a page describes and what it says about each. Implementations are thread-safe
 * unless they say otherwise; {@link #extract} never throws on malformed pages (it returns what it
 * could read), only on programming errors.
 */
public interface FilmExtractor {

    /** The works of the page, the main or only one first; empty when the page describes none. */
    List<FilmMention> extract(PageContext page);
}
