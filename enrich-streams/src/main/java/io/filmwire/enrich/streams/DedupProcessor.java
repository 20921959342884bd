package io.filmwire.enrich.streams;

import io.filmwire.enrich.dedup.Deduplicator;
import io.filmwire.enrich.dedup.PageSignature;
import io.filmwire.enrich.dedup.Verdict;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Page digests (page id -> signature and works, on the one-partition {@code page-digests} topic) ->
 * the digests whose works go on to reconciliation: new and updated pages, and (with no works) a page
 * that became a copy of another so that its earlier works are withdrawn. Refetches and duplicates
 * stop here, counted by verdict. Policy: {@link Deduplicator} (first copy wins).
 * State: {@link EnrichTopology#DEDUP_PAGES_STORE} and {@link EnrichTopology#DEDUP_KEYS_STORE},
 * window stores that forget after {@code enrich.dedup.retention.ms}. One instance per task.
 */
final class DedupProcessor implements Processor<String, PageDigest, String, PageDigest> {

    private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

    private final Deduplicator deduplicator;
    private final EnrichMetrics metrics;
    private ProcessorContext<String, PageDigest> context;
    private StoreDedupIndex index;

    DedupProcessor(Deduplicator deduplicator, EnrichMetrics metrics) {
        this.deduplicator = deduplicator;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, PageDigest> context) {
        this.context = context;
        WindowStore<String, PageSignature> pages = context.getStateStore(EnrichTopology.DEDUP_PAGES_STORE);
        WindowStore<String, String> keys = context.getStateStore(EnrichTopology.DEDUP_KEYS_STORE);
        this.index = new StoreDedupIndex(pages, keys, context::currentStreamTimeMs);
    }

    @Override
    public void process(Record<String, PageDigest> record) {
        PageDigest digest = record.value();
        if (digest == null) {
            return;
        }
        Verdict verdict = deduplicator.judge(digest.signature(), index);
        metrics.deduplicated(verdict.kind());
        switch (verdict.kind()) {
            case NEW, UPDATE -> context.forward(record);
            case REFETCH -> LOG.debug("Page '{}' fetched again unchanged; nothing to do", verdict.pageId());
            case STALE -> LOG.info("Page '{}' fetched at {} is older than the version already taken; dropped, so it "
                    + "cannot roll its films back", verdict.pageId(), digest.signature().fetchedAt());
            case DUPLICATE -> {
                LOG.info("Page '{}' is a copy of '{}' (similarity {}); its works are not used{}", verdict.pageId(),
                        verdict.duplicateOf(), String.format(java.util.Locale.ROOT, "%.2f", verdict.similarity()),
                        verdict.withdraws() ? ", and those of its earlier version are withdrawn" : "");
                if (verdict.withdraws()) {
                    context.forward(record.withValue(digest.withoutMentions()));
                }
            }
        }
    }
}
