package io.filmwire.common.http;

import java.util.Locale;

/** What a token may do. Every role may read. */
public enum Role {
    /** Reads only (when reads need a token, {@code http.auth.reads}). */
    READER,
    /** Sets and removes editorial overrides. */
    EDITOR,
    /** Replays dead letters and sends pages to intake. */
    OPERATOR;

    /** The role's name in configuration: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code key}, or null. */
    public static Role of(String key) {
        for (Role r : values()) {
            if (r.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }
}
