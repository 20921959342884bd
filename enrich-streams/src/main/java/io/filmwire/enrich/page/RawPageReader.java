package io.filmwire.enrich.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.Json;
import io.filmwire.schema.MessageSchema;
import io.filmwire.schema.RawPage;
import io.filmwire.schema.SchemaValidator;
import io.filmwire.schema.DlqEntry.Reason;
import io.filmwire.schema.DlqEntry.Stage;
import java.io.IOException;
import java.util.List;

/**
 * Reads a pages.raw message: JSON with no key named twice in an object, valid against
 * {@code raw-page.schema.json}, whose body is text (no NUL, at most 1% control characters, at most
 * 10% U+FFFD replacement characters: what binary data decoded as text looks like). Anything else is
 * a {@link PageProcessingException} at stage {@code validate} with its reason code saying what is
 * wrong. Thread-safe.
 */
public final class RawPageReader {

    /** The page in {@code bytes}. */
    public RawPage read(byte[] bytes) {
        if (bytes == null) {
            throw new PageProcessingException(Stage.VALIDATE, Reason.EMPTY, "empty message (null value) on pages.raw: a raw page is required");
        }
        JsonNode json;
        try {
            json = Json.strictReader().readTree(bytes);
        } catch (IOException e) {
            if (Json.isDuplicateKey(e)) {
                throw new PageProcessingException(Stage.VALIDATE, Reason.DUPLICATE_KEY,
                        "a key named twice in one object: " + firstLine(e.getMessage()), e);
            }
            throw new PageProcessingException(Stage.VALIDATE, Reason.NOT_JSON, "not JSON: " + firstLine(e.getMessage()), e);
        }
        if (json == null || !json.isObject()) {
            throw new PageProcessingException(Stage.VALIDATE, Reason.NOT_JSON, "not a JSON object: a raw page is an object with pageId, source, contentType, receivedAt and body");
        }
        List<String> violations = SchemaValidator.get().violations(MessageSchema.RAW_PAGE, json);
        if (!violations.isEmpty()) {
            throw new PageProcessingException(Stage.VALIDATE, Reason.INVALID, "not a valid raw page: " + String.join("; ", violations));
        }
        RawPage page;
        try {
            page = Json.mapper().treeToValue(json, RawPage.class);
        } catch (IOException | RuntimeException e) {
            throw new PageProcessingException(Stage.VALIDATE, Reason.INVALID, "not a valid raw page: " + firstLine(e.getMessage()), e);
        }
        String binary = binaryProblem(page.body());
        if (binary != null) {
            throw new PageProcessingException(Stage.VALIDATE, Reason.BINARY_BODY, "the body is not text: " + binary);
        }
        return page;
    }

    /** The page read, also checking that the record's {@code key} is its pageId. */
    public RawPage read(String key, byte[] bytes) {
        RawPage page = read(bytes);
        if (key == null) {
            throw new PageProcessingException(Stage.VALIDATE, Reason.NO_KEY,
                    "a raw page needs its pageId as the record key; the key is missing");
        }
        if (!key.equals(page.pageId())) {
            throw new PageProcessingException(Stage.VALIDATE, Reason.KEY_MISMATCH,
                    "the record key '" + key + "' is not the page's pageId '" + page.pageId() + "'");
        }
        return page;
    }

    /** What makes {@code body} binary rather than text, or null when it is text. */
    static String binaryProblem(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        int controls = 0;
        int replacements = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= 0x20 && c < 0x7F) { // printable ASCII, most of any page: one test
                continue;
            }
            if (c == 0) {
                return "a NUL character at " + i;
            }
            if (c == '\uFFFD') {
                replacements++;
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7F && c <= 0x9F)) {
                controls++;
            }
        }
        if (controls > body.length() / 100) {
            return controls + " control characters in " + body.length();
        }
        if (replacements > body.length() / 10) {
            return replacements + " undecodable bytes (U+FFFD) in " + body.length() + " characters";
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
