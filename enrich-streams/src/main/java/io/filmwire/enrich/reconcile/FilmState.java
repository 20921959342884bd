package io.filmwire.enrich.reconcile;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.FilmRecord;
import java.util.List;

/**
 * What reconciliation keeps of one film: its id, the mentions it was built from (one per page and
 * position), and the record last emitted (null before the first).
 */
public record FilmState(String id, List<FilmMention> mentions, FilmRecord record) {

    public FilmState {
        mentions = List.copyOf(mentions);
    }

    /** The version of the last emitted record, 0 before the first. */
    public long version() {
        return record == null ? 0 : record.version();
    }
}
