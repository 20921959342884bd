package io.filmwire.enrich.extract.structured;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.text.Languages;
import io.filmwire.enrich.extract.text.Ratings;
import io.filmwire.enrich.extract.text.Runtimes;
import io.filmwire.enrich.extract.text.Years;
import io.filmwire.enrich.model.Layer;
import io.filmwire.schema.FilmRecord.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Layer 1: what a page states in machine-readable form. schema.org Movie in JSON-LD and in
 * microdata (its own properties only: a review's language or author is not the film's), a rating
 * given to the page's creative work, and OpenGraph / meta tags. Stateless and thread-safe.
 */
public final class StructuredExtractor {

    private static final Set<String> MOVIE_TYPES = Set.of("movie", "film", "videoobject.movie", "tvmovie", "shortfilm");
    private static final Set<String> RATED_TYPES = Set.of("creativework", "creativeworkseries", "movieseries",
            "webpage", "product", "article", "blogposting", "tvseries");

    /** The Movie objects among a page's JSON-LD objects ({@link JsonLd#objects}), in page order. */
    public static List<JsonNode> movies(List<JsonNode> objects) {
        List<JsonNode> movies = new ArrayList<>();
        for (JsonNode node : objects) {
            if (JsonLd.types(node).stream().anyMatch(MOVIE_TYPES::contains) && JsonLd.text(node.get("name")) != null) {
                movies.add(node);
            }
        }
        return movies;
    }

    /**
     * Facts of the page's single film from JSON-LD, microdata and meta tags.
     *
     * @param objects the page's JSON-LD objects, read once by the caller ({@link JsonLd#objects})
     */
    public WorkFacts extract(Document doc, List<JsonNode> objects) {
        WorkFacts facts = new WorkFacts();
        List<JsonNode> movies = movies(objects);
        if (!movies.isEmpty()) {
            movie(movies.get(0), facts);
        } else {
            for (JsonNode node : objects) {
                if (JsonLd.types(node).stream().anyMatch(RATED_TYPES::contains) && node.has("aggregateRating")) {
                    rating(node.get("aggregateRating"), facts, 0.7, "JSON-LD " + node.path("@type").asText());
                    break;
                }
            }
        }
        Element micro = doc.selectFirst(Queries.Q1);
        if (micro != null) {
            microdata(micro, facts);
        }
        if (facts.ratings().isEmpty()) {
            looseRating(doc, facts);
        }
        meta(doc, facts);
        return facts;
    }

    /**
     * Facts of a schema.org work that is not typed Movie but is the page's film (a TV guide's
     * TVEpisode, a cinema's screening Event): its running time, its credits, and its year only where
     * the date has no month ("2016", "2016-00-00": a broadcast or screening date is no film's year).
     */
    public static void work(JsonNode work, WorkFacts facts) {
        String name = JsonLd.text(work.get("name"));
        String date = JsonLd.text(work.get("datePublished"));
        if (date == null) {
            date = JsonLd.text(work.get("dateCreated"));
        }
        if (date != null && CompiledRx.P1.matcher(date.strip()).matches()) {
            facts.year(Integer.parseInt(date.strip().substring(0, 4)), Layer.STRUCTURED,
                    "JSON-LD " + JsonLd.text(work.get("@type")) + " datePublished: " + date, 0.85);
        }
        String duration = JsonLd.text(work.get("duration"));
        OptionalInt minutes = Runtimes.parse(duration);
        if (minutes.isPresent()) {
            facts.runtime(minutes.getAsInt(), Layer.STRUCTURED, "JSON-LD duration of " + name + ": " + duration, 0.85);
        }
        people(work.get("director"), "director", facts);
        people(work.get("actor"), "cast", facts);
        people(work.get("musicBy"), "composer", facts);
    }

    /** Facts of one JSON-LD Movie object. */
    public static void movie(JsonNode movie, WorkFacts facts) {
        String name = JsonLd.text(movie.get("name"));
        facts.title(name, Layer.STRUCTURED, "JSON-LD name: " + name, 0.95);
        for (JsonNode alt : JsonLd.items(movie.get("alternateName"))) {
            facts.alias(JsonLd.text(alt), Layer.STRUCTURED, "JSON-LD alternateName", 0.9);
        }
        for (String key : new String[] {"datePublished", "releasedEvent", "dateCreated"}) {
            String date = JsonLd.text(movie.get(key));
            if (date != null && key.equals("datePublished")) {
                OptionalInt year = Years.first(date);
                if (year.isPresent()) {
                    facts.year(year.getAsInt(), Layer.STRUCTURED, "JSON-LD datePublished: " + date, 0.9);
                }
            }
        }
        String duration = JsonLd.text(movie.get("duration"));
        OptionalInt minutes = Runtimes.parse(duration);
        if (minutes.isPresent()) {
            facts.runtime(minutes.getAsInt(), Layer.STRUCTURED, "JSON-LD duration: " + duration, 0.95);
        }
        if (movie.has("aggregateRating")) {
            rating(movie.get("aggregateRating"), facts, 0.9, "JSON-LD aggregateRating");
        }
        for (JsonNode lang : JsonLd.items(movie.get("inLanguage"))) {
            Languages.normalise(JsonLd.text(lang)).ifPresent(l ->
                    facts.language(l, Layer.STRUCTURED, "JSON-LD inLanguage: " + JsonLd.text(lang), 0.9));
        }
        for (JsonNode genre : JsonLd.items(movie.get("genre"))) {
            facts.genre(JsonLd.text(genre), Layer.STRUCTURED, "JSON-LD genre", 0.9);
        }
        people(movie.get("director"), "director", facts);
        people(movie.get("directors"), "director", facts);
        people(movie.get("actor"), "cast", facts);
        people(movie.get("actors"), "cast", facts);
        people(movie.get("producer"), "producer", facts);
        people(movie.get("musicBy"), "composer", facts);
        people(movie.get("author"), "writer", facts);
        people(movie.get("creator"), "writer", facts);
    }

