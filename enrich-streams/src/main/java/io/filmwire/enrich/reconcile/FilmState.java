package io.filmwire.enrich.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What reconciliation keeps of one film between pages: its id, the keys of the mentions it is built
 * from (the mentions themselves are stored apart, {@code pageId#index} -> mention), the title keys
 * that lead to it, what matching compares, and the version and content hash of the record last
 * emitted. A film merged into another stays as a marker ({@code mergedInto} set, no mentions) so that
 * its id is never given to another film and overrides sent to it find the survivor.
 *
 * @param id          stable film id
 * @param mentionKeys the mentions the film is built from, in order of arrival
 * @param titleKeys   the title keys under which the film is indexed
 * @param summary     what matching compares: year, runtime, people (of the last record)
 * @param version     version of the last emitted record, 0 before the first
 * @param contentHash hash of the last emitted record without version and time, null before the first
 * @param createdAt   event time of the page that created the film (the older film survives a merge)
 * @param mergedFrom  ids merged into this film
 * @param mergedInto  for a marker: the id that absorbed this film; else null
 */
public record FilmState(String id, List<String> mentionKeys, List<String> titleKeys, Summary summary, long version,
                        String contentHash, Instant createdAt, List<String> mergedFrom, String mergedInto) {

    public FilmState {
        Objects.requireNonNull(id, "id");
        mentionKeys = mentionKeys == null ? List.of() : List.copyOf(mentionKeys);
        titleKeys = titleKeys == null ? List.of() : List.copyOf(titleKeys);
        summary = summary == null ? Summary.EMPTY : summary;
        mergedFrom = mergedFrom == null ? List.of() : List.copyOf(mergedFrom);
    }

    /** A new film with no mentions yet. */
    public static FilmState created(String id, Instant at) {
        return new FilmState(id, List.of(), List.of(), Summary.EMPTY, 0, null, at, List.of(), null);
    }

    /** True for a film merged into another. */
    public boolean isMarker() {
        return mergedInto != null;
    }

    FilmState withMentionKeys(List<String> keys) {
        return new FilmState(id, keys, titleKeys, summary, version, contentHash, createdAt, mergedFrom, mergedInto);
    }

    FilmState withTitleKeys(List<String> keys) {
        return new FilmState(id, mentionKeys, keys, summary, version, contentHash, createdAt, mergedFrom, mergedInto);
    }

    FilmState withMergedFrom(List<String> ids) {
        return new FilmState(id, mentionKeys, titleKeys, summary, version, contentHash, createdAt, ids, mergedInto);
    }

    FilmState emitted(long newVersion, String hash, Summary newSummary) {
        return new FilmState(id, mentionKeys, titleKeys, newSummary, newVersion, hash, createdAt, mergedFrom, mergedInto);
    }

    FilmState withSummary(Summary newSummary) {
        return new FilmState(id, mentionKeys, titleKeys, newSummary, version, contentHash, createdAt, mergedFrom, mergedInto);
    }

    FilmState mergedInto(String survivor) {
        return new FilmState(id, List.of(), List.of(), Summary.EMPTY, version, contentHash, createdAt, List.of(), survivor);
    }
}
