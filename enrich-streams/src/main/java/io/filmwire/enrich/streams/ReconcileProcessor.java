package io.filmwire.enrich.streams;

import io.filmwire.enrich.reconcile.ReconcileState;
import io.filmwire.enrich.reconcile.Reconciler;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmOverrides;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.RecordHeaders;
import io.filmwire.schema.SchemaValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation, the one place film state changes. Two processors share it and its stores:
 * {@link Pages} (page id -> digest of a kept page) and {@link Overrides} (film id -> an editor's
 * overrides as JSON, null to remove all). Both emit film id -> record (null value: tombstone) for
 * films.reconciled, with headers naming the cause ({@link RecordHeaders}); an input that cannot be
 * reconciled becomes a dead letter (stage reconcile). Policy: {@link Reconciler}.
 * State: {@link EnrichTopology#FILMS_STORE}, {@link EnrichTopology#MENTIONS_STORE},
 * {@link EnrichTopology#TITLES_STORE}, {@link EnrichTopology#PAGES_STORE},
 * {@link EnrichTopology#OVERRIDES_STORE}. One instance per task; both run on the single task of the
 * one-partition topics, so every film is in one place.
 */
abstract class ReconcileProcessor<V> implements Processor<String, V, String, Routed<FilmRecord>> {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileProcessor.class);

    final Reconciler reconciler;
    final EnrichMetrics metrics;
    ProcessorContext<String, Routed<FilmRecord>> context;
    ReconcileState state;

    ReconcileProcessor(Reconciler reconciler, EnrichMetrics metrics) {
        this.reconciler = reconciler;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Routed<FilmRecord>> context) {
        this.context = context;
        this.state = StoreReconcileState.of(context);
    }

    /** Forwards each emission with its cause headers. */
    void emit(Record<String, ?> input, Reconciler.Result result) {
        metrics.reconciled(result);
        for (Reconciler.Emission e : result.emissions()) {
            Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            RecordHeaders.set(headers, RecordHeaders.CAUSE_PAGE, e.cause().pageId());
            RecordHeaders.set(headers, RecordHeaders.CAUSE_URL, e.cause().url());
            RecordHeaders.set(headers, RecordHeaders.CAUSE_OVERRIDE, e.cause().override());
            RecordHeaders.set(headers, RecordHeaders.MERGED_INTO, e.mergedInto());
            context.forward(new Record<String, Routed<FilmRecord>>(e.filmId(), new Routed.Ok<>(e.record()),
                    input.timestamp(), headers));
        }
    }

    /** Sends {@code input} to the dead-letter topic with {@code reason}. */
    void deadLetter(Record<String, ?> input, String pageId, byte[] bytes, DlqEntry.Reason code, String reason,
                    Throwable cause) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        DlqEntry.Coordinates at = meta == null ? DlqEntry.Coordinates.NONE
                : new DlqEntry.Coordinates(meta.topic(), meta.partition(), meta.offset());
        LOG.warn("Input '{}' at {} sent to the dead-letter topic (stage reconcile): {}", input.key(), at, reason);
        DlqEntry dead = DlqEntry.of(DlqEntry.Stage.RECONCILE, code, pageId, input.key(), bytes, reason, cause, at,
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        metrics.deadLetter(dead);
        context.forward(new Record<String, Routed<FilmRecord>>(input.key() == null ? dead.id() : input.key(),
                new Routed.Dead<>(dead), input.timestamp(), input.headers()));
    }

    /** Kept pages: their works replace what the page said before. */
    static final class Pages extends ReconcileProcessor<PageDigest> {

        Pages(Reconciler reconciler, EnrichMetrics metrics) {
            super(reconciler, metrics);
        }

        @Override
        public void process(Record<String, PageDigest> record) {
            PageDigest digest = record.value();
            if (digest == null) {
                return;
            }
            Reconciler.Result result;
            try {
                result = reconciler.applyPage(digest.pageId(), digest.signature().url(), digest.mentions(),
                        Instant.ofEpochMilli(record.timestamp()), state);
            } catch (RuntimeException e) {
                deadLetter(record, digest.pageId(), Json.write(digest).getBytes(StandardCharsets.UTF_8),
                        DlqEntry.Reason.PROCESSING_FAILED, "cannot reconcile the works of page '" + digest.pageId() + "': " + e, e);
                return;
            }
            emit(record, result);
        }
    }

    /** Editors' overrides from films.overrides (compacted): the latest value of a film id replaces the earlier. */
    static final class Overrides extends ReconcileProcessor<byte[]> {

        Overrides(Reconciler reconciler, EnrichMetrics metrics) {
            super(reconciler, metrics);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            String filmId = record.key();
            if (filmId == null || filmId.isBlank()) {
                deadLetter(record, null, record.value(), DlqEntry.Reason.NO_KEY, "an override message needs a key: the film id", null);
                return;
            }
            FilmOverrides overrides = null;
            if (record.value() != null) {
                try {
                    var json = Json.strictReader().readTree(record.value());
                    List<String> violations = SchemaValidator.get().violations(MessageSchema.FILM_OVERRIDES, json);
                    if (!violations.isEmpty()) {
                        deadLetter(record, null, record.value(), DlqEntry.Reason.INVALID, "not valid film overrides: " + String.join("; ", violations), null);
                        return;
                    }
                    overrides = Json.mapper().treeToValue(json, FilmOverrides.class);
                } catch (IOException | RuntimeException e) {
                    deadLetter(record, null, record.value(),
                            Json.isDuplicateKey(e) ? DlqEntry.Reason.DUPLICATE_KEY : DlqEntry.Reason.NOT_JSON, "not valid film overrides JSON: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
                    return;
                }
                if (!filmId.equals(overrides.filmId())) {
                    deadLetter(record, null, record.value(), DlqEntry.Reason.KEY_MISMATCH, "key '" + filmId + "' is not the overrides' filmId '"
                            + overrides.filmId() + "'", null);
                    return;
                }
            }
            Reconciler.Result result;
            try {
                result = reconciler.applyOverrides(filmId, overrides, Instant.ofEpochMilli(record.timestamp()), state);
            } catch (RuntimeException e) {
                deadLetter(record, null, record.value(), DlqEntry.Reason.PROCESSING_FAILED, "cannot apply the overrides of film '" + filmId + "': " + e, e);
                return;
            }
            LOG.info("Overrides of film '{}' now set {} ({} record(s) changed)", filmId,
                    overrides == null ? "nothing" : overrides.fields().keySet(), result.emissions().size());
            emit(record, result);
        }
    }
}
