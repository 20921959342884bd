package io.filmwire.enrich.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filmwire.enrich.model.Layer;
import io.filmwire.schema.FilmOverrides;
import io.filmwire.schema.FilmOverrides.FieldOverride;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.Json;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.SchemaValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An editor's value beats every extracted value: each overridden field of a record takes the
 * editor's value, its provenance becomes the override (layer {@code override}, evidence "editor:
 * reason"), and when the pages said something else the field's {@code conflicts} lists the override
 * first, then the extracted values, with the override chosen. A value that would make the record
 * invalid (a text year, say) is left out with a warning; the rest still applies. Stateless and
 * thread-safe.
 */
public final class OverrideApplier {

    /** The page id given to an override in provenance (an override has no page). */
    public static final String OVERRIDE_PAGE = "override";

    private static final Logger LOG = LoggerFactory.getLogger(OverrideApplier.class);

    /** The record with the overrides applied, and the fields left out (not overridable, or invalid). */
    public record Applied(FilmRecord record, List<String> skipped) {
    }

    /**
     * Applies {@code overrides} to {@code record}; for a field set in several, the first wins (the
     * film's own overrides first, then those of films merged into it).
     */
    public Applied apply(FilmRecord record, List<FilmOverrides> overrides) {
        Map<String, FieldOverride> chosen = new LinkedHashMap<>();
        for (FilmOverrides o : overrides) {
            if (o != null) {
                o.fields().forEach(chosen::putIfAbsent);
            }
        }
        if (chosen.isEmpty()) {
            return new Applied(record, List.of());
        }
        ObjectNode tree = (ObjectNode) Json.tree(record);
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, FieldOverride> e : chosen.entrySet()) {
            String field = e.getKey();
            FieldOverride o = e.getValue();
            if (!FilmOverrides.FIELDS.contains(field) || o.value() == null) {
                LOG.warn("Override of '{}' on film '{}' ignored: only {} can be overridden", field, record.id(), FilmOverrides.FIELDS);
                skipped.add(field);
                continue;
            }
            ObjectNode candidate = tree.deepCopy();
            candidate.set(field, o.value());
            candidate.put("version", Math.max(1, record.version()));
            List<String> violations = SchemaValidator.get().violations(MessageSchema.FILM_RECORD, candidate);
            if (!violations.isEmpty()) {
                LOG.warn("Override of '{}' on film '{}' ignored: value {} is not valid there ({})", field, record.id(),
                        o.value(), String.join("; ", violations));
                skipped.add(field);
                continue;
            }
            override(tree, field, o);
        }
        return new Applied(Json.mapper().convertValue(tree, FilmRecord.class), skipped);
    }

    private static void override(ObjectNode tree, String field, FieldOverride o) {
        JsonNode extracted = tree.get(field);
        ObjectNode provenance = (ObjectNode) tree.get("provenance");
        ObjectNode conflicts = (ObjectNode) tree.get("conflicts");
        JsonNode oldEvidence = provenance.get(field);
        String why = o.editor() + ": " + o.reason();

        tree.set(field, o.value());
        ArrayNode evidence = provenance.putArray(field);
        ObjectNode ev = evidence.addObject();
        ev.put("value", o.value().isTextual() ? o.value().asText() : o.value().toString());
        ev.put("pageId", OVERRIDE_PAGE);
        ev.put("layer", Layer.OVERRIDE.id());
        ev.put("evidence", why);
        ev.put("confidence", 1.0);

        boolean saidOtherwise = extracted != null && !extracted.isNull() && !(extracted.isContainerNode() && extracted.isEmpty())
                && !extracted.equals(o.value());
        if (!saidOtherwise) {
            conflicts.remove(field);
            return;
        }
        JsonNode earlierValues = conflicts.path(field).path("values").deepCopy();
        ObjectNode conflict = conflicts.putObject(field);
        ArrayNode values = conflict.putArray("values");
        ObjectNode mine = values.addObject();
        mine.set("value", o.value());
        mine.putArray("pages");
        mine.put("layer", Layer.OVERRIDE.id());
        mine.put("evidence", why);
        if (earlierValues.isArray() && !earlierValues.isEmpty()) {
            earlierValues.forEach(v -> {
                if (!v.path("value").equals(o.value())) {
                    values.add(v);
                }
            });
        } else {
            ObjectNode theirs = values.addObject();
            theirs.set("value", extracted);
            ArrayNode pages = theirs.putArray("pages");
            if (oldEvidence != null && oldEvidence.isArray()) {
                List<String> seen = new ArrayList<>();
                for (JsonNode x : oldEvidence) {
                    String page = x.path("pageId").asText();
                    if (!seen.contains(page)) {
                        seen.add(page);
                        pages.add(page);
                    }
                }
                if (!oldEvidence.isEmpty()) {
                    theirs.put("layer", oldEvidence.get(0).path("layer").asText());
                    theirs.set("evidence", oldEvidence.get(0).path("evidence"));
                }
            }
        }
        conflict.set("chosen", o.value());
    }
}
