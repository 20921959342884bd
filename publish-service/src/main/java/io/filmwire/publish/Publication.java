package io.filmwire.publish;

import io.filmwire.schema.ChangeEvent;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.FilmRecord;

/** What the publish step sends on: a record (null: tombstone), a change event, or a dead letter. */
sealed interface Publication {

    record Film(FilmRecord record) implements Publication {
    }

    record Change(ChangeEvent event) implements Publication {
    }

    record Dead(DlqEntry entry) implements Publication {
    }
}
