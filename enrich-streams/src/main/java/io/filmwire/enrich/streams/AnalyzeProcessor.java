package io.filmwire.enrich.streams;

import io.filmwire.enrich.page.AnalyzedPage;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.enrich.page.PageProcessingException;
import io.filmwire.enrich.page.RawPageReader;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.RawPage;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pages.raw bytes -> the page analysed (cleaned, films extracted), keyed by page id; or a dead
 * letter saying why and where. State store: {@link EnrichTopology#SITE_PROFILES_STORE} (site -> what
 * its pages show of its template), updated with every page before the page is read; sites not fed
 * for {@code enrich.site.profile.retention.ms} are forgotten by an hourly sweep. One instance per
 * task, not shared between threads.
 */
final class AnalyzeProcessor implements Processor<String, byte[], String, Routed<AnalyzedPage>> {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeProcessor.class);
    /** Header on analysed pages (and so on pages.clean): when the page was fetched, which orders its versions. */
    static final String FETCHED_AT_HEADER = "filmwire.fetched.at";
    /** Header carrying the page's fingerprints (bytes, content) to deduplication, which never sees the raw page. */
    static final String PAGE_FINGERPRINT_HEADER = "filmwire.page.fingerprint";

    private final RawPageReader reader = new RawPageReader();
    private final PageAnalyzer analyzer;
    private final int maxPageChars;
    private final EnrichMetrics metrics;
    private final java.time.Duration profileRetention;
    private ProcessorContext<String, Routed<AnalyzedPage>> context;
    private StoreSiteProfiles profiles;

    AnalyzeProcessor(PageAnalyzer analyzer, int maxPageChars, java.time.Duration profileRetention, EnrichMetrics metrics) {
        this.analyzer = analyzer;
        this.maxPageChars = maxPageChars;
        this.profileRetention = profileRetention;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Routed<AnalyzedPage>> context) {
        this.context = context;
        this.profiles = new StoreSiteProfiles(context.getStateStore(EnrichTopology.SITE_PROFILES_STORE));
        context.schedule(java.time.Duration.ofHours(1), org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
                now -> {
                    int forgotten = profiles.forgetOlderThan(profileRetention, now);
                    if (forgotten > 0) {
                        LOG.info("Forgot the profiles of {} site(s) not fed for {}", forgotten, profileRetention);
                    }
                });
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String pageId = record.key();
        try {
            RawPage raw = reader.read(record.key(), record.value());
            pageId = raw.pageId();
            metrics.received(raw.source());
            if (raw.body().length() > maxPageChars) {
                throw new PageProcessingException(DlqEntry.Stage.CLEAN, DlqEntry.Reason.TOO_LARGE, "page too large: " + raw.body().length()
                        + " characters, over the limit of " + maxPageChars + " (enrich.max.page.chars)");
            }
            // the fingerprint needs only the raw page: it is made on another core meanwhile
            java.util.function.Supplier<io.filmwire.enrich.dedup.PageFingerprint> fingerprinting =
                    () -> io.filmwire.enrich.dedup.PageFingerprint.of(raw);
            java.util.concurrent.Future<io.filmwire.enrich.dedup.PageFingerprint> fingerprint = BesideAnalysis.start(fingerprinting);
            long start = System.nanoTime();
            AnalyzedPage page;
            try {
                page = analyzer.analyze(raw, profiles);
            } catch (RuntimeException | Error e) {
                fingerprint.cancel(false);
                throw e;
            }
            metrics.pageAnalyzed(page.mentions().size(), System.nanoTime() - start);
            java.time.Instant fetched = raw.fetchedAt() != null ? raw.fetchedAt() : raw.receivedAt();
            org.apache.kafka.common.header.Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders(
                    record.headers().toArray());
            io.filmwire.schema.RecordHeaders.set(headers, FETCHED_AT_HEADER, fetched == null ? null : fetched.toString());
            io.filmwire.schema.RecordHeaders.set(headers, PAGE_FINGERPRINT_HEADER,
                    BesideAnalysis.result(fingerprint, fingerprinting).toText());
            context.forward(record.withKey(raw.pageId()).withValue(new Routed.Ok<>(page)).withHeaders(headers));
        } catch (PageProcessingException e) {
            RecordMetadata meta = context.recordMetadata().orElse(null);
            DlqEntry.Coordinates at = meta == null ? DlqEntry.Coordinates.NONE
                    : new DlqEntry.Coordinates(meta.topic(), meta.partition(), meta.offset());
            LOG.warn("Page '{}' at {} sent to the dead-letter topic (stage {}): {}", pageId, at, e.stage().id(), e.getMessage());
            DlqEntry dead = DlqEntry.of(e.stage(), e.code(), pageId, record.key(), record.value(), e.getMessage(),
                    e.getCause(), at, Instant.ofEpochMilli(context.currentSystemTimeMs()));
            metrics.deadLetter(dead);
            context.forward(record.withKey(pageId == null ? dead.id() : pageId).withValue(new Routed.Dead<>(dead)));
        }
    }
}
