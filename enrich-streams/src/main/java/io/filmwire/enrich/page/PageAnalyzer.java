package io.filmwire.enrich.page;

import io.filmwire.enrich.clean.ArticleCleaner;
import io.filmwire.enrich.extract.FilmExtractor;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.DlqEntry.Stage;
import io.filmwire.schema.RawPage;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Parses a page once, cleans it and extracts its works: the stateless part of enrich-streams, shared
 * by the topology and the offline commands. A failure is a {@link PageProcessingException} naming
 * the stage. Thread-safe when its cleaner and extractor are.
 */
public final class PageAnalyzer {

    private final ArticleCleaner cleaner;
    private final FilmExtractor extractor;

    public PageAnalyzer(ArticleCleaner cleaner, FilmExtractor extractor) {
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    /** The page's article and works. */
    public AnalyzedPage analyze(RawPage raw) {
        Document doc;
        CleanPage clean;
        try {
            doc = raw.isHtml() ? Jsoup.parse(raw.body(), raw.url() == null ? "" : raw.url()) : null;
            clean = doc != null ? cleaner.clean(raw, doc) : cleaner.cleanText(raw);
        } catch (RuntimeException | StackOverflowError e) {
            throw new PageProcessingException(Stage.CLEAN, "cannot clean page: " + e, e);
        }
        List<FilmMention> mentions;
        try {
            mentions = extractor.extract(new PageContext(raw, doc, clean));
        } catch (RuntimeException | StackOverflowError e) {
            throw new PageProcessingException(Stage.EXTRACT, "cannot extract films: " + e, e);
        }
        return new AnalyzedPage(clean, mentions);
    }
}
