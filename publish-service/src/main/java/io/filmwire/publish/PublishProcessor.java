package io.filmwire.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.filmwire.schema.ChangeEvent;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.RecordHeaders;
import io.filmwire.schema.SchemaValidator;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * films.reconciled bytes (film id -> record, or null) -> a schema-valid record for films.records and
 * a change event for films.changes; an invalid record -> a dead letter, never downstream. Policy:
 * a record whose content equals the published one is not republished; a stale version (not above
 * the published one) is dropped with a warning. A tombstone from a merge (header
 * {@code filmwire.merged.into}) becomes a {@code merged} event naming the survivor, any other a
 * {@code deleted} event. Every event is also added to the film's history.
 * State: {@link PublishTopology#PUBLISHED_STORE} (film id -> last published record) and
 * {@link PublishTopology#HISTORY_STORE} (film id -> its last change events). One instance per task.
 */
final class PublishProcessor implements Processor<String, byte[], String, Publication> {

    private static final Logger LOG = LoggerFactory.getLogger(PublishProcessor.class);
    /** Fields compared for change events; provenance changes are named but their values left out. */
    private static final Set<String> QUIET_FIELDS = Set.of("provenance", "version", "updatedAt");

    private final PublishMetrics metrics;
    private ProcessorContext<String, Publication> context;
    private KeyValueStore<String, FilmRecord> published;
    private KeyValueStore<String, FilmHistory> history;

    PublishProcessor(PublishMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Publication> context) {
        this.context = context;
        this.published = context.getStateStore(PublishTopology.PUBLISHED_STORE);
        this.history = context.getStateStore(PublishTopology.HISTORY_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String filmId = record.key();
        if (filmId == null) {
            deadLetter(record, DlqEntry.Reason.NO_KEY, "a film record without a key (film id) cannot be published", null);
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        ChangeEvent.Cause cause = cause(record);
        FilmRecord previous = published.get(filmId);
        if (record.value() == null) {
            if (previous == null) {
                return;
            }
            published.delete(filmId);
            String mergedInto = RecordHeaders.text(record.headers(), RecordHeaders.MERGED_INTO);
            context.forward(record.withValue(new Publication.Film(null)));
            change(record, new ChangeEvent(filmId, mergedInto == null ? ChangeEvent.DELETED : ChangeEvent.MERGED, 0,
                    previous.version(), List.of(), cause, mergedInto, now));
            if (mergedInto != null) {
                LOG.info("Film '{}' merged into '{}'; tombstone published", filmId, mergedInto);
            }
            metrics.tombstone();
            return;
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(record.value());
        } catch (IOException e) {
            deadLetter(record, DlqEntry.Reason.NOT_JSON, "not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
            return;
        }
        List<String> violations = SchemaValidator.strict().violations(MessageSchema.FILM_RECORD, json);
        if (!violations.isEmpty()) {
            deadLetter(record, DlqEntry.Reason.INVALID, "film record violates film-record.schema.json: " + String.join("; ", violations), null);
            return;
        }
        FilmRecord film;
        try {
            film = Json.mapper().treeToValue(json, FilmRecord.class);
        } catch (IOException | RuntimeException e) {
            deadLetter(record, DlqEntry.Reason.INVALID, "cannot read film record: " + e.getMessage(), e);
            return;
        }
        if (!filmId.equals(film.id())) {
            deadLetter(record, DlqEntry.Reason.KEY_MISMATCH, "key '" + filmId + "' is not the record's id '" + film.id() + "'", null);
            return;
        }
        if (previous != null && film.version() <= previous.version()) {
            LOG.warn("Film '{}' version {} is not newer than the published version {}; not republished",
                    filmId, film.version(), previous.version());
            return;
        }
        List<ChangeEvent.FieldChange> changes = diff(previous, film);
        if (previous != null && changes.isEmpty()) {
            return;
        }
        published.put(filmId, film);
        context.forward(record.withValue(new Publication.Film(film)));
        change(record, new ChangeEvent(filmId, previous == null ? ChangeEvent.CREATED : ChangeEvent.UPDATED,
                film.version(), previous == null ? null : previous.version(), changes, cause, null, now));
        metrics.published(previous == null, context.currentSystemTimeMs() - record.timestamp());
    }

    /** Sends {@code event} to films.changes and adds it to the film's history. */
    private void change(Record<String, byte[]> record, ChangeEvent event) {
        FilmHistory past = history.get(event.filmId());
        history.put(event.filmId(), (past == null ? FilmHistory.of(event.filmId()) : past).with(event));
        context.forward(record.withValue(new Publication.Change(event)));
    }

    private static ChangeEvent.Cause cause(Record<String, byte[]> record) {
        String page = RecordHeaders.text(record.headers(), RecordHeaders.CAUSE_PAGE);
        String url = RecordHeaders.text(record.headers(), RecordHeaders.CAUSE_URL);
        String override = RecordHeaders.text(record.headers(), RecordHeaders.CAUSE_OVERRIDE);
        return page == null && url == null && override == null ? null : new ChangeEvent.Cause(page, url, override);
    }

    /** The fields that differ between two versions (all set fields for a new record). */
    static List<ChangeEvent.FieldChange> diff(FilmRecord before, FilmRecord after) {
        JsonNode a = before == null ? NullNode.getInstance() : Json.tree(before);
        JsonNode b = Json.tree(after);
        Set<String> fields = new LinkedHashSet<>();
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        List<ChangeEvent.FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            if (field.equals("version") || field.equals("updatedAt") || field.equals("id")) {
                continue;
            }
            JsonNode old = a.path(field);
            JsonNode neu = b.path(field);
            old = old.isMissingNode() ? NullNode.getInstance() : old;
            neu = neu.isMissingNode() ? NullNode.getInstance() : neu;
            if (old.equals(neu) || (before == null && isEmpty(neu))) {
                continue;
            }
            if (QUIET_FIELDS.contains(field)) {
                changes.add(new ChangeEvent.FieldChange(field, NullNode.getInstance(), NullNode.getInstance()));
            } else {
                changes.add(new ChangeEvent.FieldChange(field, old, neu));
            }
        }
        return changes;
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isNull() || (node.isContainerNode() && node.isEmpty());
    }

    private void deadLetter(Record<String, byte[]> record, DlqEntry.Reason code, String reason, Throwable cause) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        DlqEntry.Coordinates at = meta == null ? DlqEntry.Coordinates.NONE
                : new DlqEntry.Coordinates(meta.topic(), meta.partition(), meta.offset());
        LOG.warn("Film record '{}' at {} sent to the dead-letter topic (stage publish): {}", record.key(), at, reason);
        DlqEntry dead = DlqEntry.of(DlqEntry.Stage.PUBLISH, code, null, record.key(), record.value(), reason, cause, at,
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        metrics.deadLetter(dead);
        context.forward(record.withKey(record.key() == null ? dead.id() : record.key())
                .withValue(new Publication.Dead(dead)));
    }
}
