package io.filmwire.ingest;

import java.io.IOException;

/** Input over a size limit (a page, a feed, a request body), said in the message with the limit. */
public final class TooLargeException extends IOException {
    public TooLargeException(String message) {
        super(message);
    }
}
