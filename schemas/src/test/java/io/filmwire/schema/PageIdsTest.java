package io.filmwire.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageIdsTest {

    @Test
    void canonicalUrlDropsFragmentTrackingAndDefaultPort() {
        assertThat(PageIds.canonicalUrl("HTTPS://Example.ORG:443/film/x?utm_source=feed&id=7&fbclid=abc#cast"))
                .isEqualTo("https://example.org/film/x?id=7");
        assertThat(PageIds.canonicalUrl("http://example.org")).isEqualTo("http://example.org/");
        assertThat(PageIds.canonicalUrl("http://example.org:8080/a")).isEqualTo("http://example.org:8080/a");
    }

    @Test
    void somethingThatIsNotAnHttpUrlHasNoCanonicalForm() {
        assertThat(PageIds.canonicalUrl("ftp://example.org/x")).isNull();
        assertThat(PageIds.canonicalUrl("not a url")).isNull();
        assertThat(PageIds.canonicalUrl("/relative/path")).isNull();
    }

    @Test
    void pageIdIsTheUrlOrElseTheContentHash() {
        assertThat(PageIds.pageId("https://example.org/a?utm_medium=x", "body")).isEqualTo("https://example.org/a");
        assertThat(PageIds.pageId(null, "body")).isEqualTo(PageIds.contentId("body")).startsWith("sha256:");
        assertThat(PageIds.contentId("body")).isNotEqualTo(PageIds.contentId("body "));
    }

    @Test
    void siteIsTheHostWithoutWww() {
        assertThat(PageIds.site("https://www.imdb.com/title/tt1/")).isEqualTo("imdb.com");
        assertThat(PageIds.site(null)).isNull();
    }
}
