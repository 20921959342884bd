package io.filmwire.enrich.streams;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.reconcile.FilmBlock;
import io.filmwire.enrich.reconcile.Reconciler;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Film mentions keyed by title key -> film records keyed by film id (null value: the film is gone).
 * State: {@link EnrichTopology#FILM_BLOCKS_STORE}, title key -> the films of that title. One
 * instance per task.
 */
final class ReconcileProcessor implements Processor<String, FilmMention, String, Routed<FilmRecord>> {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileProcessor.class);

    private final Reconciler reconciler = new Reconciler();
    private final EnrichMetrics metrics;
    private ProcessorContext<String, Routed<FilmRecord>> context;
    private KeyValueStore<String, FilmBlock> blocks;

    ReconcileProcessor(EnrichMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Routed<FilmRecord>> context) {
        this.context = context;
        this.blocks = context.getStateStore(EnrichTopology.FILM_BLOCKS_STORE);
    }

    @Override
    public void process(Record<String, FilmMention> record) {
        FilmMention mention = record.value();
        if (mention == null) {
            return;
        }
        Reconciler.Outcome outcome;
        try {
            outcome = reconciler.apply(blocks.get(record.key()), mention, Instant.ofEpochMilli(record.timestamp()));
        } catch (RuntimeException e) {
            RecordMetadata meta = context.recordMetadata().orElse(null);
            DlqEntry.Coordinates at = meta == null ? DlqEntry.Coordinates.NONE
                    : new DlqEntry.Coordinates(meta.topic(), meta.partition(), meta.offset());
            LOG.warn("Mention of '{}' from page '{}' sent to the dead-letter topic (stage reconcile): {}",
                    mention.title().value(), mention.pageId(), e.toString());
            metrics.deadLetter(DlqEntry.Stage.RECONCILE);
            DlqEntry dead = DlqEntry.of(DlqEntry.Stage.RECONCILE, mention.pageId(), record.key(),
                    Json.write(mention).getBytes(StandardCharsets.UTF_8), "cannot reconcile: " + e, e, at,
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(record.withKey(mention.pageId()).withValue(new Routed.Dead<>(dead)));
            return;
        }
        blocks.put(record.key(), outcome.block());
        for (Reconciler.Emission emission : outcome.emissions()) {
            metrics.filmEmitted();
            org.apache.kafka.common.header.Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            RecordHeaders.set(headers, RecordHeaders.CAUSE_PAGE, mention.pageId());
            RecordHeaders.set(headers, RecordHeaders.CAUSE_URL, mention.url());
            context.forward(record.withKey(emission.filmId()).withValue(new Routed.Ok<>(emission.record()))
                    .withHeaders(headers));
        }
    }
}
