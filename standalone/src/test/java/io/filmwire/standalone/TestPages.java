package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;

/** Film pages for integration tests: schema.org Movie data the structured extractor reads, and an article of their own. */
public final class TestPages {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestPages() {
    }

    /** POSTs {@code html} as the page at {@code url} to the standalone's intake; asserts 202. */
    public static void post(Standalone standalone, String url, String html) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + standalone.services().httpPort() + "/pages?url=" + url))
                .header("Content-Type", "text/html; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(html)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    /**
     * An HTML page about {@code film}: JSON-LD with its year and running time plus {@code extraJsonLd}
     * (members starting with a comma, e.g. {@link #director}), and 80 pseudo-random words seeded by
     * {@code seed}, so that pages of different seeds are never near-duplicates.
     */
    public static String movie(String film, int year, int minutes, String extraJsonLd, String seed) {
        Random random = new Random(seed.hashCode());
        StringBuilder article = new StringBuilder("Review (" + seed + "):");
        for (int i = 0; i < 80; i++) {
            article.append(' ').append(Integer.toString(100_000 + random.nextInt(1 << 24), 36));
        }
        return "<!doctype html><html><head><title>" + film + " - Test Films</title>"
                + "<script type=\"application/ld+json\">{\"@type\":\"Movie\",\"name\":\"" + film + "\",\"datePublished\":\""
                + year + "-05-01\",\"duration\":\"PT" + minutes + "M\"" + extraJsonLd + "}</script></head>"
                + "<body><nav>Home | Films</nav><article><h1>" + film + "</h1><p>" + article + ".</p></article></body></html>";
    }

    /** JSON-LD members naming the film's director. */
    public static String director(String name) {
        return ",\"director\":{\"@type\":\"Person\",\"name\":\"" + name + "\"}";
    }

    /** JSON-LD members giving the film another title. */
    public static String alias(String title) {
        return ",\"alternateName\":\"" + title + "\"";
    }
}
