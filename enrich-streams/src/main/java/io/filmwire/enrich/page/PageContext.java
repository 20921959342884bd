package io.filmwire.enrich.page;

import io.filmwire.schema.CleanPage;
import io.filmwire.schema.RawPage;
import org.jsoup.nodes.Document;

/**
 * A page as the extractors see it: the raw page, its parsed DOM (HTML pages only; null for text),
 * and its cleaned article. The DOM is shared: extractors must not modify it.
 */
public record PageContext(RawPage raw, Document document, CleanPage clean) {

    /** True when the page came as HTML. */
    public boolean isHtml() {
        return document != null;
    }
}
