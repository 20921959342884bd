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

    @Test
    void validUtf8WinsOverADeclarationThatContradictsIt() {
        // a page saved as UTF-8 that kept the windows-1251 declaration of its original
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                + "</head><body><h1>Осколки</h1><p>режиссер Джереми Подесва</p></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        assertThat(page(bytes, RawPage.HTML, null, null).body()).contains("Осколки", "Джереми Подесва");
        assertThat(page(bytes, RawPage.HTML, "windows-1251", null).body()).contains("Осколки");
    }

    @Test
    void aDeclaredLegacyEncodingIsUsedWhenTheBytesAreNotUtf8() {
        String html = "<html><head><meta charset=\"windows-1251\"></head><body><p>Брат, 1997, режиссер Алексей Балабанов</p></body></html>";
        assertThat(page(html.getBytes(Charset.forName("windows-1251")), RawPage.HTML, null, null).body())
                .contains("Брат, 1997, режиссер Алексей Балабанов");
    }

    @Test
    void anUndeclaredLegacyEncodingIsDetected() {
        String russian = "Фильм рассказывает о молодом человеке, который возвращается домой из армии и ищет своего "
                + "старшего брата в Петербурге. Режиссер Алексей Балабанов снял эту картину в тысяча девятьсот "
                + "девяносто седьмом году, и она стала одной из самых известных лент своего времени.";
        assertThat(page(russian.getBytes(Charset.forName("windows-1251")), RawPage.TEXT, null, null).body())
                .isEqualTo(russian);
        String japanese = "この映画は、小さな町に住む少女が不思議な世界に迷い込み、家族を救うために働く物語です。"
                + "監督は長年アニメーションを作り続けてきた人物で、美しい背景と音楽が高く評価されました。";
        assertThat(page(japanese.getBytes(Charset.forName("Shift_JIS")), RawPage.TEXT, null, null).body())
                .isEqualTo(japanese);
    }

    @Test
    void aRealPageSavedAsUtf8ThatStillDeclaresWindows1251() throws Exception {
        byte[] bytes;
        try (var in = new java.util.zip.GZIPInputStream(
                PageFactoryTest.class.getResourceAsStream("/pages/kinopoisk_fugitivepieces.html.gz"))) {
            bytes = in.readAllBytes();
        }
        assertThat(new String(bytes, 0, 4096, StandardCharsets.ISO_8859_1)).containsIgnoringCase("windows-1251");
        RawPage p = page(bytes, null, null, null);
        assertThat(p.body()).contains("Осколки").doesNotContain("РћСЃРєРѕР»РєРё");
    }
}
