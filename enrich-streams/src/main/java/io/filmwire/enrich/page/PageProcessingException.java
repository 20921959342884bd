package io.filmwire.enrich.page;

import io.filmwire.schema.DlqEntry.Stage;

/** A page cannot be processed, permanently: it goes to pages.dlq with this stage and message. */
public final class PageProcessingException extends RuntimeException {

    private final Stage stage;

    public PageProcessingException(Stage stage, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
    }

    public PageProcessingException(Stage stage, String message) {
        this(stage, message, null);
    }

    /** Where processing failed. */
    public Stage stage() {
        return stage;
    }
}