    private static void people(JsonNode value, String role, WorkFacts facts) {
        for (JsonNode person : JsonLd.items(value)) {
            if (person.isObject()) {
                List<String> types = JsonLd.types(person);
                if (!types.isEmpty() && !types.contains("person")) {
                    continue;
                }
            }
            String name = JsonLd.text(person);
            if (name != null) {
                facts.credit(role, name, null, Layer.STRUCTURED, "JSON-LD " + role + ": " + name, 0.95);
            }
        }
    }

    private static void rating(JsonNode rating, WorkFacts facts, double confidence, String source) {
        if (rating == null || !rating.isObject()) {
            return;
        }
        String value = JsonLd.text(rating.get("ratingValue"));
        if (value == null) {
            return;
        }
        double v;
        try {
            v = Ratings.number(value);
        } catch (NumberFormatException e) {
            return;
        }
        String best = JsonLd.text(rating.get("bestRating"));
        double scale = best != null ? parseOr(best, 10) : v <= 5 && value.contains(".") ? 10 : v <= 10 ? 10 : 100;
        if (v < 0 || v > scale) {
            return;
        }
        String count = JsonLd.text(rating.get("ratingCount"));
        if (count == null) {
            count = JsonLd.text(rating.get("reviewCount"));
        }
        OptionalLong n = Ratings.countNumber(count);
        facts.rating(new Rating(v, scale, n.isPresent() ? n.getAsLong() : null, null), Layer.STRUCTURED,
                source + ": " + value + "/" + (best == null ? "?" : best) + (count == null ? "" : " (" + count + ")"),
                confidence);
    }

