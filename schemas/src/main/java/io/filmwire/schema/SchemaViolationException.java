package io.filmwire.schema;

import java.util.List;

/** A message does not match its JSON Schema; the message lists every violation with its location. */
public final class SchemaViolationException extends RuntimeException {

    private final transient List<String> violations;

    public SchemaViolationException(MessageSchema schema, List<String> violations) {
        super("not a valid " + schema.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": "
                + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** Each violation: "{@code $.path: what is wrong}". */
    public List<String> violations() {
        return violations;
    }
}
