package io.filmwire.publish;

import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.JsonSerde;
import io.filmwire.schema.Topics;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The publish-service topology.
 *
 * <pre>
 * films.reconciled (film id -> record JSON or null, read as bytes)
 *   -> publish [stores published-films: film id -> last published record,
 *               film-history: film id -> its last change events]
 *        -> films.records (film id -> record; null = tombstone), compacted
 *        -> films.changes (film id -> change event)
 *        -> pages.dlq     (film id -> the invalid record, reason, stage "publish")
 * </pre>
 */
public final class PublishTopology {

    /** The last published record of each film; the API reads it. */
    public static final String PUBLISHED_STORE = "published-films";
    /** The last change events of each film ({@link FilmHistory}); the history API reads it. */
    public static final String HISTORY_STORE = "film-history";

    private PublishTopology() {
    }

    /** The topology, with metrics that go nowhere. */
    public static Topology build(PublishConfig config) {
        return build(config, PublishMetrics.discarding());
    }

    /** The topology. */
    public static Topology build(PublishConfig config, PublishMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PUBLISHED_STORE),
                        Serdes.String(), new JsonSerde<>(FilmRecord.class))
                .withLoggingEnabled(Map.of("max.message.bytes", String.valueOf(32 * 1024 * 1024))));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HISTORY_STORE),
                        Serdes.String(), new JsonSerde<>(FilmHistory.class))
                .withLoggingEnabled(Map.of("max.message.bytes", String.valueOf(32 * 1024 * 1024))));

        KStream<String, Publication> out = builder
                .stream(Topics.FILMS_RECONCILED.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("films-reconciled"))
                .process(() -> new PublishProcessor(metrics), Named.as("publish"), PUBLISHED_STORE, HISTORY_STORE);

        Map<String, KStream<String, Publication>> routes = out.split(Named.as("publication-"))
                .branch((id, p) -> p instanceof Publication.Film, Branched.as("film"))
                .branch((id, p) -> p instanceof Publication.Change, Branched.as("change"))
                .defaultBranch(Branched.as("dead"));
        routes.get("publication-film")
                .mapValues(p -> ((Publication.Film) p).record(), Named.as("film-record"))
                .to(Topics.FILMS_RECORDS.name(),
                        Produced.with(Serdes.String(), Topics.FILMS_RECORDS.valueSerde()).withName("films-records"));
        routes.get("publication-change")
                .mapValues(p -> ((Publication.Change) p).event(), Named.as("change-event"))
                .to(Topics.FILMS_CHANGES.name(),
                        Produced.with(Serdes.String(), Topics.FILMS_CHANGES.valueSerde()).withName("films-changes"));
        routes.get("publication-dead")
                .mapValues(p -> ((Publication.Dead) p).entry(), Named.as("dead-letter"))
                .to(Topics.PAGES_DLQ.name(), Produced.with(Serdes.String(), (JsonSerde<DlqEntry>) Topics.PAGES_DLQ.valueSerde())
                        .withName("publish-dead-letters"));
        return builder.build();
    }
}
