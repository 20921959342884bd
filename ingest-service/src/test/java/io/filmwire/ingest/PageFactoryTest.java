package io.filmwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filmwire.schema.PageIds;
import io.filmwire.schema.RawPage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageFactoryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    private static RawPage page(byte[] bytes, String type, String charset, String url) {
        return PageFactory.fromBytes(bytes, type, charset, url, "test", null, NOW, null);
    }

    @Test
    void htmlIsRecognisedAndItsCanonicalLinkBecomesThePageId() {
        String html = "<!DOCTYPE html><html><head><link rel=\"canonical\" href=\"https://www.imdb.com/title/tt0036855/?ref_=nv\">"
                + "</head><body>x</body></html>";
        RawPage p = page(html.getBytes(StandardCharsets.UTF_8), null, null, null);
        assertThat(p.contentType()).isEqualTo(RawPage.HTML);
        assertThat(p.pageId()).isEqualTo("https://www.imdb.com/title/tt0036855/?ref_=nv");
        assertThat(p.url()).isEqualTo(p.pageId());
    }

    @Test
    void aGivenUrlWinsAndIsCanonicalised() {
        RawPage p = page("<html><head><meta property=\"og:url\" content=\"https://other.example/\"></head></html>"
                .getBytes(StandardCharsets.UTF_8), null, null, "HTTPS://Films.Example/a?utm_source=x#top");
        assertThat(p.pageId()).isEqualTo("https://films.example/a");
    }

    @Test
    void plainTextWithoutUrlIsKeyedByItsContentHash() {
        RawPage p = page("Little Pyongyang\n\n2018 • 24 min".getBytes(StandardCharsets.UTF_8), null, null, null);
        assertThat(p.contentType()).isEqualTo(RawPage.TEXT);
        assertThat(p.pageId()).isEqualTo(PageIds.contentId(p.body()));
    }

    @Test
    void charsetComesFromTheMetaTagWhenNotDeclared() {
        String html = "<html><head><meta charset=\"windows-1252\"></head><body>Caf\u00e9 \u2014 Am\u00e9lie</body></html>";
        RawPage p = page(html.getBytes(Charset.forName("windows-1252")), RawPage.HTML, null, null);
        assertThat(p.body()).contains("Café — Amélie");
    }

    @Test
    void invalidUtf8FallsBackToWindows1252AndABomIsDropped() {
        byte[] latin = "Am\u00e9lie".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(page(latin, RawPage.TEXT, null, null).body()).isEqualTo("Amélie");
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'h', 'i'};
        assertThat(page(bom, RawPage.TEXT, null, null).body()).isEqualTo("hi");
    }

    @Test
    void persianTextSurvivesIntact() {
        String text = "فیلم ۴ باندی — مدت زمان: ۷۵ دقیقه";
        assertThat(page(text.getBytes(StandardCharsets.UTF_8), null, null, null).body()).isEqualTo(text);
    }

    @Test
    void binaryContentIsRefusedWithAReason() {
        assertThatThrownBy(() -> page("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), null, null, null))
                .isInstanceOf(PageFactory.UnsupportedContentException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> page(new byte[] {'a', 0, 'b'}, null, null, null))
                .isInstanceOf(PageFactory.UnsupportedContentException.class);
    }
}
