package io.filmwire.enrich.page;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.CleanPage;
import java.util.List;

/**
 * A page after cleaning and extraction: its article and the works it describes.
 *
 * @param fingerprint hash of the normalised main text (exact duplicates share it)
 */
public record AnalyzedPage(CleanPage clean, List<FilmMention> mentions, String fingerprint) {

    public AnalyzedPage {
        mentions = List.copyOf(mentions);
    }
}
