package io.filmwire.enrich.extract.works;

import java.util.List;

/**
 * A run of a page under one heading: the heading (null before the first), and its text blocks
 * (paragraphs, label lines, bullets), in order.
 */
public record Section(String heading, List<String> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }

    /** The blocks as one text, paragraphs separated by blank lines. */
    public String text() {
        return String.join("\n\n", blocks);
    }
}
