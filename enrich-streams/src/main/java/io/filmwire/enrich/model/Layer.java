package io.filmwire.enrich.model;

import java.util.Locale;

/** Extractor layers, from most to least trusted. */
public enum Layer {
    /** An editor's override. */
    OVERRIDE(4),
    /** schema.org JSON-LD, microdata, RDFa, OpenGraph and meta tags. */
    STRUCTURED(3),
    /** Label/value rows, infoboxes, credit blocks, fact bullets. */
    SEMI_STRUCTURED(2),
    /** Sentences. */
    PROSE(1);

    private final int rank;

    Layer(int rank) {
        this.rank = rank;
    }

    /** Higher is more trusted. */
    public int rank() {
        return rank;
    }

    /** The name used in records: {@code semi_structured}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layer of that {@link #id()}. */
    public static Layer fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
