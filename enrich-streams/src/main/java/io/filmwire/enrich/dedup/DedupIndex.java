package io.filmwire.enrich.dedup;

import java.time.Instant;
import java.util.Collection;

/**
 * What deduplication remembers of recent pages: the last signature of each page id, and which
 * pages' content has each lookup key (fingerprint or MinHash band). Implementations bound it in time
 * (a window store in the Streams app) or keep everything (a map, offline).
 */
public interface DedupIndex {

    /** The last signature remembered for {@code pageId}, or null. */
    PageSignature latest(String pageId);

    /** The pages whose kept content had lookup key {@code key}, most recent first. */
    Collection<String> pagesWithKey(String key);

    /** Remembers {@code signature} as the last of its page. */
    void rememberPage(PageSignature signature);

    /** Remembers that the content of {@code pageId} has these lookup keys. */
    void rememberKeys(String pageId, Collection<String> keys, Instant at);
}
