package io.filmwire.enrich.offline;

import io.filmwire.enrich.dedup.Deduplicator;
import io.filmwire.enrich.dedup.MemoryDedupIndex;
import io.filmwire.enrich.dedup.PageSignature;
import io.filmwire.enrich.dedup.Verdict;
import io.filmwire.enrich.extract.site.SiteProfiles;
import io.filmwire.enrich.page.AnalyzedPage;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.enrich.page.PageProcessingException;
import io.filmwire.enrich.reconcile.ReconcileState;
import io.filmwire.enrich.reconcile.Reconciler;
import io.filmwire.schema.FilmOverrides;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.RawPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The enrich pipeline without Kafka: the same analyzer, deduplicator and reconciler as the topology,
 * with their state in maps. Pages are processed in the order given, as if they arrived one after
 * the other on the single task that deduplicates and reconciles. Not thread-safe.
 */
public final class OfflinePipeline {

    /** A page that could not be processed. */
    public record Failure(String pageId, String stage, String reason) {
    }

    private final PageAnalyzer analyzer;
    private final Deduplicator deduplicator;
    private final Reconciler reconciler;
    private final MemoryDedupIndex dedupIndex = new MemoryDedupIndex();
    private final ReconcileState state = ReconcileState.inMemory();
    private final SiteProfiles profiles = SiteProfiles.inMemory(MAX_SITES);
    private final Map<String, FilmRecord> films = new LinkedHashMap<>();
    private final List<Verdict> verdicts = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    /** Sites whose profiles are kept at once. */
    private static final int MAX_SITES = 100_000;

    public OfflinePipeline(PageAnalyzer analyzer) {
        this(analyzer, new Deduplicator(), new Reconciler());
    }

    public OfflinePipeline(PageAnalyzer analyzer, Deduplicator deduplicator, Reconciler reconciler) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
        this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
    }

    /**
     * Analyses, deduplicates and reconciles one page; returns its analysis, or null when it failed
     * (see {@link #failures}). Its deduplication verdict is added to {@link #verdicts}.
     */
    public AnalyzedPage add(RawPage page) {
        AnalyzedPage analyzed;
        try {
            analyzed = analyzer.analyze(page, profiles);
        } catch (PageProcessingException e) {
            failures.add(new Failure(page.pageId(), e.stage().id(), e.getMessage()));
            return null;
        }
        Instant at = page.receivedAt();
        PageSignature signature = PageSignature.of(page, analyzed.clean().url(), at, analyzed.clean().text(),
                analyzed.mentions());
        Verdict verdict = deduplicator.judge(signature, dedupIndex);
        verdicts.add(verdict);
        if (verdict.kept() || verdict.withdraws()) {
            keep(reconciler.applyPage(page.pageId(), analyzed.clean().url(),
                    verdict.kept() ? analyzed.mentions() : List.of(), at, state));
        }
        return analyzed;
    }

    /**
     * Shows a page to its site's profile without analysing it: a command given many pages shows them
     * all first, so each is read knowing its site's template as the whole set shows it.
     */
    public void observe(RawPage page) {
        analyzer.observe(page, profiles);
    }

    /** How the page is read, with the extractor's decisions (the page is not added to the films). */
    public io.filmwire.enrich.extract.PageExtractor.Reading explain(RawPage page) {
        return analyzer.explain(page, profiles);
    }

    /** Sets the overrides of a film, as an editor's message on films.overrides would. */
    public void override(String filmId, FilmOverrides overrides, Instant at) {
        keep(reconciler.applyOverrides(filmId, overrides, at, state));
    }

    private void keep(Reconciler.Result result) {
        for (Reconciler.Emission emission : result.emissions()) {
            if (emission.record() == null) {
                films.remove(emission.filmId());
            } else {
                films.put(emission.filmId(), emission.record());
            }
        }
    }

    /**
     * Adds every page, reporting each analysis (null for a failed page) to {@code progress}. The
     * pages given together are first all shown to their sites' profiles, so each is read knowing
     * its site's template as the whole set shows it.
     */
    public void addAll(Iterable<RawPage> pages, Consumer<AnalyzedPage> progress) {
        for (RawPage page : pages) {
            analyzer.observe(page, profiles);
        }
        for (RawPage page : pages) {
            progress.accept(add(page));
        }
    }

    /** The current record of every film, in order of first appearance. */
    public List<FilmRecord> films() {
        return List.copyOf(films.values());
    }

    /** The deduplication verdict of every page analysed, in order. */
    public List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    /** The pages that failed, with stage and reason. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }
}
