package io.filmwire.enrich.page;

import io.filmwire.schema.DlqEntry.Reason;
import io.filmwire.schema.DlqEntry.Stage;

/** A page cannot be processed, permanently: it goes to pages.dlq with this stage, reason code and message. */
public final class PageProcessingException extends RuntimeException {

    private final Stage stage;
    private final Reason code;

    public PageProcessingException(Stage stage, Reason code, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
        this.code = code;
    }

    public PageProcessingException(Stage stage, Reason code, String message) {
        this(stage, code, message, null);
    }

    /** The stable reason code. */
    public Reason code() {
        return code;
    }

    /** Where processing failed. */
    public Stage stage() {
        return stage;
    }
}
