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

    @Test
    void theDigestOfATextIsTheDigestOfItsUtf8BytesWhateverItsCharacters() {
        java.util.Random random = new java.util.Random(20261203);
        // ASCII, Latin-1, the rest of the BMP, pairs and unpaired surrogates, in texts around the chunk size
        char[] kinds = {'a', 'Z', '\n', '\u00e9', '\u00ff', '\u0416', '\u4e2d', '\uffff', '\ud83c', '\udfac', '\udbff', '\udc00'};
        for (int round = 0; round < 400; round++) {
            int length = round < 100 ? random.nextInt(40) : 4090 + random.nextInt(9000);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(10);
                text.append(pick < 6 ? (char) ('a' + random.nextInt(26))
                        : pick < 8 ? kinds[random.nextInt(kinds.length)] : (char) random.nextInt(0x10000));
            }
            if (round % 7 == 0 && length > 4096) {
                text.setCharAt(4095, '\ud83c'); // a pair across the first chunk's end
                text.setCharAt(4096, '\udfac');
            }
            String s = text.toString();
            assertThat(PageIds.sha256Hex(s)).as("text %d", round)
                    .isEqualTo(PageIds.sha256Hex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        assertThat(PageIds.sha256Hex("")).isEqualTo(PageIds.sha256Hex(new byte[0]));
        assertThat(PageIds.sha256Hex("\ud83c")).isEqualTo(PageIds.sha256Hex("?".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
