package io.filmwire.enrich.page;

import io.filmwire.enrich.clean.ArticleCleaner;
import io.filmwire.enrich.extract.PageExtractor;

/** The production analyzer, the same for the Streams app and the offline commands. */
public final class Analyzers {

    private Analyzers() {
    }

    /**
     * A new analyzer with the production cleaner and extractor. Models are loaded once per JVM;
     * each analyzer has its own non-thread-safe parts, so use one per thread.
     */
    public static PageAnalyzer standard() {
        return new PageAnalyzer(new ArticleCleaner(), new PageExtractor());
    }
}
