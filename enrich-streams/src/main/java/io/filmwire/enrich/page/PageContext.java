package io.filmwire.enrich.page;

import io.filmwire.enrich.extract.signals.PageSignals;
import io.filmwire.enrich.extract.site.SiteProfile;
import io.filmwire.schema.CleanPage;
import io.filmwire.schema.RawPage;
import org.jsoup.nodes.Document;

/**
 * A page as the extractors see it: the raw page, its parsed DOM (HTML pages only; null for text),
 * its cleaned article, the signals gathered from it and what its site's profile knows. The DOM is
 * shared: extractors must not modify it.
 */
public record PageContext(RawPage raw, Document document, CleanPage clean, PageSignals signals, SiteProfile profile) {

    /** A page read on its own, without a site profile. */
    public PageContext(RawPage raw, Document document, CleanPage clean) {
        this(raw, document, clean, PageSignals.of(raw, document, clean), null);
    }

    public PageContext {
        if (signals == null) {
            signals = PageSignals.of(raw, document, clean);
        }
        if (profile == null) {
            profile = SiteProfile.empty(signals.siteKey());
        }
    }

    /** True when the page came as HTML. */
    public boolean isHtml() {
        return document != null;
    }
}
