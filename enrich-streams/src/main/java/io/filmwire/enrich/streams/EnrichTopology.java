package io.filmwire.enrich.streams;

import io.filmwire.enrich.dedup.Deduplicator;
import io.filmwire.enrich.dedup.PageSignature;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.page.AnalyzedPage;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.enrich.reconcile.FilmState;
import io.filmwire.enrich.reconcile.ReconcileState;
import io.filmwire.enrich.reconcile.Reconciler;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmOverrides;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.JsonSerde;
import io.filmwire.schema.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich-streams topology.
 *
 * <pre>
 * pages.raw (page id -> raw page JSON, read as bytes so a corrupt message cannot stop the app)
 *   -> analyze-page [site-profiles]: validate, clean (Jsoup), learn the site's template, extract works
 *                                                                  -> pages.clean (page id -> clean page)
 *   -> page-digest: signature (page and text fingerprints, MinHash sketch, facts hash) + works, no text
 *   -> repartition "page-digests" (ONE partition)
 *   -> dedup [dedup-pages, dedup-keys: window stores]              drops refetches and copies
 *   -> reconcile [film-states, film-mentions, film-titles, film-pages, film-overrides]
 *                                                                  -> films.reconciled (film id -> record | null)
 * films.overrides (film id -> all of a film's overrides, JSON; null: none)
 *   -> repartition "overrides-in" (ONE partition) -> reconcile-overrides [same stores] -> films.reconciled
 * any failure -> pages.dlq (page id or key -> input, reason, stage, time)
 * </pre>
 *
 * <p>Why one partition after analysis: a copy of an article and the pages of one film arrive under
 * different page ids, on any partition, and two films can turn out to be one through any of their
 * titles; deciding that needs every recent page and every film in one place. The expensive work
 * (parsing, cleaning, extraction) stays parallel on the partitions of pages.raw; only digests (a
 * signature of under 1 KB plus the extracted facts) go through the single task, whose work per page
 * is a few store reads and writes (see the README for measured rates).
 *
 * <p>Every operator and store is named, so the topology can change without breaking a rolling
 * upgrade. Stores are persistent and changelogged; the dedup stores forget after
 * {@code enrich.dedup.retention.ms}, the reconciliation stores are bounded per film by
 * {@code enrich.reconcile.max.mentions.per.film}.
 */
public final class EnrichTopology {

    /** Analysis: site -> what its pages show of its template (title affixes, repeated blocks). */
    public static final String SITE_PROFILES_STORE = "site-profiles";
    /** Dedup: page id -> the page's last signature (window store). */
    public static final String DEDUP_PAGES_STORE = "dedup-pages";
    /** Dedup: lookup key (fingerprint, MinHash band) -> page ids whose content has it (window store, duplicates kept). */
    public static final String DEDUP_KEYS_STORE = "dedup-keys";
    /** Reconciliation: film id -> {@link FilmState}. */
    public static final String FILMS_STORE = "film-states";
    /** Reconciliation: mention key ({@code pageId#index}) -> mention. */
    public static final String MENTIONS_STORE = "film-mentions";
    /** Reconciliation: title key -> ids of the films with that title or alias. */
    public static final String TITLES_STORE = "film-titles";
    /** Reconciliation: page id -> mention key -> film id, what each page contributed. */
    public static final String PAGES_STORE = "film-pages";
    /** Reconciliation: film id -> the editors' overrides of that film. */
    public static final String OVERRIDES_STORE = "film-overrides";
    /** Repartition topic (suffix) of page digests, one partition. */
    public static final String DIGESTS_REPARTITION = "page-digests";
    /** Repartition topic (suffix) of overrides, one partition. */
    public static final String OVERRIDES_REPARTITION = "overrides-in";

    private static final String[] RECONCILE_STORES = {FILMS_STORE, MENTIONS_STORE, TITLES_STORE, PAGES_STORE, OVERRIDES_STORE};
    private static final JsonSerde<DlqEntry> DLQ_SERDE = (JsonSerde<DlqEntry>) Topics.PAGES_DLQ.valueSerde();
    private static final Map<String, String> CHANGELOG = Map.of("max.message.bytes", String.valueOf(32 * 1024 * 1024));

    private EnrichTopology() {
    }

    /** The topology with the production analyzer and metrics that go nowhere. */
    public static Topology build(EnrichConfig config) {
        return build(config, Analyzers::standard, EnrichMetrics.discarding());
    }

    /**
     * The topology.
     *
     * @param analyzers makes one analyzer per stream task (analyzers are not shared between threads)
     */
    public static Topology build(EnrichConfig config, Supplier<PageAnalyzer> analyzers, EnrichMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(DEDUP_PAGES_STORE, config.dedupRetention(), config.dedupRetention(), false),
                        Serdes.String(), new JsonSerde<>(PageSignature.class))
                .withLoggingEnabled(Map.of()));
        builder.addStateStore(Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(DEDUP_KEYS_STORE, config.dedupRetention(), config.dedupRetention(), true),
                        Serdes.String(), Serdes.String())
                .withLoggingEnabled(Map.of()));
        builder.addStateStore(store(SITE_PROFILES_STORE, io.filmwire.enrich.extract.site.SiteProfile.class));
        builder.addStateStore(store(FILMS_STORE, FilmState.class));
        builder.addStateStore(store(MENTIONS_STORE, FilmMention.class));
        builder.addStateStore(store(TITLES_STORE, ReconcileState.FilmIdList.class));
        builder.addStateStore(store(PAGES_STORE, ReconcileState.PageFilms.class));
        builder.addStateStore(store(OVERRIDES_STORE, FilmOverrides.class));

        KStream<String, Routed<AnalyzedPage>> analyzed = builder
                .stream(Topics.PAGES_RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("pages-raw"))
                .process(() -> new AnalyzeProcessor(analyzers.get(), config.maxPageChars(), config.siteProfileRetention(),
                        metrics), Named.as("analyze-page"), SITE_PROFILES_STORE);

        Map<String, KStream<String, Routed<AnalyzedPage>>> pages = analyzed.split(Named.as("page-"))
                .branch((id, routed) -> routed.isDead(), Branched.as("dead"))
                .defaultBranch(Branched.as("ok"));
        toDeadLetters(pages.get("page-dead"), "page-dead-letters");

        KStream<String, AnalyzedPage> ok = pages.get("page-ok").mapValues(Routed::value, Named.as("analyzed-page"));
        ok.mapValues(AnalyzedPage::clean, Named.as("clean-page"))
                .to(Topics.PAGES_CLEAN.name(), Produced.with(Serdes.String(), Topics.PAGES_CLEAN.valueSerde())
                        .withName("pages-clean"));

        Reconciler reconciler = new Reconciler(config.maxMentionsPerFilm());
        Deduplicator deduplicator = new Deduplicator(config.dedupSimilarity());
        KStream<String, Routed<FilmRecord>> fromPages = ok
                .processValues(DigestProcessor::new, Named.as("page-digest"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(PageDigest.class))
                        .withName(DIGESTS_REPARTITION).withNumberOfPartitions(1))
                .process(() -> new DedupProcessor(deduplicator, metrics), Named.as("dedup"),
                        DEDUP_PAGES_STORE, DEDUP_KEYS_STORE)
                .process(() -> new ReconcileProcessor.Pages(reconciler, metrics), Named.as("reconcile"), RECONCILE_STORES);

        KStream<String, Routed<FilmRecord>> fromOverrides = builder
                .stream(Topics.FILMS_OVERRIDES.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("films-overrides"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray())
                        .withName(OVERRIDES_REPARTITION).withNumberOfPartitions(1))
                .process(() -> new ReconcileProcessor.Overrides(reconciler, metrics), Named.as("reconcile-overrides"),
                        RECONCILE_STORES);

        Map<String, KStream<String, Routed<FilmRecord>>> films = fromPages
                .merge(fromOverrides, Named.as("film-changes"))
                .split(Named.as("film-"))
                .branch((id, routed) -> routed.isDead(), Branched.as("dead"))
                .defaultBranch(Branched.as("ok"));
        toDeadLetters(films.get("film-dead"), "film-dead-letters");
        films.get("film-ok").mapValues(Routed::value, Named.as("film-record"))
                .to(Topics.FILMS_RECONCILED.name(),
                        Produced.with(Serdes.String(), Topics.FILMS_RECONCILED.valueSerde()).withName("films-reconciled"));
        return builder.build();
    }

    /** Analysed page -> its digest, stamped with the record's time. */
    private static final class DigestProcessor implements FixedKeyProcessor<String, AnalyzedPage, PageDigest> {

        private FixedKeyProcessorContext<String, PageDigest> context;

        @Override
        public void init(FixedKeyProcessorContext<String, PageDigest> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, AnalyzedPage> record) {
            String fetched = io.filmwire.schema.RecordHeaders.text(record.headers(), AnalyzeProcessor.FETCHED_AT_HEADER);
            String page = io.filmwire.schema.RecordHeaders.text(record.headers(), AnalyzeProcessor.PAGE_FINGERPRINT_HEADER);
            context.forward(record.withValue(PageDigest.of(record.value(), Instant.ofEpochMilli(record.timestamp()))
                    .fetchedAt(fetched == null ? null : Instant.parse(fetched))
                    .withPage(io.filmwire.enrich.dedup.PageFingerprint.fromText(page))));
        }
    }

    private static <T> void toDeadLetters(KStream<String, Routed<T>> dead, String name) {
        dead.mapValues(Routed::entry, Named.as(name))
                .to(Topics.PAGES_DLQ.name(), Produced.with(Serdes.String(), DLQ_SERDE).withName(name + "-sink"));
    }

    private static <T> StoreBuilder<?> store(String name, Class<T> type) {
        Serde<T> serde = new JsonSerde<>(type);
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde)
                .withLoggingEnabled(CHANGELOG);
    }
}
