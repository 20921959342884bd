package io.filmwire.enrich.page;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.CleanPage;
import java.util.List;

/**
 * A page after cleaning and extraction: its article and the works it describes.
 */
public record AnalyzedPage(CleanPage clean, List<FilmMention> mentions) {

    public AnalyzedPage {
        mentions = List.copyOf(mentions);
    }
}
