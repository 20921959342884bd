package io.filmwire.enrich.offline;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.page.AnalyzedPage;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.enrich.page.PageProcessingException;
import io.filmwire.enrich.reconcile.FilmBlock;
import io.filmwire.enrich.reconcile.Reconciler;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.RawPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The enrich pipeline without Kafka: the same analyzer and reconciler as the topology, with the
 * reconciliation state in a map. Pages are processed in the order given. Not thread-safe.
 */
public final class OfflinePipeline {

    /** A page that could not be processed. */
    public record Failure(String pageId, String stage, String reason) {
    }

    private final PageAnalyzer analyzer;
    private final Reconciler reconciler = new Reconciler();
    private final Map<String, FilmBlock> blocks = new HashMap<>();
    private final Map<String, FilmRecord> films = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();

    public OfflinePipeline(PageAnalyzer analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** Analyses and reconciles one page; returns its analysis, or null when it failed (see {@link #failures}). */
    public AnalyzedPage add(RawPage page) {
        AnalyzedPage analyzed;
        try {
            analyzed = analyzer.analyze(page);
        } catch (PageProcessingException e) {
            failures.add(new Failure(page.pageId(), e.stage().id(), e.getMessage()));
            return null;
        }
        Instant at = page.receivedAt();
        for (FilmMention mention : analyzed.mentions()) {
            String key = Reconciler.blockKey(mention);
            Reconciler.Outcome outcome = reconciler.apply(blocks.get(key), mention, at);
            blocks.put(key, outcome.block());
            for (Reconciler.Emission emission : outcome.emissions()) {
                if (emission.record() == null) {
                    films.remove(emission.filmId());
                } else {
                    films.put(emission.filmId(), emission.record());
                }
            }
        }
        return analyzed;
    }

    /** Adds every page, reporting each analysis (null for a failed page) to {@code progress}. */
    public void addAll(Iterable<RawPage> pages, Consumer<AnalyzedPage> progress) {
        for (RawPage page : pages) {
            progress.accept(add(page));
        }
    }

    /** The current record of every film, in order of first appearance. */
    public List<FilmRecord> films() {
        return List.copyOf(films.values());
    }

    /** The pages that failed, with stage and reason. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }
}
