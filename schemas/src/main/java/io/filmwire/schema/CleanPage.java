package io.filmwire.schema;

import java.util.List;

/**
 * The article of a page without its boilerplate (schema {@code clean-page.schema.json}); the value
 * on pages.clean.
 *
 * @param text     the main text, paragraphs separated by blank lines
 * @param segments the text cut at its headings, in page order
 */
public record CleanPage(
        String pageId,
        String url,
        String site,
        String title,
        String author,
        String publishedDate,
        String language,
        String text,
        List<Segment> segments) {

    public CleanPage {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** A run of the main text under one heading ({@code heading} null before the first heading). */
    public record Segment(String heading, Integer level, String text) {
    }
}