    private static double parseOr(String s, double fallback) {
        try {
            return Ratings.number(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void microdata(Element movie, WorkFacts facts) {
        for (Element prop : movie.select(Queries.Q2)) {
            if (scopeOf(prop) != movie) {
                continue;
            }
            String name = prop.attr("itemprop").toLowerCase(Locale.ROOT);
            switch (name) {
                case "name" -> facts.title(prop.text(), Layer.STRUCTURED, "microdata name: " + prop.text(), 0.9);
                case "datepublished" -> Years.first(value(prop)).ifPresent(y ->
                        facts.year(y, Layer.STRUCTURED, "microdata datePublished: " + value(prop), 0.85));
                case "duration" -> Runtimes.parse(value(prop)).ifPresent(m ->
                        facts.runtime(m, Layer.STRUCTURED, "microdata duration: " + value(prop), 0.9));
                case "inlanguage" -> Languages.normalise(value(prop)).ifPresent(l ->
                        facts.language(l, Layer.STRUCTURED, "microdata inLanguage", 0.85));
                case "genre" -> facts.genre(value(prop), Layer.STRUCTURED, "microdata genre", 0.85);
                case "director", "actor", "actors", "producer", "musicby" -> {
                    String role = switch (name) {
                        case "director" -> "director";
                        case "producer" -> "producer";
                        case "musicby" -> "composer";
                        default -> "cast";
                    };
                    Element personName = prop.hasAttr("itemscope") ? prop.selectFirst(Queries.Q3) : prop;
                    String person = personName == null ? prop.text() : personName.text();
                    facts.credit(role, person, null, Layer.STRUCTURED, "microdata " + name + ": " + person, 0.9);
                }
                case "aggregaterating" -> microRating(prop, facts);
                default -> {
                    // not a film fact
                }
            }
        }
    }

    /**
     * A rating marked with microdata properties outside any item ({@code itemprop=ratingValue} and
     * {@code ratingCount} on a page without a Movie scope), unless it belongs to a review.
     */
    private static void looseRating(Document doc, WorkFacts facts) {
        Element value = doc.selectFirst(Queries.Q4);
        if (value == null) {
            return;
        }
        for (Element p = value.parent(); p != null; p = p.parent()) {
            if (p.hasAttr("itemscope")) {
                String type = p.attr("itemtype").toLowerCase(Locale.ROOT);
                if (type.contains("review") && !type.contains("aggregate")) {
                    return;
                }
            }
        }
        Element scope = value;
        for (int i = 0; i < 3 && scope.parent() != null; i++) {
            scope = scope.parent();
            if (scope.selectFirst(Queries.Q5) != null) {
                break;
            }
        }
        microRating(scope, facts);
    }

    private static void microRating(Element scope, WorkFacts facts) {
        Element value = scope.selectFirst(Queries.Q4);
        if (value == null) {
            return;
        }
        Element best = scope.selectFirst(Queries.Q6);
        Element count = scope.selectFirst(Queries.Q7);
        if (count == null) {
            count = scope.selectFirst(Queries.Q8);
        }
        try {
            double v = Ratings.number(value(value));
            double scale = best == null ? (v <= 10 ? 10 : 100) : Ratings.number(value(best));
            OptionalLong n = count == null ? OptionalLong.empty() : Ratings.countNumber(value(count));
            if (v <= scale) {
                facts.rating(new Rating(v, scale, n.isPresent() ? n.getAsLong() : null, null), Layer.STRUCTURED,
                        "microdata aggregateRating: " + scope.text(), 0.9);
            }
        } catch (NumberFormatException e) {
            // not a number: no rating
        }
    }

    private static Element scopeOf(Element prop) {
        for (Element p = prop.parent(); p != null; p = p.parent()) {
            if (p.hasAttr("itemscope")) {
                return p;
            }
        }
        return null;
    }

    private static String value(Element el) {
        for (String attr : new String[] {"content", "datetime", "value"}) {
            if (el.hasAttr(attr) && !el.attr(attr).isBlank()) {
                return el.attr(attr).strip();
            }
        }
        return el.text().strip();
    }

    private static void meta(Document doc, WorkFacts facts) {
        String title = doc.title();
        if (!title.isBlank()) {
            Titles.Parsed parsed = Titles.parsePageTitle(title);
            facts.title(parsed.title(), Layer.STRUCTURED, "<title>" + title + "</title>", 0.7);
            if (parsed.year() != null) {
                facts.year(parsed.year(), Layer.STRUCTURED, "<title>" + title + "</title>", 0.75);
            }
        }
        Element og = doc.selectFirst(Queries.Q9);
        if (og != null) {
            Titles.Parsed parsed = Titles.parsePageTitle(og.attr("content"));
            facts.title(parsed.title(), Layer.STRUCTURED, "og:title " + og.attr("content"), 0.72);
            if (parsed.year() != null) {
                facts.year(parsed.year(), Layer.STRUCTURED, "og:title " + og.attr("content"), 0.75);
            }
        }
        Element ogDescription = doc.selectFirst(Queries.Q10);
        if (ogDescription != null) {
            String d = ogDescription.attr("content");
            // a short fact line ("1h 43m | PG-13"), not a synopsis
            if (d.length() <= 40) {
                Runtimes.parse(d).ifPresent(m -> facts.runtime(m, Layer.STRUCTURED, "og:description " + d, 0.7));
            }
        }
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("(18|19|20)\\d\\d(-00(-00)?)?");

        private CompiledRx() {
        }
    }

    /** The CSS queries of this file, parsed once (a query string is parsed again at each call). */
    private static final class Queries {
        static final org.jsoup.select.Evaluator Q1 = org.jsoup.select.QueryParser.parse("[itemscope][itemtype~=(?i)schema\\.org/(Movie|Film)\\b]");
        static final org.jsoup.select.Evaluator Q2 = org.jsoup.select.QueryParser.parse("[itemprop]");
        static final org.jsoup.select.Evaluator Q3 = org.jsoup.select.QueryParser.parse("[itemprop=name]");
        static final org.jsoup.select.Evaluator Q4 = org.jsoup.select.QueryParser.parse("[itemprop=ratingValue]");
        static final org.jsoup.select.Evaluator Q5 = org.jsoup.select.QueryParser.parse("[itemprop=ratingCount], [itemprop=reviewCount]");
        static final org.jsoup.select.Evaluator Q6 = org.jsoup.select.QueryParser.parse("[itemprop=bestRating]");
        static final org.jsoup.select.Evaluator Q7 = org.jsoup.select.QueryParser.parse("[itemprop=ratingCount]");
        static final org.jsoup.select.Evaluator Q8 = org.jsoup.select.QueryParser.parse("[itemprop=reviewCount]");
        static final org.jsoup.select.Evaluator Q9 = org.jsoup.select.QueryParser.parse("meta[property=og:title][content]");
        static final org.jsoup.select.Evaluator Q10 = org.jsoup.select.QueryParser.parse("meta[property=og:description][content]");

        private Queries() {
        }
    }
}
