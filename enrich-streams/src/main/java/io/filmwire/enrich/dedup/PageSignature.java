package io.filmwire.enrich.dedup;

import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.Json;
import io.filmwire.schema.PageIds;
import io.filmwire.schema.RawPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A page as deduplication remembers it: its article's sketch and a hash of the facts extracted from
 * it (so that a page whose text is unchanged but whose structured data changed still counts as an
 * update).
 *
 * @param pageId      the page
 * @param url         its URL, when known
 * @param seenAt      when it arrived (the record's time)
 * @param text        sketch of its article text
 * @param factsHash   hash of its extracted works, fetch times and the page's id, URL and site left out
 * @param duplicateOf the page it was judged a copy of, or null when its content was kept
 * @param fetchedAt   when this version of the page was fetched (its raw page's fetchedAt, else
 *                    receivedAt), which orders the versions of a page; null when unknown
 * @param page        fingerprints of the whole page (its bytes, its content without furniture); null
 *                    when unknown (signatures stored by earlier versions)
 */
public record PageSignature(String pageId, String url, Instant seenAt, TextSketch text, String factsHash,
                            String duplicateOf, Instant fetchedAt, PageFingerprint page) {

    public PageSignature(String pageId, String url, Instant seenAt, TextSketch text, String factsHash, String duplicateOf) {
        this(pageId, url, seenAt, text, factsHash, duplicateOf, null, null);
    }

    public PageSignature(String pageId, String url, Instant seenAt, TextSketch text, String factsHash, String duplicateOf,
                         Instant fetchedAt) {
        this(pageId, url, seenAt, text, factsHash, duplicateOf, fetchedAt, null);
    }

    public PageSignature {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(seenAt, "seenAt");
        Objects.requireNonNull(text, "text");
    }

    /** The signature of a page with article {@code text} and extracted {@code mentions}. */
    public static PageSignature of(String pageId, String url, Instant seenAt, String text, List<FilmMention> mentions) {
        return new PageSignature(pageId, url, seenAt, TextSketch.of(text), factsHash(mentions), null);
    }

    /** The signature of raw page {@code raw}, whose article is {@code text} and works {@code mentions}. */
    public static PageSignature of(RawPage raw, String url, Instant seenAt, String text, List<FilmMention> mentions) {
        return of(raw.pageId(), url, seenAt, text, mentions).withPage(PageFingerprint.of(raw));
    }

    /** This signature, with the fingerprints of its whole page. */
    public PageSignature withPage(PageFingerprint fingerprint) {
        return new PageSignature(pageId, url, seenAt, text, factsHash, duplicateOf, fetchedAt, fingerprint);
    }

    /** This signature, judged a copy of {@code original} (null: kept). */
    public PageSignature withDuplicateOf(String original) {
        return new PageSignature(pageId, url, seenAt, text, factsHash, original, fetchedAt, page);
    }

    /** This signature, of the version fetched at {@code time}. */
    public PageSignature withFetchedAt(Instant time) {
        return new PageSignature(pageId, url, seenAt, text, factsHash, duplicateOf, time, page);
    }

    /** True when this version was fetched before {@code newer} (both times known): an older version. */
    public boolean fetchedBefore(PageSignature newer) {
        return fetchedAt != null && newer.fetchedAt != null && fetchedAt.isBefore(newer.fetchedAt);
    }

    /** Hash of what the mentions say, without when the page was fetched. */
    static String factsHash(List<FilmMention> mentions) {
        List<FilmMention> timeless = mentions.stream()
                // what the page says, not where it is: a copy under another id has the same facts
                .map(m -> new FilmMention("", null, null, null, m.index(), m.title(), m.aliases(),
                        m.year(), m.runtimeMinutes(), m.rating(), m.languages(), m.genres(), m.credits()))
                .toList();
        return PageIds.sha256Hex(Json.write(timeless).getBytes(StandardCharsets.UTF_8));
    }
}
