package io.filmwire.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A URL for ingest-service to fetch again (schema {@code fetch-request.schema.json}); the value on
 * pages.fetch, keyed by the URL. Written by the replay of an intake dead letter, read by
 * ingest-service, which fetches it through its fetch policy and robots.txt and writes the page to
 * pages.raw (or a new dead letter).
 *
 * @param url         the absolute http(s) URL
 * @param source      the source the page is written with ({@code feed:<url>}, {@code fetch})
 * @param title       a title given with the link, or null
 * @param requestedAt when the fetch was asked for
 */
public record FetchRequest(String url, String source, String title, Instant requestedAt) {

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /**
     * The fetch that replays the intake dead letter {@code entry}: its input's {@code url} (else its
     * page id), {@code feed} and {@code title} when its input is a feed item or an earlier request.
     *
     * @throws IllegalArgumentException when the entry names no URL
     */
    public static FetchRequest replaying(DlqEntry entry, Instant now) {
        JsonNode input = null;
        try {
            input = entry.input() == null ? null : Json.mapper().readTree(entry.input());
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: the page id is the URL
        }
        String url = text(input, "url");
        if (url == null) {
            url = entry.pageId();
        }
        if (url == null || PageIds.canonicalUrl(url) == null) {
            throw new IllegalArgumentException("dead letter '" + entry.id() + "' names no http(s) URL to fetch again");
        }
        String source = text(input, "source");
        if (source == null) {
            String feed = text(input, "feed");
            source = feed == null ? "fetch" : "feed:" + feed;
        }
        return new FetchRequest(url, source, text(input, "title"), now);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null || !node.isObject() ? null : node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }
}
