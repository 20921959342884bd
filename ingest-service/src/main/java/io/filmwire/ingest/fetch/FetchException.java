package io.filmwire.ingest.fetch;

import java.time.Duration;

/**
 * A URL that could not be fetched, and whether trying again later may help ({@link #isTransient}:
 * timeouts, connection failures, 429 and 5xx answers) or not (404, refused address, robots.txt,
 * too large, not a page). The message says what happened in words an operator can act on.
 */
public final class FetchException extends Exception {

    private final boolean transientFailure;
    private final Duration retryAfter;

    private FetchException(String message, boolean transientFailure, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    /** A failure that trying again later may cure. */
    public static FetchException transientFailure(String message, Duration retryAfter, Throwable cause) {
        return new FetchException(message, true, retryAfter, cause);
    }

    /** A failure that trying again will not cure. */
    public static FetchException permanent(String message) {
        return new FetchException(message, false, null, null);
    }

    /** A failure that trying again will not cure, caused by {@code cause}. */
    public static FetchException permanent(String message, Throwable cause) {
        return new FetchException(message, false, null, cause);
    }

    /** True when trying again later may succeed. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** How long the server asked us to wait ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
