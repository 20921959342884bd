package io.filmwire.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * A page as it was taken in (schema {@code raw-page.schema.json}); the value on pages.raw.
 *
 * @param pageId      canonical URL, or {@code sha256:<hex>} of the body when there is no URL
 * @param url         canonical URL, or null
 * @param source      where it came from ({@code http}, {@code file:<path>}, {@code feed:<url>}, ...)
 * @param contentType {@code text/html} or {@code text/plain}
 * @param fetchedAt   when the site was fetched, or null when unknown
 * @param receivedAt  when Filmwire took it in
 * @param title       a title given by the sender (a feed item's title), or null
 * @param body        the decoded page text
 */
public record RawPage(
        String pageId,
        String url,
        String source,
        String contentType,
        Instant fetchedAt,
        Instant receivedAt,
        String title,
        String body) {

    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";

    public RawPage {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(body, "body");
    }

    /** True when the body is HTML (as opposed to plain text). */
    @JsonIgnore
    public boolean isHtml() {
        return HTML.equals(contentType);
    }
}
