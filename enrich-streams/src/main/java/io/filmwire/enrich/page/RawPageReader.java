package io.filmwire.enrich.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.Json;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.SchemaValidator;
import io.filmwire.schema.DlqEntry.Stage;
import java.io.IOException;
import java.util.List;

/**
 * Reads a pages.raw message: JSON, valid against {@code raw-page.schema.json}. Anything else is a
 * {@link PageProcessingException} at stage {@code validate} saying what is wrong. Thread-safe.
 */
public final class RawPageReader {

    /** The page in {@code bytes}. */
    public RawPage read(byte[] bytes) {
        if (bytes == null) {
            throw new PageProcessingException(Stage.VALIDATE, "empty message (null value) on pages.raw: a raw page is required");
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new PageProcessingException(Stage.VALIDATE, "not JSON: " + firstLine(e.getMessage()), e);
        }
        if (json == null || !json.isObject()) {
            throw new PageProcessingException(Stage.VALIDATE, "not a JSON object: a raw page is an object with pageId, source, contentType, receivedAt and body");
        }
        List<String> violations = SchemaValidator.get().violations(MessageSchema.RAW_PAGE, json);
        if (!violations.isEmpty()) {
            throw new PageProcessingException(Stage.VALIDATE, "not a valid raw page: " + String.join("; ", violations));
        }
        try {
            return Json.mapper().treeToValue(json, RawPage.class);
        } catch (IOException | RuntimeException e) {
            throw new PageProcessingException(Stage.VALIDATE, "not a valid raw page: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
