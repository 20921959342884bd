package io.filmwire.enrich.extract;

import io.filmwire.enrich.clean.ArticleCleaner;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.page.PageContext;
import io.filmwire.schema.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Test helper: pages from strings and fixture files, run through the production extractor. */
public final class Pages {

    private Pages() {
    }

    public static RawPage html(String html) {
        return new RawPage("test.html", null, "test", RawPage.HTML, null, Instant.EPOCH, null, html);
    }

    public static RawPage text(String text) {
        return new RawPage("test.txt", null, "test", RawPage.TEXT, null, Instant.EPOCH, null, text);
    }

    /** A fixture page from {@code src/test/resources/pages/} (see PROVENANCE.md there), gunzipped. */
    public static RawPage fixture(String name) {
        try (InputStream raw = Pages.class.getResourceAsStream("/pages/" + name + ".gz")) {
            if (raw == null) {
                throw new IllegalArgumentException("no fixture page " + name);
            }
            String body = new String(new GZIPInputStream(raw).readAllBytes(), StandardCharsets.UTF_8);
            return new RawPage(name, null, "fixture", name.endsWith(".txt") ? RawPage.TEXT : RawPage.HTML, null,
                    Instant.EPOCH, null, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PageContext context(RawPage page) {
        ArticleCleaner cleaner = new ArticleCleaner();
        if (page.isHtml()) {
            Document doc = Jsoup.parse(page.body());
            return new PageContext(page, doc, cleaner.clean(page, doc));
        }
        return new PageContext(page, null, cleaner.cleanText(page));
    }

    public static List<FilmMention> extract(RawPage page) {
        return new PageExtractor().extract(context(page));
    }

    public static FilmMention single(RawPage page) {
        List<FilmMention> mentions = extract(page);
        if (mentions.size() != 1) {
            throw new AssertionError("expected one work, got " + mentions.size() + ": "
                    + mentions.stream().map(m -> m.title().value()).toList());
        }
        return mentions.get(0);
    }

    /** The names credited in {@code role}. */
    public static List<String> names(FilmMention m, String role) {
        return m.credits().stream().filter(c -> c.value().role().equals(role)).map(c -> c.value().name()).toList();
    }
}
