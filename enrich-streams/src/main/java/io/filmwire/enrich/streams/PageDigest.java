package io.filmwire.enrich.streams;

import io.filmwire.enrich.dedup.PageSignature;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.page.AnalyzedPage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What deduplication and reconciliation need of an analysed page, without its text: its signature
 * and the works extracted from it. The value of the {@code page-digests} repartition topic.
 */
public record PageDigest(PageSignature signature, List<FilmMention> mentions) {

    public PageDigest {
        Objects.requireNonNull(signature, "signature");
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /** The digest of an analysed page that arrived at {@code at}. */
    public static PageDigest of(AnalyzedPage page, Instant at) {
        return new PageDigest(PageSignature.of(page.clean().pageId(), page.clean().url(), at, page.clean().text(),
                page.mentions()), page.mentions());
    }

    /** This digest, of the page version fetched at {@code fetchedAt} (null: unknown). */
    public PageDigest fetchedAt(Instant fetchedAt) {
        return new PageDigest(signature.withFetchedAt(fetchedAt), mentions);
    }

    /** This digest, with the fingerprints of the whole page (null: unknown). */
    public PageDigest withPage(io.filmwire.enrich.dedup.PageFingerprint page) {
        return new PageDigest(signature.withPage(page), mentions);
    }

    /** The page id. */
    public String pageId() {
        return signature.pageId();
    }

    /** The same page saying nothing: its earlier works are withdrawn. */
    public PageDigest withoutMentions() {
        return new PageDigest(signature, List.of());
    }
}
