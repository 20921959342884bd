package io.filmwire.enrich.dedup;

/**
 * What deduplication decided about one page.
 *
 * @param pageId      the page
 * @param kind        new, update, refetch or duplicate
 * @param duplicateOf for a refetch or a duplicate: the page whose content it repeats (for a refetch
 *                    of a kept page, the page itself); else null
 * @param similarity  estimated similarity (0..1) to {@code duplicateOf}, or for a kept page to the
 *                    most similar other page looked at; null when there was none
 * @param withdraws   true when the page's earlier version was kept and this one is a copy of another
 *                    page: the works the earlier version contributed must be withdrawn
 */
public record Verdict(String pageId, Kind kind, String duplicateOf, Double similarity, boolean withdraws) {

    /** The kinds of decision. */
    public enum Kind {
        /** A page id not seen before, not a copy: its works go on to reconciliation. */
        NEW,
        /** A page seen before whose text or facts changed, not a copy: its works replace the earlier ones. */
        UPDATE,
        /** The same page again with the same text and facts: nothing to do. */
        REFETCH,
        /** A copy of another page's article (same or nearly the same text): its works are not used. */
        DUPLICATE,
        /**
         * A version of a page fetched before the version already taken (a late or replayed old
         * version): dropped, so it never rolls the page's films back.
         */
        STALE;

        /** The kind's name in metrics and messages. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** True when the page's works go on to reconciliation. */
    public boolean kept() {
        return kind == Kind.NEW || kind == Kind.UPDATE;
    }
}
