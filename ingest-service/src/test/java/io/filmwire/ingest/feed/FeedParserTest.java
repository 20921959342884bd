package io.filmwire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filmwire.ingest.feed.FeedParser.Feed;
import io.filmwire.ingest.feed.FeedParser.Item;
import io.filmwire.ingest.feed.FeedParser.Kind;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static final URI BASE = URI.create("https://news.example/feeds/films.xml");
    private static final long LIMIT = 1 << 20;

    private static Feed parse(String xml) throws Exception {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, BASE, LIMIT);
    }

    @Test
    void rssItemsGiveTheirLinksTitlesAndGuidsWhenLinksAreMissing() throws Exception {
        Feed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
                  <channel>
                    <title>Film desk</title>
                    <link>https://news.example/</link>
                    <item>
                      <title>Review: &lt;i&gt;The Long Night&lt;/i&gt;</title>
                      <link>https://news.example/reviews/long-night?utm_source=rss#top</link>
                      <guid isPermaLink="false">tag:news.example,2026:1</guid>
                    </item>
                    <item>
                      <title><![CDATA[Festival diary, day 2]]></title>
                      <guid>https://news.example/festival/day-2</guid>
                    </item>
                    <item><title>Relative</title><link>/interviews/director</link></item>
                    <item><title>Mail</title><link>mailto:desk@news.example</link></item>
                    <item><title>Twice</title><link>https://news.example/reviews/long-night</link></item>
                  </channel>
                </rss>
                """);
        assertThat(feed.kind()).isEqualTo(Kind.RSS);
        assertThat(feed.items()).containsExactly(
                new Item("https://news.example/reviews/long-night", "Review: The Long Night", null),
                new Item("https://news.example/festival/day-2", "Festival diary, day 2", null),
                new Item("https://news.example/interviews/director", "Relative", null));
        assertThat(feed.skipped()).isEqualTo(1);
    }

    @Test
    void atomEntriesUseTheirAlternateLinkAndUpdatedAsVersion() throws Exception {
        Feed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Reviews</title>
                  <entry>
                    <title type="html">A &lt;b&gt;bold&lt;/b&gt; debut</title>
                    <link rel="self" href="https://news.example/api/1"/>
                    <link rel="alternate" type="text/html" href="/reviews/debut"/>
                    <updated>2026-11-20T08:00:00Z</updated>
                  </entry>
                  <entry>
                    <title>Only published</title>
                    <link href="https://news.example/reviews/two"/>
                    <published>2026-11-19T08:00:00Z</published>
                  </entry>
                </feed>
                """);
        assertThat(feed.kind()).isEqualTo(Kind.ATOM);
        assertThat(feed.items()).containsExactly(
                new Item("https://news.example/reviews/debut", "A bold debut", "2026-11-20T08:00:00Z"),
                new Item("https://news.example/reviews/two", "Only published", "2026-11-19T08:00:00Z"));
    }

    @Test
    void rss1RdfItemsAreRead() throws Exception {
        Feed feed = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                  <channel rdf:about="https://news.example/"><title>Old style</title></channel>
                  <item rdf:about="https://news.example/a"><title>A</title><link>https://news.example/a</link></item>
                </rdf:RDF>
                """);
        assertThat(feed.items()).extracting(Item::url).containsExactly("https://news.example/a");
    }

    @Test
    void sitemapsAndSitemapIndexesGiveUrlsWithLastmod() throws Exception {
        Feed sitemap = parse("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://news.example/films/1</loc><lastmod>2026-11-01</lastmod></url>
                  <url><loc> https://news.example/films/2 </loc></url>
                </urlset>
                """);
        assertThat(sitemap.kind()).isEqualTo(Kind.SITEMAP);
        assertThat(sitemap.items()).containsExactly(new Item("https://news.example/films/1", null, "2026-11-01"),
                new Item("https://news.example/films/2", null, null));

        Feed index = parse("""
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://news.example/sitemap-films.xml</loc><lastmod>2026-11-20</lastmod></sitemap>
                  <sitemap><loc>/sitemap-news.xml.gz</loc></sitemap>
                </sitemapindex>
                """);
        assertThat(index.kind()).isEqualTo(Kind.SITEMAP_INDEX);
        assertThat(index.items()).isEmpty();
        assertThat(index.children()).containsExactly(new Item("https://news.example/sitemap-films.xml", null, "2026-11-20"),
                new Item("https://news.example/sitemap-news.xml.gz", null, null));
    }

    @Test
    void aGzippedSitemapIsUnpackedAndTheXmlDeclarationGivesTheCharset() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Am\u00e9lie</title>"
                + "<link>https://news.example/amelie</link></item></channel></rss>";
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write(xml.getBytes(Charset.forName("ISO-8859-1")));
        }
        Feed feed = FeedParser.parse(packed.toByteArray(), null, BASE, LIMIT);
        assertThat(feed.items()).containsExactly(new Item("https://news.example/amelie", "Amélie", null));
        assertThatThrownBy(() -> FeedParser.parse(packed.toByteArray(), null, BASE, 50))
                .isInstanceOf(FeedParser.NotAFeedException.class).hasMessageContaining("once decompressed");
    }

    @Test
    void whatIsNotAFeedIsRefusedNamingItsRootElement() {
        assertThatThrownBy(() -> parse("<!doctype html><html><body>a page</body></html>"))
                .isInstanceOf(FeedParser.NotAFeedException.class).hasMessageContaining("<html>");
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(FeedParser.NotAFeedException.class).hasMessageContaining("empty or not XML");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Feed feed = parse("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss><channel><item><title>&xxe;</title><link>https://news.example/x</link></item></channel></rss>
                """);
        assertThat(feed.items()).singleElement().satisfies(item -> assertThat(item.title()).doesNotContain("root:"));
    }
}
