package io.filmwire.enrich.page;

import io.filmwire.enrich.clean.ArticleCleaner;
import io.filmwire.enrich.extract.FilmExtractor;
import io.filmwire.enrich.extract.PageExtractor;
import io.filmwire.enrich.extract.signals.PageSignals;
import io.filmwire.enrich.extract.site.SiteProfile;
import io.filmwire.enrich.extract.site.SiteProfiles;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.DlqEntry.Stage;
import io.filmwire.schema.RawPage;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Parses a page once, cleans it, gathers its signals, records it in its site's profile and
 * extracts its works: the stateless part of enrich-streams (the profiles aside), shared by the
 * topology and the offline commands. A failure is a {@link PageProcessingException} naming the
 * stage. Not thread-safe: one per thread, as its extractor.
 */
public final class PageAnalyzer {

    private final ArticleCleaner cleaner;
    private final FilmExtractor extractor;
    private final SiteProfiles defaultProfiles;

    public PageAnalyzer(ArticleCleaner cleaner, FilmExtractor extractor) {
        this(cleaner, extractor, SiteProfiles.none());
    }

    /** An analyzer whose {@link #analyze(RawPage)} learns in {@code profiles}. */
    public PageAnalyzer(ArticleCleaner cleaner, FilmExtractor extractor, SiteProfiles profiles) {
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.defaultProfiles = Objects.requireNonNull(profiles, "profiles");
    }

    /** The page's article and works, learning in this analyzer's own site profiles. */
    public AnalyzedPage analyze(RawPage raw) {
        return analyze(raw, defaultProfiles);
    }

    /** The page's article and works; the page is recorded in its site's profile in {@code profiles} first. */
    public AnalyzedPage analyze(RawPage raw, SiteProfiles profiles) {
        Document doc;
        CleanPage clean;
        try {
            doc = parse(raw);
            clean = doc != null ? cleaner.clean(raw, doc) : cleaner.cleanText(raw);
        } catch (RuntimeException | StackOverflowError e) {
            throw new PageProcessingException(Stage.CLEAN, io.filmwire.schema.DlqEntry.Reason.PROCESSING_FAILED, "cannot clean page: " + e, e);
        }
        List<FilmMention> mentions;
        try {
            PageSignals signals = PageSignals.of(raw, doc, clean);
            SiteProfile profile = signals.siteKey() == null ? null : profiles.observe(signals.observation(receivedAt(raw)));
            mentions = extractor.extract(new PageContext(raw, doc, clean, signals, profile));
        } catch (RuntimeException | StackOverflowError e) {
            throw new PageProcessingException(Stage.EXTRACT, io.filmwire.schema.DlqEntry.Reason.PROCESSING_FAILED, "cannot extract films: " + e, e);
        }
        return new AnalyzedPage(clean, mentions);
    }

    /**
     * The page read as {@link #analyze} reads it, with the extractor's decisions (page kind, title
     * candidates, works, evidence), for {@code extract --explain}.
     *
     * @throws IllegalStateException when this analyzer's extractor cannot explain itself
     */
    public PageExtractor.Reading explain(RawPage raw, SiteProfiles profiles) {
        if (!(extractor instanceof PageExtractor explaining)) {
            throw new IllegalStateException("the extractor " + extractor.getClass().getSimpleName() + " gives no explanations");
        }
        Document doc = parse(raw);
        CleanPage clean = doc != null ? cleaner.clean(raw, doc) : cleaner.cleanText(raw);
        PageSignals signals = PageSignals.of(raw, doc, clean);
        SiteProfile profile = signals.siteKey() == null ? null : profiles.observe(signals.observation(receivedAt(raw)));
        return explaining.read(new PageContext(raw, doc, clean, signals, profile));
    }

    /**
     * Records the page in its site's profile without extracting anything: the offline commands show
     * every page given to its site's profile first, as a pipeline that has seen them all would.
     * A page that cannot be parsed is left out.
     */
    public void observe(RawPage raw, SiteProfiles profiles) {
        try {
            Document doc = parse(raw);
            if (doc == null) {
                return;
            }
            PageSignals signals = PageSignals.of(raw, doc, null);
            if (signals.siteKey() != null) {
                profiles.observe(signals.observation(receivedAt(raw)));
            }
        } catch (RuntimeException | StackOverflowError e) {
            // analyze() reports it with its stage
        }
    }

    private static long receivedAt(RawPage raw) {
        return raw.receivedAt() != null ? raw.receivedAt().toEpochMilli() : System.currentTimeMillis();
    }

    private static Document parse(RawPage raw) {
        if (!raw.isHtml()) {
            return null;
        }
        Document doc = Jsoup.parse(raw.body(), raw.url() == null ? "" : raw.url());
        PageBounds.trim(doc);
        return doc;
    }
}
