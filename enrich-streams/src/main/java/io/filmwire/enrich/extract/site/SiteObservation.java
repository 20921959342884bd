package io.filmwire.enrich.extract.site;

import java.util.List;

/**
 * What one page shows of its site's template, kept in the site's {@link SiteProfile}: its title as
 * the browser shows it, its topic (what the page is about, to tell one page's blocks from another's),
 * and the hashes of its blocks' text (navigation, footers and widgets repeat from page to page).
 *
 * @param site        the site key (host), never null
 * @param pageId      the page
 * @param topic       a key of what the page is about (its first heading, else its title)
 * @param titles      the page's {@code <title>} and {@code og:title}, as published (nulls left out)
 * @param blockHashes hashes of the text of the page's blocks, each once
 * @param at          when the page was received (epoch milliseconds)
 */
public record SiteObservation(String site, String pageId, String topic, List<String> titles, long[] blockHashes,
                              long at) {

    public SiteObservation {
        titles = titles == null ? List.of() : List.copyOf(titles);
        blockHashes = blockHashes == null ? new long[0] : blockHashes;
    }
}
