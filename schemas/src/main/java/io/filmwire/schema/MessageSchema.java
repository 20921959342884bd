package io.filmwire.schema;

/** The JSON Schema files in {@code schemas/} (classpath {@code /schemas/}), one per message type. */
public enum MessageSchema {
    RAW_PAGE("raw-page", RawPage.class),
    CLEAN_PAGE("clean-page", CleanPage.class),
    FILM_RECORD("film-record", FilmRecord.class),
    CHANGE_EVENT("change-event", ChangeEvent.class),
    DLQ_ENTRY("dlq-entry", DlqEntry.class),
    FILM_OVERRIDES("film-overrides", FilmOverrides.class);

    private final String fileStem;
    private final Class<?> type;

    MessageSchema(String fileStem, Class<?> type) {
        this.fileStem = fileStem;
        this.type = type;
    }

    /** Classpath resource of the schema file. */
    public String resource() {
        return "/schemas/" + fileStem + ".schema.json";
    }

    /** The Java type of the message. */
    public Class<?> type() {
        return type;
    }
}
