package io.filmwire.enrich.streams;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.page.AnalyzedPage;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.enrich.page.PageAnalyzer;
import io.filmwire.enrich.reconcile.FilmBlock;
import io.filmwire.enrich.reconcile.Reconciler;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.JsonSerde;
import io.filmwire.schema.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich-streams topology.
 *
 * <pre>
 * pages.raw (page id -> raw page JSON, read as bytes so a corrupt message cannot stop the app)
 *   -> analyze-page: validate, clean (Jsoup), extract works     -> pages.clean (page id -> clean page)
 *   -> mentions-by-title: one record per work, key = title key
 *   -> repartition "film-mentions"
 *   -> reconcile [store film-blocks: title key -> films]         -> films.reconciled (film id -> record)
 * any failure -> pages.dlq (page id -> input, reason, stage, time)
 * </pre>
 *
 * Every operator and store is named, so the topology can change without breaking a rolling upgrade.
 */
public final class EnrichTopology {

    /** Reconciliation state: title key -> {@link FilmBlock}. Changelogged. */
    public static final String FILM_BLOCKS_STORE = "film-blocks";
    /** Name of the repartition topic suffix for mentions keyed by title. */
    public static final String MENTIONS_REPARTITION = "film-mentions";

    private static final JsonSerde<DlqEntry> DLQ_SERDE = (JsonSerde<DlqEntry>) Topics.PAGES_DLQ.valueSerde();

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
        builder.addStateStore(filmBlocksStore());

        KStream<String, Routed<AnalyzedPage>> analyzed = builder
                .stream(Topics.PAGES_RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("pages-raw"))
                .process(() -> new AnalyzeProcessor(analyzers.get(), config.maxPageChars(), metrics),
                        Named.as("analyze-page"));

        Map<String, KStream<String, Routed<AnalyzedPage>>> pages = analyzed.split(Named.as("page-"))
                .branch((id, routed) -> routed.isDead(), Branched.as("dead"))
                .defaultBranch(Branched.as("ok"));
        toDeadLetters(pages.get("page-dead"), "page-dead-letters");

        KStream<String, AnalyzedPage> ok = pages.get("page-ok").mapValues(Routed::value, Named.as("analyzed-page"));
        ok.mapValues(AnalyzedPage::clean, Named.as("clean-page"))
                .to(Topics.PAGES_CLEAN.name(), Produced.with(Serdes.String(), Topics.PAGES_CLEAN.valueSerde())
                        .withName("pages-clean"));

        KStream<String, Routed<FilmRecord>> reconciled = ok
                .flatMap(EnrichTopology::mentionsByTitle, Named.as("mentions-by-title"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(FilmMention.class))
                        .withName(MENTIONS_REPARTITION))
                .process(() -> new ReconcileProcessor(metrics), Named.as("reconcile"), FILM_BLOCKS_STORE);

        Map<String, KStream<String, Routed<FilmRecord>>> films = reconciled.split(Named.as("film-"))
                .branch((id, routed) -> routed.isDead(), Branched.as("dead"))
                .defaultBranch(Branched.as("ok"));
        toDeadLetters(films.get("film-dead"), "film-dead-letters");
        films.get("film-ok").mapValues(Routed::value, Named.as("film-record"))
                .to(Topics.FILMS_RECONCILED.name(),
                        Produced.with(Serdes.String(), Topics.FILMS_RECONCILED.valueSerde()).withName("films-reconciled"));
        return builder.build();
    }

    private static <T> void toDeadLetters(KStream<String, Routed<T>> dead, String name) {
        dead.mapValues(Routed::entry, Named.as(name))
                .to(Topics.PAGES_DLQ.name(), Produced.with(Serdes.String(), DLQ_SERDE).withName(name + "-sink"));
    }

    private static Iterable<KeyValue<String, FilmMention>> mentionsByTitle(String pageId, AnalyzedPage page) {
        List<KeyValue<String, FilmMention>> out = new ArrayList<>();
        for (FilmMention mention : page.mentions()) {
            out.add(KeyValue.pair(Reconciler.blockKey(mention), mention));
        }
        return out;
    }

    private static StoreBuilder<KeyValueStore<String, FilmBlock>> filmBlocksStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FILM_BLOCKS_STORE), Serdes.String(),
                        new JsonSerde<>(FilmBlock.class))
                .withLoggingEnabled(Map.of("max.message.bytes", String.valueOf(32 * 1024 * 1024)));
    }

}
