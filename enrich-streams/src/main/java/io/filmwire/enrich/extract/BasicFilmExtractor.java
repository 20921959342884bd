package io.filmwire.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.model.Layer;
import io.filmwire.enrich.page.PageContext;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * A first extractor: the page's title, from schema.org JSON-LD when present, else OpenGraph, else
 * {@code <title>}, else the first line; year and runtime from JSON-LD. One work per page.
 * Stateless and thread-safe.
 */
public final class BasicFilmExtractor implements FilmExtractor {

    private static final Pattern YEAR_IN_TITLE = Pattern.compile("\\((\\d{4})\\)");
    private static final Pattern SITE_SUFFIX = Pattern.compile("\\s+[-|–—:]\\s+[^-|–—]{2,40}$");

    @Override
    public List<FilmMention> extract(PageContext page) {
        JsonNode movie = page.isHtml() ? jsonLdMovie(page) : null;
        Fact<String> title = null;
        Fact<Integer> year = null;
        Fact<Integer> runtime = null;
        if (movie != null && movie.hasNonNull("name")) {
            String name = movie.get("name").asText().strip();
            if (!name.isEmpty()) {
                title = Fact.of(name, Layer.STRUCTURED, "JSON-LD name: " + name, 0.95);
            }
            String date = movie.path("datePublished").asText("");
            if (date.matches("\\d{4}.*")) {
                year = Fact.of(Integer.parseInt(date.substring(0, 4)), Layer.STRUCTURED, "JSON-LD datePublished: " + date, 0.9);
            }
            String duration = movie.path("duration").asText("");
            try {
                if (!duration.isEmpty()) {
                    long minutes = Duration.parse(duration).toMinutes();
                    if (minutes > 0) {
                        runtime = Fact.of((int) minutes, Layer.STRUCTURED, "JSON-LD duration: " + duration, 0.9);
                    }
                }
            } catch (DateTimeParseException ignored) {
                // not an ISO duration: no runtime from this field
            }
        }
        if (title == null) {
            title = pageTitle(page);
        }
        if (title == null) {
            return List.of();
        }
        if (year == null) {
            Matcher m = YEAR_IN_TITLE.matcher(title.evidence() == null ? "" : title.evidence());
            if (m.find()) {
                year = Fact.of(Integer.parseInt(m.group(1)), Layer.STRUCTURED, title.evidence(), 0.7);
            }
        }
        RawPage raw = page.raw();
        return List.of(new FilmMention(raw.pageId(), raw.url(), page.clean().site(), raw.fetchedAt(), 0, title,
                List.of(), year, runtime, null, List.of(), List.of(), List.of()));
    }

    private static Fact<String> pageTitle(PageContext page) {
        String raw = page.clean().title();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String title = YEAR_IN_TITLE.matcher(SITE_SUFFIX.matcher(raw).replaceFirst("")).replaceAll("").strip();
        if (title.isEmpty()) {
            return null;
        }
        Layer layer = page.isHtml() ? Layer.STRUCTURED : Layer.SEMI_STRUCTURED;
        return Fact.of(title, layer, raw, 0.6);
    }

    private static JsonNode jsonLdMovie(PageContext page) {
        for (Element script : page.document().select("script[type=application/ld+json]")) {
            try {
                JsonNode node = Json.mapper().readTree(script.data());
                JsonNode movie = findMovie(node);
                if (movie != null) {
                    return movie;
                }
            } catch (Exception ignored) {
                // a broken block: try the next one
            }
        }
        return null;
    }

    private static JsonNode findMovie(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findMovie(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        String type = node.path("@type").asText("").toLowerCase(Locale.ROOT);
        if (type.equals("movie") || type.equals("film")) {
            return node;
        }
        return findMovie(node.get("@graph"));
    }

}
