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
    void irisBecomeUrisTheWayBrowsersWriteThem() {
        assertThat(PageIds.canonicalUrl("https://bücher.example/Fílm Ü?q=été 2#x"))
                .isEqualTo("https://xn--bcher-kva.example/F%C3%ADlm%20%C3%9C?q=%C3%A9t%C3%A9%202");
        assertThat(PageIds.canonicalUrl("https://例え.jp/")).isEqualTo("https://xn--r8jz45g.jp/");
        assertThat(PageIds.canonicalUrl("https://example.org/a%20b/%zz")).isEqualTo("https://example.org/a%20b/%25zz");
        assertThat(PageIds.canonicalUrl("https://user:pw@Example.org\\path\\x")).isEqualTo("https://example.org/path/x");
        assertThat(PageIds.canonicalUrl("https://exa mple.org/")).as("a space in a host").isNull();
        assertThat(PageIds.canonicalUrl("https://example.org:99999/")).isNull();
        assertThat(PageIds.canonicalUrl("http://[::1]:8080/x")).isEqualTo("http://[::1]:8080/x");
    }

    @Test
    void numericHostsAreReadAsBrowsersReadThem() {
        assertThat(PageIds.canonicalUrl("http://0177.0.0.1/")).isEqualTo("http://127.0.0.1/");
        assertThat(PageIds.canonicalUrl("http://0x7f.1/")).isEqualTo("http://127.0.0.1/");
        assertThat(PageIds.canonicalUrl("http://2130706433/")).isEqualTo("http://127.0.0.1/");
        assertThat(PageIds.canonicalUrl("http://127.1/")).isEqualTo("http://127.0.0.1/");
        assertThat(PageIds.canonicalUrl("http://0x7F.0x0.0.01/")).isEqualTo("http://127.0.0.1/");
        assertThat(PageIds.canonicalUrl("http://192.168.0x1.257/")).as("last part over 255 with four parts").isNull();
        assertThat(PageIds.canonicalUrl("http://1.2.3.4.5/")).isNull();
        assertThat(PageIds.canonicalUrl("http://09.1.1.1/")).as("9 is no octal digit").isNull();
        assertThat(PageIds.canonicalUrl("http://4294967296/")).isNull();
        assertThat(PageIds.canonicalUrl("http://1.example/")).isEqualTo("http://1.example/");
        assertThat(PageIds.numericHost("example.org")).isNull();
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
